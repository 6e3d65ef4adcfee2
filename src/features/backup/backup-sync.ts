import type { BackupPrefs } from '../../record/tables.ts';
import type { CarnetStore } from '../../record/store.ts';
import type { RelayBackupAccess } from '../../share/backup-client.ts';
import { relayUploadDue } from './auto-upload.ts';
import { isPermanentRelayFailure } from './backup-errors.ts';

/** Where the relay copy stands, for the settings screen. */
type RelayPhase =
  | { readonly phase: 'idle' }
  | { readonly phase: 'uploading'; readonly fraction: number }
  | { readonly phase: 'failed'; readonly error: unknown; readonly at: number };

/** What the screens read: the backup settings (null until read) and the relay copy's state. */
export interface BackupSnapshot {
  readonly prefs: BackupPrefs | null;
  readonly relay: RelayPhase;
}

/** The relay calls, injectable so the logic is tested without a relay. */
export interface RelayCalls {
  put(
    access: RelayBackupAccess,
    file: Blob,
    onProgress: (fraction: number) => void,
    signal: AbortSignal,
  ): Promise<void>;
  remove(access: RelayBackupAccess): Promise<void>;
}

/** The phone's clock and network, injectable for tests. */
export interface Environment {
  now(): number;
  online(): boolean;
}

const IDLE: RelayPhase = { phase: 'idle' };
/** Share of the progress bar for writing the file; the rest is the upload. */
const WRITE_SHARE = 0.4;

// Loaded on first use: the provider sits under the first screen, which should not wait for it.
const client = () => import('../../share/backup-client.ts');
const defaultRelay: RelayCalls = {
  put: async (...args) => (await client()).putRelayBackup(...args),
  remove: async (access) => (await client()).deleteRelayBackup(access),
};
const defaultEnv: Environment = { now: () => Date.now(), online: () => navigator.onLine };

/**
 * The backup settings and the relay copy, one per store, shared by every screen: the
 * settings section, the summary line, and the automatic copy (useAutoBackup). Uploads run
 * one at a time; prefs are changed one at a time (read, change, write), so a file saved while
 * a copy uploads loses neither time. Never throws from the automatic path: a failure is
 * kept in `relay` and tried again at the next check.
 */
export class BackupSync {
  #snapshot: BackupSnapshot = { prefs: null, relay: IDLE };
  readonly #listeners = new Set<() => void>();
  #queue: Promise<unknown> = Promise.resolve();
  #running: Promise<void> | null = null;
  #abort: AbortController | null = null;
  #failure: { at: number; permanent: boolean } | undefined;
  /** True while the copy is being turned off: no new upload may start and recreate it. */
  #disabling = false;
  /** Holds on automatic uploads: a restore under way has the vault open with another key. */
  #holds = 0;

  constructor(
    private readonly store: Pick<CarnetStore, 'backup'> & Partial<Pick<CarnetStore, 'integrity'>>,
    private readonly relay: RelayCalls = defaultRelay,
    private readonly env: Environment = defaultEnv,
  ) {}

  /** For useSyncExternalStore. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly snapshot = (): BackupSnapshot => this.#snapshot;

  #set(change: Partial<BackupSnapshot>): void {
    this.#snapshot = { ...this.#snapshot, ...change };
    for (const listener of this.#listeners) listener();
  }

  /** Reads the prefs again (after unlock). */
  async load(): Promise<BackupPrefs> {
    return this.update((prefs) => prefs);
  }

  /** Changes the prefs one at a time: read, change, write if changed. */
  update(change: (prefs: BackupPrefs) => BackupPrefs): Promise<BackupPrefs> {
    const next = this.#queue.then(async () => {
      const current = await this.store.backup.prefs();
      const changed = change(current);
      if (changed !== current) await this.store.backup.savePrefs(changed);
      if (JSON.stringify(changed) !== JSON.stringify(this.#snapshot.prefs)) {
        this.#set({ prefs: changed });
      }
      return changed;
    });
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /** A backup file was handed to the patient (shared or downloaded). */
  async fileSaved(at: number): Promise<void> {
    await this.update((prefs) => ({ ...prefs, lastFileAt: at }));
  }

