import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import type { CarnetStore } from '../record/store.ts';
import { SessionProvider } from '../features/session/SessionProvider.tsx';
import { useSession } from '../features/session/session-context.ts';
import { UnlockScreen } from '../features/unlock/UnlockScreen.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';

// Screens load on demand so the unlock screen is interactive after the smallest download;
// the service worker precaches every chunk, so this costs nothing offline.
const Onboarding = lazy(() =>
  import('../features/onboarding/Onboarding.tsx').then((m) => ({ default: m.Onboarding })),
);
const SummaryScreen = lazy(() =>
  import('../features/summary/SummaryScreen.tsx').then((m) => ({ default: m.SummaryScreen })),
);
const EntryScreen = lazy(() =>
  import('../features/entries/EntryScreen.tsx').then((m) => ({ default: m.EntryScreen })),
);
const ProfileScreen = lazy(() =>
  import('../features/profiles/ProfileScreen.tsx').then((m) => ({ default: m.ProfileScreen })),
);
const SettingsScreen = lazy(() =>
  import('../features/settings/SettingsScreen.tsx').then((m) => ({ default: m.SettingsScreen })),
);
const DocumentsScreen = lazy(() =>
  import('../features/documents/DocumentsScreen.tsx').then((m) => ({
    default: m.DocumentsScreen,
  })),
);
const DocumentImportScreen = lazy(() =>
  import('../features/documents/DocumentImportScreen.tsx').then((m) => ({
    default: m.DocumentImportScreen,
  })),
);
const DocumentScreen = lazy(() =>
  import('../features/documents/DocumentScreen.tsx').then((m) => ({ default: m.DocumentScreen })),
);
const ShareSetupScreen = lazy(() =>
  import('../features/share/ShareSetupScreen.tsx').then((m) => ({ default: m.ShareSetupScreen })),
);
const ShareQrScreen = lazy(() =>
  import('../features/share/ShareQrScreen.tsx').then((m) => ({ default: m.ShareQrScreen })),
);
const SharesScreen = lazy(() =>
  import('../features/share/SharesScreen.tsx').then((m) => ({ default: m.SharesScreen })),
);
import { UpdatePrompt } from './UpdatePrompt.tsx';

/** Picks the screen for the vault's state; the record's routes exist only while unlocked. */
function Gate() {
  const { t } = useTranslation(['common', 'errors']);
  const { state } = useSession();
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
      return (
        <Routes>
          <Route path="/" element={<SummaryScreen />} />
          <Route path="/entry/new/:kind" element={<EntryScreen />} />
          <Route path="/entry/:id" element={<EntryScreen />} />
          <Route path="/profile/new" element={<ProfileScreen />} />
          <Route path="/profile/:id" element={<ProfileScreen />} />
          <Route path="/settings" element={<SettingsScreen />} />
          <Route path="/documents" element={<DocumentsScreen />} />
          <Route path="/documents/new" element={<DocumentImportScreen />} />
          <Route path="/documents/:id" element={<DocumentScreen />} />
          <Route path="/share" element={<ShareSetupScreen />} />
          <Route path="/shares" element={<SharesScreen />} />
          <Route path="/shares/:id" element={<ShareQrScreen />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      );
  }
}

function Shell({ store }: { store: CarnetStore }) {
  const { t } = useTranslation('common');
  return (
    <ErrorBoundary message={t('crash')} reload={t('reload')}>
      <SessionProvider store={store}>
        <BrowserRouter>
          <Gate />
        </BrowserRouter>
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
