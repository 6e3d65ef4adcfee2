import { createHash } from 'node:crypto';
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { VaultClient, VaultEndpoint } from './client.ts';
import { createVaultClient } from './client.ts';
import { serveVault } from './worker-host.ts';
import type { SealedChunk } from './types.ts';
import { CryptoError } from './types.ts';
import { randomBytes, utf8Decode, utf8Encode } from './encoding.ts';
import { floorVault } from './test-helpers.ts';

const clients: VaultClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.terminate();
});

/** A client talking to a Vault over a real MessageChannel (structured clone and transfer). */
function connected(): { client: VaultClient; posted: () => number } {
  let count = 0;
  const client = createVaultClient({
    spawn: () => {
      const { port1, port2 } = new MessageChannel();
      serveVault(port2 as unknown as VaultEndpoint, floorVault());
      const post = port1.postMessage.bind(port1);
      return Object.assign(port1 as unknown as VaultEndpoint, {
        postMessage: (message: unknown, transfer: Transferable[]) => {
          count++;
          post(message, transfer as never);
        },
        terminate: () => {
          port1.close();
          port2.close();
        },
      });
    },
  });
  clients.push(client);
  return { client, posted: () => count };
}

describe('vault client over postMessage', () => {
  it('creates, seals 1,000 records in one round trip, locks and unlocks', async () => {
    const { client, posted } = connected();
    const { keyring, recoveryCode } = await client.create('123456', 'pin');
    expect(recoveryCode).toHaveLength(34);
    const items = Array.from({ length: 1000 }, (_, i) => ({
      table: 'entries',
      id: `e${i}`,
      plaintext: utf8Encode(`entry ${i}`),
    }));
    const before = posted();
    const envelopes = await client.seal(items);
    expect(posted() - before).toBe(1);
    expect(items[0]?.plaintext.byteLength).toBe(7); // arguments are copied, not detached
    expect(envelopes).toHaveLength(1000);
    expect(envelopes[0]).toBeInstanceOf(Uint8Array);

    await client.lock();
    expect(await client.isUnlocked()).toBe(false);
    await client.unlock('123456', keyring.password);
    const opened = await client.open(
      envelopes.map((envelope, i) => ({ table: 'entries', id: `e${i}`, envelope })),
    );
    expect(utf8Decode(opened[999] ?? new Uint8Array())).toBe('entry 999');
  });

  it('seals texts with digests in one round trip: the SHA-256 of each envelope', async () => {
    const { client, posted } = connected();
    await client.create('123456', 'pin');
    const ids = Array.from({ length: 100 }, (_, i) => `e${i}`);
    const texts = ids.map((_, i) => `entry ${i}`);
    const before = posted();
    const { envelopes, digests } = await client.sealTexts('entries', ids, texts);
    expect(posted() - before).toBe(1);
    expect(envelopes).toHaveLength(100);
    for (const [i, env] of envelopes.entries()) {
      // Each envelope its own buffer, so storing one stores only its bytes.
      expect(env.byteLength).toBe(env.buffer.byteLength);
      const expected = new Uint8Array(createHash('sha256').update(env).digest());
      expect(digests.subarray(i * 32, (i + 1) * 32)).toEqual(expected);
    }
    const opened = await client.open(
      envelopes.map((envelope, i) => ({ table: 'entries', id: `e${i}`, envelope })),
    );
    expect(utf8Decode(opened[99] ?? new Uint8Array())).toBe('entry 99');
  });

  it('rebuilds CryptoError with its code on the main thread', async () => {
    const { client } = connected();
    const { keyring } = await client.create('123456', 'pin');
    await client.lock();
    const error = await client.unlock('000000', keyring.password).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CryptoError);
    expect((error as CryptoError).code).toBe('wrong-secret');
    await expect(
      client.seal([{ table: 'entries', id: 'a', plaintext: new Uint8Array() }]),
    ).rejects.toMatchObject({
      code: 'locked',
    });
    const settled = await client
      .unlock('123456', keyring.password)
      .then(() =>
        client.openSettled([{ table: 'entries', id: 'a', envelope: new Uint8Array(3) as never }]),
      );
    expect(settled).toEqual([{ ok: false, code: 'bad-envelope' }]);
  });

  it('changes the secret through the worker only with the current one or after recovery', async () => {
    const { client } = connected();
    const { keyring, recoveryCode } = await client.create('123456', 'pin');
    const wrong = { by: 'current', secret: '000000', wrap: keyring.password } as const;
    await expect(client.rewrap('135790', 'pin', wrong)).rejects.toMatchObject({
      code: 'wrong-secret',
    });
    await expect(client.rewrap('135790', 'pin', { by: 'recovery' })).rejects.toMatchObject({
      code: 'secret-required',
    });
    await client.lock();
    await client.unlockWithRecovery(recoveryCode, keyring.recovery);
    const wrap = await client.rewrap('135790', 'pin', { by: 'recovery' });
    await client.lock();
    await client.unlock('135790', wrap);
    expect(await client.isUnlocked()).toBe(true);
  });

  it('seals and opens a file through the worker, chunks crossing in batches', async () => {
    const { client, posted } = connected();
    await client.create('123456', 'pin');
    const bytes = randomBytes(3 * 1024 * 1024 + 7);
    const stored: SealedChunk[] = [];
    const before = posted();
    const header = await client.sealFile('doc1', new Blob([bytes]), (chunks) => {
      stored.push(...chunks);
      return Promise.resolve();
    });
    expect(stored).toHaveLength(49);
    expect(posted() - before).toBeLessThanOrEqual(6); // start + 4 batches of 16 chunks + slack
    // Opening hands the chunks' buffers to the worker; keep a copy for the second try.
    const copies = stored.map((c) => ({ index: c.index, data: c.data.slice() }));
    async function* source(): AsyncGenerator<SealedChunk[]> {
      for (let i = 0; i < stored.length; i += 16) {
        await Promise.resolve();
        yield stored.slice(i, i + 16);
      }
    }
    const opened = await client.openFile('doc1', header, source());
    expect(Buffer.compare(opened, bytes)).toBe(0);
    expect(stored[0]?.data.byteLength).toBe(0); // transferred, not copied

    const truncated = async function* (): AsyncGenerator<SealedChunk[]> {
      await Promise.resolve();
      yield copies.slice(0, -1);
    };
    await expect(client.openFile('doc1', header, truncated())).rejects.toMatchObject({
      code: 'bad-envelope',
    });
  });

  it('reports crypto-unavailable when the worker cannot start', async () => {
    const client = createVaultClient({
      spawn: () => {
        throw new Error('no workers here');
      },
    });
    await expect(client.isUnlocked()).rejects.toMatchObject({ code: 'crypto-unavailable' });
  });

  it('fails pending calls with crypto-unavailable when the worker dies, then starts afresh', async () => {
    const listeners = new Map<string, (event: unknown) => void>();
    let spawned = 0;
    const client = createVaultClient({
      spawn: () => {
        spawned++;
        return {
          postMessage: () => undefined,
          addEventListener: (type: string, listener: (event: unknown) => void) => {
            listeners.set(type, listener);
          },
        } as VaultEndpoint;
      },
    });
    const pending = client.isUnlocked();
    listeners.get('error')?.({});
    await expect(pending).rejects.toMatchObject({ code: 'crypto-unavailable' });
    void client.isUnlocked().catch(() => undefined);
    expect(spawned).toBe(2);
  });
});
