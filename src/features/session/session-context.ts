import { createContext, useContext } from 'react';
import type { CarnetStore } from '../../record/store.ts';
import type { Entry, Profile } from '../../record/types.ts';
import type { SecretKind, UnlockedWith } from '../../record/store.ts';
import type { SectionTotals } from '../../record/summary-snapshot.ts';

/** Where the vault stands; the app shows a different screen for each. */
export type SessionState =
  | { status: 'starting' }
  | { status: 'unavailable' }
  | { status: 'new' }
  | { status: 'locked'; kind: SecretKind }
  | {
      status: 'unlocked';
      kind: SecretKind;
      /** How the vault was opened: a recovery-code unlock lets a new PIN go without the old. */
      openedWith: UnlockedWith;
      /**
       * The recovery code opened Carnet and no new PIN or passphrase is saved yet: the app
       * shows nothing but the "choose a new PIN" screen (see after-recovery.ts).
       */
      mustChooseSecret: boolean;
      profiles: readonly Profile[];
      entries: readonly Entry[];
      /** Records that failed to decrypt or decode: counted, never shown half-broken. */
      unreadable: number;
      /**
       * Absent or null once the whole record is read. Before that, just after unlock,
       * `entries` holds only what the summary's first view needs (the summary snapshot), and
       * this each section's total by profile id. SAFETY: while it is set, only the summary is
       * shown, and nothing may act on the record: every other screen waits (WholeRecord.tsx).
       */
      partial?: Readonly<Record<string, SectionTotals>> | null;
      /** Which state of the record was read (summary-snapshot.ts); absent or null when unknown. */
      basis?: string | null;
    };

export interface Session {
  state: SessionState;
  store: CarnetStore;
  /** Re-reads profiles and entries after a change. */
  refresh: () => Promise<void>;
  /** Called by the onboarding and unlock screens once the vault is open. */
  opened: () => Promise<void>;
  lock: () => Promise<void>;
  /** The profile whose record is shown (the patient or a child); null before any exists. */
  activeProfileId: string | null;
  selectProfile: (id: string) => void;
  /**
   * The record's first screen is drawn: background work (the automatic backup check and its
   * integrity check) may begin without delaying it (see useBackgroundStart.ts).
   */
  screenDrawn: () => void;
  /** A screen waits for the whole record: read it now, without waiting for the summary. */
  wholeNeeded: () => void;
}

export const SessionContext = createContext<Session | null>(null);

/** The vault session. Only usable under <SessionProvider>. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The decrypted record; only usable on screens shown while unlocked. */
export function useUnlocked() {
  const session = useSession();
  if (session.state.status !== 'unlocked') throw new Error('useUnlocked while locked');
  return { ...session, state: session.state };
}
