import type { ReactNode } from 'react';
import { useId } from 'react';
import type { IconName } from '../../ui/Icon.tsx';
import { Icon } from '../../ui/Icon.tsx';

/** One part of the card's editor: a heading with its icon, an optional hint, its controls. */
export function EditorSection({
  icon,
  title,
  hint,
  children,
}: {
  icon: IconName;
  title: string;
  hint?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="emergency-section" aria-labelledby={id}>
      <h2 id={id} className="emergency-heading">
        <Icon name={icon} />
        <span>{title}</span>
      </h2>
      {hint && <p className="field-hint">{hint}</p>}
      {children}
    </section>
  );
}
