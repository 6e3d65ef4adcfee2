import { useEffect, useMemo } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { SecretKind } from '../../record/store.ts';
import type { Profile } from '../../record/types.ts';
import { DocumentImportScreen } from '../documents/DocumentImportScreen.tsx';
import type { Session } from '../session/session-context.ts';
import { SessionContext, useSession } from '../session/session-context.ts';

interface PapersImportProps {
  profile: Profile;
  kind: SecretKind;
  onSaved: () => void;
  onCancel: () => void;
}

/** Runs `action` once, when shown: the route the import screen goes to when it is done. */
function Leave({ action }: { action: () => void }) {
  useEffect(action, [action]);
  return null;
}

/**
 * The documents import screen inside the setup, before the record is shown. The vault is
 * open (the setup just made it) but the app still shows the setup, so the import screen gets
 * a session of its own holding only the new profile.
 * SECURITY: nothing of the record is read here: the session holds the profile the helper has
 * just typed and no entries, and the import screen's way out (the saved paper, or back to the
 * list) leads back to the setup, never to the summary or the papers list.
 */
export function PapersImport({ profile, kind, onSaved, onCancel }: PapersImportProps) {
  const session = useSession();
  const scoped = useMemo<Session>(
    () => ({
      ...session,
      state: {
        status: 'unlocked',
        kind,
        openedWith: 'secret',
        mustChooseSecret: false,
        profiles: [profile],
        entries: [],
        unreadable: 0,
      },
      activeProfileId: profile.id,
      refresh: () => Promise.resolve(),
    }),
    [session, kind, profile],
  );
  return (
    <SessionContext.Provider value={scoped}>
      <MemoryRouter initialEntries={['/documents/new']}>
        <Routes>
          <Route path="/documents/new" element={<DocumentImportScreen />} />
          <Route path="/documents/:id" element={<Leave action={onSaved} />} />
          <Route path="*" element={<Leave action={onCancel} />} />
        </Routes>
      </MemoryRouter>
    </SessionContext.Provider>
  );
}
