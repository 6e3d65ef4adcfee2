import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { createRelay, type RelayOptions } from '../app.ts';
import { setLogSink } from '../log.ts';
import type { PasscodeHashParams } from '../passcode.ts';
import type { NewShare, ShareStore } from '../store/store.ts';

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

/** A NewShare for store tests, with the JWEs its files will hold (`jwes`). */
export interface TestShare extends NewShare {
  readonly jwes: string[];
}

/**
 * A NewShare for store tests; exp one hour after `now`. Its files are `jwes` (default: one
 * small JWE), declared with their lengths; `putShare` stores them.
 */
export function newShare(
  overrides: Partial<NewShare> & { jwes?: string[] } = {},
  now = Date.now(),
): TestShare {
  const { jwes = [fakeJwe()], ...rest } = overrides;
  return {
    id: randomBytes(32).toString('base64url'),
    tokenHash: randomBytes(32).toString('base64url'),
    exp: Math.floor(now / 1000) + 3600,
    createdAt: now,
    passcodeHash: null,
    attempts: null,
    maxUses: null,
    files: jwes.map((jwe) => ({
      contentType: 'application/fhir+json' as const,
      length: jwe.length,
    })),
    jwes,
    ...rest,
    replyTokenHash: rest.replyTokenHash ?? null,
  };
}

/**
 * Stores a share whole, as the routes do: creates it, then uploads each of its JWEs in
 * chunks of `chunk` bytes; after this it opens.
 */
export async function putShare(
  store: ShareStore,
  share: TestShare,
  { now = share.createdAt, chunk = 1000 }: { now?: number; chunk?: number } = {},
): Promise<void> {
  await store.create(share);
  for (const [index, jwe] of share.jwes.entries())
    await putFile(store, share.id, index, jwe, now, chunk);
}

/** Uploads `jwe` as file `index` in chunks; throws when the store refuses. Returns `complete`. */
export async function putFile(
  store: ShareStore,
  id: string,
  index: number,
  jwe: string,
  now = Date.now(),
  chunk = 1000,
): Promise<boolean> {
  const upload = await store.beginUpload(id, index, now);
  if (!upload) throw new Error(`upload of file ${index} refused`);
  const bytes = Buffer.from(jwe, 'latin1');
  for (let at = 0; at < bytes.length; at += chunk) {
    if (!(await upload.append(bytes.subarray(at, at + chunk)))) throw new Error('append refused');
  }
  const done = await upload.commit();
  if (!done) throw new Error('commit refused');
  return done.complete;
}

/**
 * A stored file's bytes as a string, or null. For tests only: the relay itself never holds
 * a whole file, it streams chunks.
 */
export async function readFile(
  store: ShareStore,
  id: string,
  index: number,
): Promise<string | null> {
  const file = await store.openFile(id, index);
  if (!file) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of file.chunks()) chunks.push(chunk);
  return Buffer.concat(chunks).toString('latin1');
}

/** What `Client.create` answers: the 201 body. */
export interface Created {
  id: string;
  manifestUrl: string;
  managementToken: string;
  uploads: string[];
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

  /** `PUT <path>` of a file body (application/jose) with the management token. */
  upload(
    path: string,
    token: string,
    body: NonNullable<RequestInit['body']>,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const streamed = body instanceof ReadableStream;
    return this.request(path, {
      method: 'PUT',
      headers: {
        'Content-Type': 'application/jose',
        Authorization: `Bearer ${token}`,
        ...headers,
      },
      body,
      ...(streamed ? { duplex: 'half' } : {}),
    });
  }

  /**
   * Creates a share (by default one file, an hour to live) and uploads its files, and
   * returns the 201 body. `files` may be given as `{contentType, jwe}`: their lengths are
   * declared, then each JWE is uploaded.
   */
  async create(
    body: Record<string, unknown> & { files?: { contentType: string; jwe: string }[] } = {},
  ): Promise<Created> {
    const { files = [{ contentType: 'application/fhir+json', jwe: fakeJwe() }], ...rest } = body;
    const res = await this.postJson('/api/shl', {
      files: files.map((f) => ({ contentType: f.contentType, length: f.jwe.length })),
      exp: Math.floor(this.now() / 1000) + 3600,
      ...rest,
    });
    if (res.status !== 201) throw new Error(`create answered ${res.status}: ${await res.text()}`);
    const created = (await res.json()) as Created;
    for (const [index, f] of files.entries()) {
      const put = await this.upload(created.uploads[index]!, created.managementToken, f.jwe);
      if (put.status !== 200) throw new Error(`upload answered ${put.status}: ${await put.text()}`);
    }
    return created;
  }

  admin(id: string, token: string): Promise<Response> {
    return this.request(`/api/shl/${id}/admin`, { headers: { Authorization: `Bearer ${token}` } });
  }
}
