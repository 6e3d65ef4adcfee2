import { describe, expect, it, vi } from 'vitest';
import { codeOf } from '../../crypto/test-helpers.ts';
import type { BackupService } from '../../record/backup/service.ts';
import { RecordError } from '../../record/errors.ts';
import type { BackupPrefs } from '../../record/tables.ts';
import { ShareError } from '../../share/errors.ts';
import { MIN_UPLOAD_GAP_MS } from './auto-upload.ts';
import type { RelayCalls } from './backup-sync.ts';
import { BackupSync } from './backup-sync.ts';

const CODE = 'GOOD-CODE';
const ACCESS = { locator: 'L'.repeat(43), token: 'T'.repeat(43) };
const T0 = Date.UTC(2025, 5, 1, 9, 0, 0);

/** A store's backup service over memory: prefs, a change time, and files of a few bytes. */
function fakeBackup() {
  const state = { prefs: { id: 'backup' } as BackupPrefs, lastChange: 0, saved: 0 };
  const service: BackupService = {
    prefs: () => Promise.resolve(state.prefs),
    savePrefs: (next) => Promise.resolve(void (state.prefs = next)),
    lastChange: () => Promise.resolve(state.lastChange),
    relayAccess: (code) =>
      code.replace(/[\s-]/g, '').toUpperCase() === 'GOODCODE'
        ? Promise.resolve(ACCESS)
        : Promise.reject(new RecordError('wrong-secret')),
    save: (options) => {
      options?.onProgress?.(1, 2);
      if (options?.signal?.aborted) return Promise.reject(new RecordError('cancelled'));
      options?.onProgress?.(2, 2);
      state.saved++;
      return Promise.resolve(new File([new Uint8Array(8)], 'carnet-2025-06-01.carnet'));
    },
    inspect: () => Promise.reject(new Error('not in this test')),
    restore: () => Promise.reject(new Error('not in this test')),
  };
  return { state, store: { backup: service } };
}

/** A relay that stores what it is sent, or fails as told. */
function fakeRelay() {
  const copies = new Map<string, Blob>();
  const control: { failWith: Error | null } = { failWith: null };
  const put = vi.fn<RelayCalls['put']>((access, file, onProgress) => {
    if (control.failWith) return Promise.reject(control.failWith);
    onProgress(1);
    copies.set(access.locator, file);
    return Promise.resolve();
  });
  const remove = vi.fn<RelayCalls['remove']>((access) => {
    if (control.failWith) return Promise.reject(control.failWith);
    copies.delete(access.locator);
    return Promise.resolve();
  });
  return {
    copies,
    put,
    remove,
    set failWith(error: Error | null) {
      control.failWith = error;
    },
  };
}

function setup() {
  const { state, store } = fakeBackup();
  const relay = fakeRelay();
  const env = { time: T0, online: true, now: () => env.time, isOnline: () => env.online };
  const sync = new BackupSync(store, relay, { now: env.now, online: env.isOnline });
  return { state, relay, env, sync };
}

describe('the relay copy, turned on and off', () => {
  it('refuses a code that does not open this record, and changes nothing', async () => {
    const { state, relay, sync } = setup();
    expect(await codeOf(sync.enable('OTHER-CODE'), RecordError)).toBe('wrong-secret');
    expect(state.prefs.relay).toBeUndefined();
    expect(relay.put).not.toHaveBeenCalled();
  });

  it('turns on with the code typed any way, and sends the first copy at once', async () => {
    const { state, relay, sync } = setup();
    await sync.enable('good code');
    await sync.upload();
    expect(state.prefs.relay).toEqual({ ...ACCESS, since: T0 });
    expect(relay.copies.has(ACCESS.locator)).toBe(true);
    expect(state.prefs.lastRelayAt).toBe(T0);
    expect(sync.snapshot()).toEqual({ prefs: state.prefs, relay: { phase: 'idle' } });
  });

  it('turns off: deletes the copy, forgets where it was, keeps the file time', async () => {
    const { state, relay, sync } = setup();
    await sync.fileSaved(T0 - 5);
    await sync.enable(CODE);
    await sync.upload();
    await sync.disable();
    expect(relay.copies.size).toBe(0);
    expect(state.prefs).toEqual({ id: 'backup', lastFileAt: T0 - 5 });
  });

  it('stays on when the copy cannot be deleted (offline), saying why', async () => {
    const { state, relay, sync } = setup();
    await sync.enable(CODE);
    await sync.upload();
    relay.failWith = new ShareError('offline');
    expect(await codeOf(sync.disable(), ShareError)).toBe('offline');
    expect(state.prefs.relay).toBeDefined();
  });

  it('stops an upload under way before deleting, and records no copy', async () => {
    const { state, relay, sync } = setup();
    let started!: () => void;
    const uploading = new Promise<void>((r) => (started = r));
    relay.put.mockImplementationOnce((_access, _file, _progress, signal) => {
      started();
      return new Promise((_, reject) =>
        signal.addEventListener('abort', () => reject(new ShareError('network'))),
      );
    });
    await sync.enable(CODE);
    await uploading;
    expect(sync.snapshot().relay.phase).toBe('uploading');
    await sync.disable();
    expect(relay.remove).toHaveBeenCalledWith(ACCESS);
    expect(state.prefs.relay).toBeUndefined();
    expect(state.prefs.lastRelayAt).toBeUndefined();
    expect(sync.snapshot().relay).toEqual({ phase: 'idle' });
  });
});

