import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import type { CarnetStore } from '../record/store.ts';
import { EntryScreen } from '../features/entries/EntryScreen.tsx';
import { Onboarding } from '../features/onboarding/Onboarding.tsx';
import { ProfileScreen } from '../features/profiles/ProfileScreen.tsx';
import { SessionProvider } from '../features/session/SessionProvider.tsx';
import { useSession } from '../features/session/session-context.ts';
import { SettingsScreen } from '../features/settings/SettingsScreen.tsx';
import { SummaryScreen } from '../features/summary/SummaryScreen.tsx';
import { UnlockScreen } from '../features/unlock/UnlockScreen.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
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
