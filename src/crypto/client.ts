/**
 * The main thread's handle on the vault: the same VaultService contract, answered by the
 * crypto worker over postMessage. The worker (and libsodium with it) starts on first use.
 */
import type {
  MessageEndpoint,
  RemoteVault,
  VaultMethod,
  VaultRequest,
  VaultResponse,
} from './protocol.ts';
import { isCryptoErrorCode, transferablesOf } from './protocol.ts';
import type { FileSessionApi, FileVault, VaultService } from './types.ts';
import { openFileWith, sealFileWith } from './file-sessions.ts';
import { CryptoError } from './types.ts';

/** A started worker, or anything that speaks the protocol like one (tests use a MessagePort). */
export interface VaultEndpoint extends MessageEndpoint {
  terminate?(): void;
}

/** How the client reaches a vault. */
export interface VaultClientOptions {
  /** Starts the vault's endpoint; defaults to the crypto Web Worker. */
  readonly spawn?: () => VaultEndpoint;
}

/**
 * The vault as seen from the main thread: records and files. The step-by-step file
 * sessions that cross the worker boundary stay inside this module.
 */
export interface VaultClient extends VaultService, FileVault {
  /** Stops the worker: the vault key is gone with it. The next call starts a fresh, locked one. */
  terminate(): void;
}

function spawnWorker(): VaultEndpoint {
  return new Worker(new URL('./worker.ts', import.meta.url), {
    type: 'module',
    name: 'carnet-crypto',
  });
}

/** The methods whose arguments may carry a DeviceSecret (see protocol.ts). */
const DEVICE_SECRET_METHODS: ReadonlySet<VaultMethod> = new Set([
  'create',
  'unlock',
  'rewrap',
  'rebindDevice',
]);

type Pending = { resolve: (value: unknown) => void; reject: (error: CryptoError) => void };

/**
 * Creates the vault client. Every method returns what the Vault method of the same name
 * returns in the worker, and throws a `CryptoError` with the same code. When the worker
 * cannot start or dies, pending and later calls throw `crypto-unavailable`, and the call
 * after that tries a fresh worker.
 */
export function createVaultClient(options: VaultClientOptions = {}): VaultClient {
  const spawn = options.spawn ?? spawnWorker;
  const pending = new Map<number, Pending>();
  let endpoint: VaultEndpoint | undefined;
  let nextId = 1;

  const failAll = (): void => {
    for (const p of pending.values()) p.reject(new CryptoError('crypto-unavailable'));
    pending.clear();
    endpoint?.terminate?.();
    endpoint = undefined;
  };

  const onMessage = (event: { data: unknown }): void => {
    const response = event.data as VaultResponse;
    const p = typeof response?.id === 'number' ? pending.get(response.id) : undefined;
    if (!p) return;
    pending.delete(response.id);
    if (response.ok === true) p.resolve(response.value);
    else
      p.reject(
        new CryptoError(isCryptoErrorCode(response.code) ? response.code : 'crypto-unavailable'),
      );
  };

  const connect = (): VaultEndpoint => {
    if (endpoint) return endpoint;
    let started: VaultEndpoint;
    try {
      started = spawn();
    } catch {
      throw new CryptoError('crypto-unavailable');
    }
    // Only the current worker's failure counts: a stale one's late error is ignored.
    const failIfCurrent = (): void => {
      if (endpoint === started) failAll();
    };
    started.addEventListener('message', onMessage);
    started.addEventListener('error', failIfCurrent);
    started.addEventListener('messageerror', failIfCurrent);
    endpoint = started;
    return started;
  };

  function call<M extends VaultMethod>(
    method: M,
    ...args: Parameters<RemoteVault[M]>
  ): ReturnType<RemoteVault[M]> {
    const promise = new Promise<unknown>((resolve, reject) => {
      const target = connect();
      const id = nextId++;
      pending.set(id, { resolve, reject });
      const request = { id, method, args } as VaultRequest;
      try {
        // Arguments are copied, so the caller's arrays stay usable, except the chunk batches
        // of openFilePush: they are read from storage for that one call, and handing their
        // buffers over instead of copying them made opening a 20 MB file ~40 % faster.
        // SECURITY: and except device secrets (WebAuthn PRF outputs): their buffers move to
        // the worker, which wipes them once used, so no copy stays on the main thread.
        const transfer =
          method === 'openFilePush'
            ? transferablesOf(args[1])
            : DEVICE_SECRET_METHODS.has(method)
              ? transferablesOf(args)
              : [];
        target.postMessage(request, transfer);
      } catch {
        pending.delete(id);
        reject(new CryptoError('bad-input'));
      }
    });
    return promise as ReturnType<RemoteVault[M]>;
  }

  return { ...vaultMethods(call), terminate: failAll };
}

/** A function that sends one request to the worker and resolves with its answer. */
type Call = <M extends VaultMethod>(
  method: M,
  ...args: Parameters<RemoteVault[M]>
) => ReturnType<RemoteVault[M]>;

/**
 * The VaultService and FileVault methods over `call`. Files go through the worker's
 * step-by-step sessions, which stay private to this module.
 */
function vaultMethods(call: Call): VaultService & FileVault {
  const files: FileSessionApi = {
    sealFileStart: (fileId, data) => call('sealFileStart', fileId, data),
    sealFilePull: (session) => call('sealFilePull', session),
    openFileStart: (fileId, header) => call('openFileStart', fileId, header),
    openFilePush: (session, chunks) => call('openFilePush', session, chunks),
    openFileFinish: (session) => call('openFileFinish', session),
    fileAbort: (session) => call('fileAbort', session),
  };
  return {
    sealFile: (fileId, data, sink) => sealFileWith(files, fileId, data, sink),
    openFile: (fileId, header, chunks) => openFileWith(files, fileId, header, chunks),
    isUnlocked: () => call('isUnlocked'),
    create: (secret, kind, device) => call('create', secret, kind, device),
    unlock: (secret, wrap, device) => call('unlock', secret, wrap, device),
    unlockWithRecovery: (code, wrap) => call('unlockWithRecovery', code, wrap),
    rewrap: (secret, kind, proof, device) => call('rewrap', secret, kind, proof, device),
    rebindDevice: (proof, next) => call('rebindDevice', proof, next),
    renewRecovery: () => call('renewRecovery'),
    mac: (context, data) => call('mac', context, data),
    backupAccess: (code, wrap) => call('backupAccess', code, wrap),
    lock: () => call('lock'),
    seal: (items) => call('seal', items),
    sealTexts: (table, ids, texts) => call('sealTexts', table, ids, texts),
    open: (items) => call('open', items),
    openSettled: (items) => call('openSettled', items),
  };
}
