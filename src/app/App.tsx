import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarnetStore } from '../record/store.ts';
import { SessionProvider } from '../features/session/SessionProvider.tsx';
import { useSession } from '../features/session/session-context.ts';
import { UnlockScreen } from '../features/unlock/UnlockScreen.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { UpdatePrompt } from './UpdatePrompt.tsx';

// The onboarding and the record's screens load on demand, so the unlock screen is interactive
// after the smallest download; the service worker precaches every chunk, so this costs
// nothing offline.
const Onboarding = lazy(() =>
  import('../features/onboarding/Onboarding.tsx').then((m) => ({ default: m.Onboarding })),
);
const NewSecretScreen = lazy(() =>
  import('../features/unlock/NewSecretScreen.tsx').then((m) => ({ default: m.NewSecretScreen })),
);
const loadRecordRoutes = () => import('./RecordRoutes.tsx');
const RecordRoutes = lazy(() => loadRecordRoutes().then((m) => ({ default: m.RecordRoutes })));

/**
 * Fetches the router and the home screen once the patient starts typing (every way into the
 * record takes a PIN, a passphrase or a recovery code): they are ready by the time the vault
 * opens, and never compete with the first screen's download. Not on a tap: a tap may be
 * "reload to update", and Chromium leaves the new service worker waiting if the old one
 * is still serving chunks when it is told to take over.
 */
function usePreloadRecordRoutes(): void {
  useEffect(() => {
    const events = ['keydown', 'input'] as const;
    const preload = () => {
      for (const name of events) window.removeEventListener(name, preload, true);
      // Offline and not cached: nothing to do here, the lazy screen reports it if it renders.
      void loadRecordRoutes()
        .then((m) => m.preloadHome())
        .catch(() => undefined);
    };
    for (const name of events) window.addEventListener(name, preload, true);
    return () => {
      for (const name of events) window.removeEventListener(name, preload, true);
    };
  }, []);
}

/** Picks the screen for the vault's state; the record's routes exist only while unlocked. */
function Gate() {
  const { t } = useTranslation(['common', 'errors']);
  const { state } = useSession();
  usePreloadRecordRoutes();
  switch (state.status) {
    case 'starting':
      return (
        <p className="boot" role="status">
          {t('loading')}
        </p>
      );
    case 'unavailable':
      return (
        <main className="screen">
          <p role="alert">{t('errors:unavailable')}</p>
        </main>
      );
    case 'new':
      return <Onboarding />;
    case 'locked':
      return <UnlockScreen kind={state.kind} />;
    case 'unlocked':
      // After the recovery code, a new PIN comes first: no route exists until it is saved.
      return state.mustChooseSecret ? <NewSecretScreen /> : <RecordRoutes />;
  }
}

function Shell({ store }: { store: CarnetStore }) {
  const { t } = useTranslation('common');
  return (
    <ErrorBoundary message={t('crash')} reload={t('reload')}>
      <SessionProvider store={store}>
        <Gate />
      </SessionProvider>
      <UpdatePrompt />
    </ErrorBoundary>
  );
}

/** The patient's app. Waits for the first locale before painting (a few KB, precached). */
export function App({ store }: { store: CarnetStore }) {
  return (
    <Suspense fallback={<p className="boot">Carnet…</p>}>
      <Shell store={store} />
    </Suspense>
  );
}
