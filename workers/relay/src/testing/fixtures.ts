import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { createRelay, type RelayOptions } from '../app.ts';
import { setLogSink } from '../log.ts';
import type { PasscodeHashParams } from '../passcode.ts';
import type { NewShare } from '../store/store.ts';

// Relay tests run quietly; log.test.ts captures the console on purpose.
setLogSink(() => undefined);

/** Protected header of a real `alg: dir`, `enc: A256GCM` JWE: {"alg":"dir","enc":"A256GCM"}. */
const HEADER = 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0';

/** A string shaped like a compact JWE with `bytes` bytes of random "ciphertext". */
export function fakeJwe(bytes = 64): string {
  const b = (n: number): string => randomBytes(n).toString('base64url');
  return `${HEADER}..${b(12)}.${b(bytes)}.${b(16)}`;
}

/** Cheap Argon2id settings so tests spend their time on behaviour, not hashing. */
export const FAST_HASH: PasscodeHashParams = { memoryKiB: 64, iterations: 1, parallelism: 1 };

/** A NewShare for store tests; exp one hour after `now`. */
export function newShare(overrides: Partial<NewShare> = {}, now = Date.now()): NewShare {
  return {
    id: randomBytes(32).toString('base64url'),
    tokenHash: randomBytes(32).toString('base64url'),
    exp: Math.floor(now / 1000) + 3600,
    createdAt: now,
    passcodeHash: null,
    attempts: null,
    maxUses: null,
    files: [{ contentType: 'application/fhir+json', jwe: fakeJwe() }],
    ...overrides,
  };
}

/** A tiny HTTP client over `app.request` for API tests. */
export class Client {
  constructor(
    readonly app: Hono,
    readonly origin = 'http://relay.test',
    /** The relay's clock, epoch ms: `create` dates shares by it. */
    readonly now: () => number = Date.now,
  ) {}

  static with(options: RelayOptions): Client {
    return new Client(
      createRelay({ passcodeParams: FAST_HASH, ...options }),
      undefined,
      options.now,
    );
  }

  request(path: string, init: RequestInit = {}): Promise<Response> {
    const url = path.startsWith('http') ? path : this.origin + path;
    return Promise.resolve(this.app.request(url, init));
  }

  postJson(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  }

  /** Creates a share (by default one file, an hour to live) and returns the 201 body. */
  async create(
    body: Record<string, unknown> = {},
  ): Promise<{ id: string; manifestUrl: string; managementToken: string }> {
    const res = await this.postJson('/api/shl', {
      files: [{ contentType: 'application/fhir+json', jwe: fakeJwe() }],
      exp: Math.floor(this.now() / 1000) + 3600,
      ...body,
    });
    if (res.status !== 201) throw new Error(`create answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as { id: string; manifestUrl: string; managementToken: string };
  }

  admin(id: string, token: string): Promise<Response> {
    return this.request(`/api/shl/${id}/admin`, { headers: { Authorization: `Bearer ${token}` } });
  }
}
