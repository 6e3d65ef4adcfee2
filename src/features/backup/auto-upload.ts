/**
 * When the relay copy is written again on its own: the rule, kept pure so it can be tested
 * without a browser, a clock or a relay. The hook that applies it is useBackupSync.ts.
 */

/** How often the app looks whether a new relay copy is due, while unlocked. */
export const CHECK_EVERY_MS = 3 * 60_000;

/** At most one automatic relay copy per hour: a patient typing a long note uploads once. */
export const MIN_UPLOAD_GAP_MS = 60 * 60_000;

/** What the rule looks at. Times are epoch milliseconds of the phone's clock. */
export interface UploadFacts {
  /** The patient turned the relay copy on. */
  readonly relayOn: boolean;
  /** The browser believes it is online. */
  readonly online: boolean;
  /** When the record last changed (store.backup.lastChange()). */
  readonly lastChange: number;
  /** When the last relay copy that reached the relay was made; undefined before the first. */
  readonly lastRelayAt: number | undefined;
  readonly now: number;
  /**
   * The last failed attempt since the app opened. A `permanent` one (the relay refused the
   * size) is not tried again until the record changes after it: the same file would be
   * refused again, after uploading it whole.
   */
  readonly lastFailure?: { readonly at: number; readonly permanent: boolean } | undefined;
}

/**
 * True when a new relay copy should be made and sent now: the copy is on, the phone is
 * online, and either no copy reached the relay yet, or the record changed after the last
 * copy and an hour has passed since it. A clock set back (now before the last copy) does not
 * hold uploads back for however long it was moved.
 */
export function relayUploadDue(facts: UploadFacts): boolean {
  if (!facts.relayOn || !facts.online) return false;
  const failure = facts.lastFailure;
  if (failure?.permanent && facts.lastChange <= failure.at) return false;
  if (facts.lastRelayAt === undefined) return true;
  if (facts.lastChange <= facts.lastRelayAt) return false;
  const since = facts.now - facts.lastRelayAt;
  return since >= MIN_UPLOAD_GAP_MS || since < 0;
}
