import type { RetryCode, StopCode } from './flow.ts';
import { useT } from './i18n.ts';

interface MessageProps {
  /** `viewer:error.<code>` holds the title and body. */
  code: StopCode | RetryCode;
  onRetry?: () => void;
}

/** A full-screen message: why the record cannot be shown, and what to do. */
export function Message({ code, onRetry }: MessageProps) {
  const { t } = useT();
  return (
    <section className="v-card v-message" role="alert" aria-labelledby="v-message-title">
      <h2 id="v-message-title">{t(`error.${code}.title`)}</h2>
      <p>{t(`error.${code}.body`)}</p>
      {onRetry && (
        <button type="button" className="v-button" onClick={onRetry}>
          {t('error.retry')}
        </button>
      )}
    </section>
  );
}
