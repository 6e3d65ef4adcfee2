import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarnetStore } from '../record/store.ts';
import { SessionProvider } from '../features/session/SessionProvider.tsx';
import type { SessionState } from '../features/session/session-context.ts';
import { useSession } from '../features/session/session-context.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';

// Every screen loads on demand, so the first one (onboarding on a first visit, unlock after)
// is interactive after the smallest download; the service worker precaches every chunk, so
// this costs nothing offline.
const Onboarding = lazy(() =>
  import('../features/onboarding/Onboarding.tsx').then((m) => ({ default: m.Onboarding })),
);
const UnlockScreen = lazy(() =>
  import('../features/unlock/UnlockScreen.tsx').then((m) => ({ default: m.UnlockScreen })),
);
const NewSecretScreen = lazy(() =>
  import('../features/unlock/NewSecretScreen.tsx').then((m) => ({ default: m.NewSecretScreen })),
);
// The service worker registers once the first screen is on screen, so precaching the app
// never competes with that screen's download (see Shell).
const UpdatePrompt = lazy(() =>
  import('./UpdatePrompt.tsx').then((m) => ({ default: m.UpdatePrompt })),
);
const loadRecordRoutes = () => import('./RecordRoutes.tsx');
const RecordRoutes = lazy(() => loadRecordRoutes().then((m) => ({ default: m.RecordRoutes })));

/**
 * Fetches the record layer, the router and the home screen once the patient starts typing
 * (every way into the record takes a PIN, a passphrase or a recovery code): they are ready by
 * the time the vault opens, and never compete with the first screen's download. Not on a
 * tap: a tap may be "reload to update", and Chromium leaves the new service worker waiting
 * if the old one is still serving chunks when it is told to take over.
 */
function usePreloadRecordRoutes(preloadStore: () => void): void {
  useEffect(() => {
    const events = ['keydown', 'input'] as const;
    const preload = () => {
      for (const name of events) window.removeEventListener(name, preload, true);
      preloadStore();
      // Offline and not cached: nothing to do here, the lazy screen reports it if it renders.
      void loadRecordRoutes()
        .then((m) => m.preloadHome())
        .catch(() => undefined);
    };
    for (const name of events) window.addEventListener(name, preload, true);
    return () => {
      for (const name of events) window.removeEventListener(name, preload, true);
    };
  }, [preloadStore]);
}

/**
 * Once a record is open, fetches in the background what the first visit left out of the
 * precache (pdf.js, the QR decoder: app/offline-assets.ts), so reading a PDF or scanning a
 * code works offline later. Someone who only looks at the first screen never downloads it.
 */
function useWarmDeferredAssets(open: boolean): void {
  useEffect(() => {
    if (open)
      void import('./offline-assets.ts').then((m) => m.warmDeferredAssets()).catch(() => undefined);
  }, [open]);
}

/** Tells the shell, once, that a screen is on screen (its code had loaded). */
function Shown({ onShown }: { onShown: () => void }) {
  useEffect(onShown, [onShown]);
  return null;
}

interface GateProps {
  preloadStore: () => void;
  onShown: () => void;
}

/**
 * Picks the screen for the vault's state; the record's routes exist only while unlocked.
 * `onShown` runs once that screen has rendered (a lazy screen suspends until its code loads).
 */
function Gate({ preloadStore, onShown }: GateProps) {
  const { state } = useSession();
  usePreloadRecordRoutes(preloadStore);
  useWarmDeferredAssets(state.status === 'unlocked');
  const { t } = useTranslation('common');
  // The boundary sits below SessionProvider: a screen whose code (or strings) is still on its
  // way must never take the session down with it. React keeps the state of a suspended
  // tree's ancestors; Preact (aliased for React in vite.config.ts) remounts everything
  // between the boundary and the screen, so a boundary above the session would lock the
  // vault each time a screen loads.
  return (
    <Suspense fallback={<p className="boot">{t('loading')}</p>}>
      <Screen state={state} />
      {state.status !== 'starting' && <Shown onShown={onShown} />}
    </Suspense>
  );
}

function Screen({ state }: { state: SessionState }) {
  const { t } = useTranslation(['common', 'errors']);
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

interface AppProps {
  store: CarnetStore;
  /** Starts loading the store's code (app/deferred-store.ts) before its first real use. */
  preloadStore?: () => void;
}

const nothing = () => undefined;

function Shell({ store, preloadStore = nothing }: AppProps) {
  const { t } = useTranslation('common');
  const [shown, setShown] = useState(false);
  const onShown = useCallback(() => {
    // For the bench: what the first screen downloaded is what was requested before this.
    if (!performance.getEntriesByName('carnet:first-screen').length)
      performance.mark('carnet:first-screen');
    setShown(true);
  }, []);
  return (
    <ErrorBoundary message={t('crash')} reload={t('reload')}>
      <SessionProvider store={store}>
        <Gate preloadStore={preloadStore} onShown={onShown} />
      </SessionProvider>
      {shown && (
        <Suspense fallback={null}>
          <UpdatePrompt />
        </Suspense>
      )}
    </ErrorBoundary>
  );
}

/** The patient's app. Waits for the first locale before painting (a few KB, precached). */
export function App(props: AppProps) {
  return (
    <Suspense fallback={<p className="boot">Carnet…</p>}>
      <Shell {...props} />
    </Suspense>
  );
}
