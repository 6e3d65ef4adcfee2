import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { WholeRecord } from '../features/session/WholeRecord.tsx';
import { ScrollToTop } from './ScrollToTop.tsx';

// Screens load on demand; the service worker precaches every chunk, so this costs nothing
// offline.
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
const RestoreScreen = lazy(() =>
  import('../features/restore/RestoreScreen.tsx').then((m) => ({ default: m.RestoreScreen })),
);
const PrintScreen = lazy(() =>
  import('../features/print/PrintScreen.tsx').then((m) => ({ default: m.PrintScreen })),
);
const VaccinesScreen = lazy(() =>
  import('../features/vaccines/VaccinesScreen.tsx').then((m) => ({ default: m.VaccinesScreen })),
);
const ImportScreen = lazy(() =>
  import('../features/import/ImportScreen.tsx').then((m) => ({ default: m.ImportScreen })),
);
const RepliesScreen = lazy(() =>
  import('../features/replies/RepliesScreen.tsx').then((m) => ({ default: m.RepliesScreen })),
);
const EmergencyScreen = lazy(() =>
  import('../features/emergency/EmergencyScreen.tsx').then((m) => ({
    default: m.EmergencyScreen,
  })),
);
// Background upkeep, not a screen: its own chunk, and its own boundary, so that neither its
// code nor its strings ever hold up the screen shown.
const ReminderWake = lazy(() =>
  import('../features/reminders/ReminderWake.tsx').then((m) => ({ default: m.ReminderWake })),
);

/**
 * The record's screens, shown only while the vault is open. The router lives here, not in
 * the shell, so neither it nor any screen weighs on the onboarding and unlock screens.
 */
export function RecordRoutes() {
  return (
    <BrowserRouter>
      <ScrollToTop />
      {/* The reminder days left for the service worker while Carnet is closed. */}
      <Suspense fallback={null}>
        <ReminderWake />
      </Suspense>
      <Routes>
        <Route path="/" element={<SummaryScreen />} />
        {/* Every other screen waits until the whole record is read (WholeRecord.tsx). */}
        <Route element={<WholeRecord />}>
          <Route path="/entry/new/:kind" element={<EntryScreen />} />
          <Route path="/entry/:id" element={<EntryScreen />} />
          <Route path="/profile/new" element={<ProfileScreen />} />
          <Route path="/profile/:id" element={<ProfileScreen />} />
          <Route path="/settings" element={<SettingsScreen />} />
          <Route path="/restore" element={<RestoreScreen />} />
          <Route path="/documents" element={<DocumentsScreen />} />
          <Route path="/documents/new" element={<DocumentImportScreen />} />
          <Route path="/documents/:id" element={<DocumentScreen />} />
          <Route path="/share" element={<ShareSetupScreen />} />
          <Route path="/shares" element={<SharesScreen />} />
          <Route path="/shares/:id" element={<ShareQrScreen />} />
          <Route path="/print" element={<PrintScreen />} />
          <Route path="/vaccines" element={<VaccinesScreen />} />
          <Route path="/import" element={<ImportScreen />} />
          <Route path="/replies" element={<RepliesScreen />} />
          <Route path="/emergency" element={<EmergencyScreen />} />
        </Route>
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </BrowserRouter>
  );
}

/** Starts loading the home screen too, so opening the vault does not wait for it. */
export function preloadHome(): Promise<unknown> {
  return import('../features/summary/SummaryScreen.tsx');
}
