import type { RetryCode, StopCode } from './flow.ts';
import { useT } from './i18n.ts';
import { Isolated, SLOT } from './Isolated.tsx';

interface MessageProps {
  /** `viewer:error.<code>` holds the title and body. */
  code: StopCode | RetryCode;
  /** The server that did not answer (`unreachable`). */
  host?: string;
  onRetry?: () => void;
}

/** A full-screen message: why the record cannot be shown, and what to do. */
export function Message({ code, host, onRetry }: MessageProps) {
  const { t } = useT();
  return (
    <section className="v-card v-message" role="alert" aria-labelledby="v-message-title">
      <h2 id="v-message-title">{t(`error.${code}.title`)}</h2>
      <p>
        <Isolated text={t(`error.${code}.body`, { host: SLOT })} value={host ?? ''} />
      </p>
      {onRetry && (
        <button type="button" className="v-button" onClick={onRetry}>
          {t('error.retry')}
        </button>
      )}
    </section>
  );
}
