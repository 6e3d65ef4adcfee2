import { useTranslation } from 'react-i18next';
import { useRegisterSW } from 'virtual:pwa-register/react';

/** How often an open app checks for a new version, in ms. */
const UPDATE_CHECK_MS = 60 * 60_000;

/**
 * Registers the service worker and offers "reload to update" when a new version is ready,
 * so nobody is left on a stale app. Nothing reloads by itself: the patient may be typing.
 */
export function UpdatePrompt() {
  const { t } = useTranslation('common');
  const {
    needRefresh: [needRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine) void registration.update();
      }, UPDATE_CHECK_MS);
    },
  });
  if (!needRefresh) return null;
  return (
    <div className="update-banner" role="status">
      <span>{t('update.ready')}</span>
      <button
        type="button"
        className="btn btn-primary btn-small"
        onClick={() => void updateServiceWorker(true)}
      >
        {t('update.reload')}
      </button>
    </div>
  );
}
