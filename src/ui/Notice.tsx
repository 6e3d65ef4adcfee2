import type { ReactNode } from 'react';
import type { IconName } from './Icon.tsx';
import { Icon } from './Icon.tsx';

type Tone = 'info' | 'warning' | 'error' | 'success';

const ICONS: Record<Tone, IconName> = {
  info: 'note',
  warning: 'warning',
  error: 'warning',
  success: 'check',
};

/** A message in a coloured band. Errors are announced at once (role=alert). */
export function Notice({ tone = 'info', children }: { tone?: Tone; children: ReactNode }) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <Icon name={ICONS[tone]} />
      <div>{children}</div>
    </div>
  );
}