  /** The automatic path: uploads when the rule says so (auto-upload.ts). Never throws. */
  async check(): Promise<void> {
    if (this.#running || this.#disabling || this.#holds > 0) return;
    try {
      // A record changed outside Carnet must not be uploaded over the good copy: no
      // automatic copy until the patient has read the notice and kept the record as it is.
      if (this.store.integrity && (await this.store.integrity.report()).status !== 'intact') return;
      const prefs = await this.load();
      const due = relayUploadDue({
        relayOn: prefs.relay !== undefined,
        online: this.env.online(),
        lastChange: await this.store.backup.lastChange(),
        lastRelayAt: prefs.lastRelayAt,
        now: this.env.now(),
        lastFailure: this.#failure,
      });
      if (due) await this.upload();
    } catch {
      // Locked or storage gone meanwhile: the next check tries again.
    }
  }

  /** Makes a backup and sends it to the relay now (one at a time). Never throws. */
  upload(): Promise<void> {
    if (this.#disabling) return Promise.resolve();
    this.#running ??= this.#upload().finally(() => {
      this.#running = null;
      this.#abort = null;
    });
    return this.#running;
  }

  async #upload(): Promise<void> {
    const { relay } = await this.store.backup.prefs().catch(() => ({ relay: undefined }));
    if (!relay) return;
    const controller = new AbortController();
    this.#abort = controller;
    const startedAt = this.env.now();
    const progress = this.#progress();
    progress(0);
    try {
      const file = await this.store.backup.save({
        now: startedAt,
        signal: controller.signal,
        onProgress: (done, total) => progress(total > 0 ? (done / total) * WRITE_SHARE : 0),
      });
      const access = { locator: relay.locator, token: relay.token };
      const sent = (f: number) => progress(WRITE_SHARE + f * (1 - WRITE_SHARE));
      await this.relay.put(access, file, sent, controller.signal);
      // The copy holds the record as it was at `startedAt`: a change made during the upload
      // is newer, and makes the next copy due.
      await this.update((prefs) =>
        prefs.relay?.locator === relay.locator ? { ...prefs, lastRelayAt: startedAt } : prefs,
      );
      this.#failure = undefined;
      this.#set({ relay: IDLE });
    } catch (error) {
      if (controller.signal.aborted) return this.#set({ relay: IDLE });
      const at = this.env.now();
      this.#failure = { at, permanent: isPermanentRelayFailure(error) };
      this.#set({ relay: { phase: 'failed', error, at } });
    }
  }

  /** Progress from 0 to 1, passed on only when it moves by a whole percent. */
  #progress(): (fraction: number) => void {
    let shown = -1;
    return (fraction) => {
      const percent = Math.floor(fraction * 100);
      if (percent === shown) return;
      shown = percent;
      this.#set({ relay: { phase: 'uploading', fraction: percent / 100 } });
    };
  }

  /**
   * Turns the relay copy on with a recovery code that must open this vault (RecordError
   * `wrong-secret`, `bad-recovery-code` otherwise), then sends the first copy at once.
   */
  async enable(code: string): Promise<void> {
    const access = await this.store.backup.relayAccess(code, { mine: true });
    const since = this.env.now();
    await this.update(({ lastRelayAt: _old, ...prefs }) => ({
      ...prefs,
      relay: { locator: access.locator, token: access.token, since },
    }));
    this.#failure = undefined;
    void this.upload();
  }

  /**
   * Turns the relay copy off: stops an upload under way, deletes the copy on the relay
   * (ShareError `offline` or `network` when it cannot: the copy then stays on), and forgets
   * where it was.
   */
  async disable(): Promise<void> {
    this.#disabling = true;
    try {
      this.#abort?.abort();
      await this.#running;
      const { relay } = await this.store.backup.prefs();
      if (relay) await this.relay.remove({ locator: relay.locator, token: relay.token });
      await this.update(({ relay: _gone, lastRelayAt: _old, ...prefs }) => prefs);
      this.#failure = undefined;
      this.#set({ relay: IDLE });
    } finally {
      this.#disabling = false;
    }
  }

  /** Stops an upload under way (the session ends). */
  stop(): void {
    this.#abort?.abort();
  }

  /**
   * Pauses automatic uploads and stops one under way, until the returned release is
   * called: while a restore runs, the vault holds the backup's key, not this record's.
   */
  hold(): () => void {
    this.#holds++;
    this.stop();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#holds--;
    };
  }
}