describe('the automatic relay copy', () => {
  async function onAndSent() {
    const ctx = setup();
    await ctx.sync.enable(CODE);
    await ctx.sync.upload();
    ctx.relay.put.mockClear();
    return ctx;
  }

  it('waits for a change, then for the hour, then sends one copy', async () => {
    const { state, relay, env, sync } = await onAndSent();
    env.time = T0 + 2 * MIN_UPLOAD_GAP_MS;
    await sync.check();
    expect(relay.put).not.toHaveBeenCalled();
    state.lastChange = T0 + 1000;
    env.time = T0 + MIN_UPLOAD_GAP_MS - 1;
    await sync.check();
    expect(relay.put).not.toHaveBeenCalled();
    env.time = T0 + MIN_UPLOAD_GAP_MS;
    await sync.check();
    expect(relay.put).toHaveBeenCalledTimes(1);
    expect(state.prefs.lastRelayAt).toBe(T0 + MIN_UPLOAD_GAP_MS);
  });

  it('never while offline or off', async () => {
    const { state, relay, env, sync } = await onAndSent();
    state.lastChange = T0 + 1000;
    env.time = T0 + 2 * MIN_UPLOAD_GAP_MS;
    env.online = false;
    await sync.check();
    expect(relay.put).not.toHaveBeenCalled();
    env.online = true;
    await sync.disable();
    await sync.check();
    expect(relay.put).not.toHaveBeenCalled();
  });

  it('keeps a failure quietly and tries again at the next check', async () => {
    const { state, relay, env, sync } = await onAndSent();
    state.lastChange = T0 + 1000;
    env.time = T0 + 2 * MIN_UPLOAD_GAP_MS;
    relay.failWith = new ShareError('network');
    await sync.check();
    const failed = sync.snapshot().relay;
    expect(failed.phase === 'failed' && failed.error).toBeInstanceOf(ShareError);
    expect(state.prefs.lastRelayAt).toBe(T0);
    relay.failWith = null;
    await sync.check();
    expect(relay.put).toHaveBeenCalledTimes(2);
    expect(sync.snapshot().relay).toEqual({ phase: 'idle' });
    expect(state.prefs.lastRelayAt).toBe(T0 + 2 * MIN_UPLOAD_GAP_MS);
  });

  it('after "too large", waits for a new change before sending the whole file again', async () => {
    const { state, relay, env, sync } = await onAndSent();
    state.lastChange = T0 + 1000;
    env.time = T0 + 2 * MIN_UPLOAD_GAP_MS;
    relay.failWith = new ShareError('too-large');
    await sync.check();
    env.time += 10 * 60_000;
    await sync.check();
    expect(relay.put).toHaveBeenCalledTimes(1);
    state.lastChange = env.time + 1;
    relay.failWith = null;
    await sync.check();
    expect(relay.put).toHaveBeenCalledTimes(2);
  });

  it('runs one upload at a time, and a file saved meanwhile keeps its time', async () => {
    const { state, relay, sync } = setup();
    await sync.enable(CODE);
    await Promise.all([sync.upload(), sync.upload(), sync.fileSaved(T0 + 7)]);
    expect(relay.put).toHaveBeenCalledTimes(1);
    expect(state.prefs.lastFileAt).toBe(T0 + 7);
    expect(state.prefs.lastRelayAt).toBe(T0);
  });
});

describe('while a restore runs', () => {
  it('sends no automatic copy until the hold is released', async () => {
    const { state, relay, env, sync } = setup();
    await sync.enable(CODE);
    const sent = relay.put.mock.calls.length;
    state.lastChange = env.time + 1;
    env.time += MIN_UPLOAD_GAP_MS + 1;
    const release = sync.hold();
    await sync.check();
    expect(relay.put.mock.calls.length).toBe(sent);
    release();
    release();
    await sync.check();
    expect(relay.put.mock.calls.length).toBe(sent + 1);
  });
});

describe('after a change made outside Carnet', () => {
  it('sends no automatic copy until the record is intact again', async () => {
    const { state, store } = fakeBackup();
    const relay = fakeRelay();
    const env = { time: T0, now: () => env.time, online: () => true };
    const integrity = { status: 'changed' as 'changed' | 'intact' };
    const sync = new BackupSync(
      {
        ...store,
        integrity: {
          report: () =>
            Promise.resolve(
              integrity.status === 'intact'
                ? { status: 'intact' }
                : { status: 'changed', missing: 1, added: 0, changed: 0 },
            ),
          accept: () => Promise.resolve(),
        },
      },
      relay,
      env,
    );
    integrity.status = 'intact';
    await sync.enable(CODE);
    const sent = relay.put.mock.calls.length;
    integrity.status = 'changed';
    state.lastChange = env.time + 1;
    env.time += MIN_UPLOAD_GAP_MS + 1;
    await sync.check();
    expect(relay.put.mock.calls.length).toBe(sent);
    integrity.status = 'intact';
    await sync.check();
    expect(relay.put.mock.calls.length).toBe(sent + 1);
  });
});
