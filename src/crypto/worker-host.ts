/**
 * Serves one Vault over a message endpoint: the body of the crypto worker, kept apart from
 * worker.ts so tests can run it over a MessageChannel in Node.
 */
import type { MessageEndpoint, VaultRequest, VaultResponse } from './protocol.ts';
import { VAULT_METHODS, transferablesOf } from './protocol.ts';
import { CryptoError } from './types.ts';
import type { Vault } from './vault.ts';

function isRequest(data: unknown): data is VaultRequest {
  if (typeof data !== 'object' || data === null) return false;
  const r = data as Record<string, unknown>;
  return (
    typeof r.id === 'number' &&
    Array.isArray(r.args) &&
    (VAULT_METHODS as readonly unknown[]).includes(r.method)
  );
}

// The method name was checked against VAULT_METHODS; the arguments are checked by the
// Vault itself, which treats everything it receives as untrusted.
function call(vault: Vault, r: VaultRequest): Promise<unknown> {
  switch (r.method) {
    case 'isUnlocked':
      return vault.isUnlocked();
    case 'create':
      return vault.create(...r.args);
    case 'unlock':
      return vault.unlock(...r.args);
    case 'unlockWithRecovery':
      return vault.unlockWithRecovery(...r.args);
    case 'rewrap':
      return vault.rewrap(...r.args);
    case 'rebindDevice':
      return vault.rebindDevice(...r.args);
    case 'renewRecovery':
      return vault.renewRecovery();
    case 'mac':
      return vault.mac(...r.args);
    case 'backupAccess':
      return vault.backupAccess(...r.args);
    case 'lock':
      return vault.lock();
    case 'seal':
      return vault.seal(...r.args);
    case 'sealTexts':
      return vault.sealTexts(...r.args);
    case 'open':
      return vault.open(...r.args);
    case 'openSettled':
      return vault.openSettled(...r.args);
    case 'sealFileStart':
      return vault.sealFileStart(...r.args);
    case 'sealFilePull':
      return vault.sealFilePull(...r.args);
    case 'openFileStart':
      return vault.openFileStart(...r.args);
    case 'openFilePush':
      return vault.openFilePush(...r.args);
    case 'openFileFinish':
      return vault.openFileFinish(...r.args);
    case 'fileAbort':
      return vault.fileAbort(...r.args);
  }
}

/**
 * Answers every request arriving on `endpoint` with `vault`, in arrival order of
 * completion. Results are transferred, not copied, where they own their buffer.
 */
export function serveVault(endpoint: MessageEndpoint, vault: Vault): void {
  endpoint.addEventListener('message', (event) => {
    const data = event.data;
    if (!isRequest(data)) {
      const id =
        typeof data === 'object' && data !== null ? (data as { id?: unknown }).id : undefined;
      if (typeof id === 'number') endpoint.postMessage({ id, ok: false, code: 'bad-input' }, []);
      return;
    }
    // Through a promise, so a method that throws synchronously still gets its answer.
    Promise.resolve(data)
      .then((request) => call(vault, request))
      .then(
        (value) => {
          const response: VaultResponse = { id: data.id, ok: true, value };
          endpoint.postMessage(response, transferablesOf(value));
        },
        (error: unknown) => {
          // SECURITY: only the code crosses; a foreign error is reported without its message,
          // which could quote data.
          const code = error instanceof CryptoError ? error.code : 'crypto-unavailable';
          const response: VaultResponse = { id: data.id, ok: false, code };
          endpoint.postMessage(response, []);
        },
      );
  });
}
