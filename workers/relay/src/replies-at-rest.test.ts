// The relay holds ciphertext only: a reply whose plaintext carries known markers is sent
// to a relay process (as `npm start` runs it) on SQLite in a DATA_DIR, and on Redis with
// persistence on; then every file under DATA_DIR (database, WAL) and every file Redis
// writes (RDB, AOF), and every Redis value, is searched for the markers. The reply is
// encrypted here as the viewer encrypts one (ECDH-ES+A256KW to the share's P-256 key);
// another key does not open it.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { CompactEncrypt, compactDecrypt, generateKeyPair } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeJwe } from './testing/fixtures.ts';
import { startRedis, type TestRedis } from './testing/redis-server.ts';
import { startRelayProcess, type RelayProcess } from './testing/setup.ts';

/** Words of the reply in clear: the doctor's name, a code, a lot, a letter's words. */
const MARKERS = [
  'Dr Claire Martin',
  '10101010101',
  'J01CA04',
  'LOT-AB123-9f2e',
  'LETTRE-DU-GENERALISTE-7c1e',
  'Rendez-vous en préfecture',
];

/** A reply Bundle as the viewer writes one (src/share/reply-fhir.ts), markers inside. */
function replyBundle(): string {
  return JSON.stringify({
    resourceType: 'Bundle',
    type: 'collection',
    language: 'fr',
    timestamp: '2026-12-04T00:00:00Z',
    entry: [
      {
        resource: {
          resourceType: 'Practitioner',
          identifier: [{ system: 'urn:oid:1.2.250.1.71.4.2.1', value: MARKERS[1] }],
          name: [{ text: MARKERS[0] }],
        },
      },
      {
        resource: {
          resourceType: 'MedicationRequest',
          medicationCodeableConcept: {
            coding: [{ system: 'http://www.whocc.no/atc', code: MARKERS[2] }],
          },
        },
      },
      { resource: { resourceType: 'Immunization', lotNumber: MARKERS[3] } },
      { resource: { resourceType: 'Communication', payload: [{ contentString: MARKERS[5] }] } },
      {
        resource: {
          resourceType: 'DocumentReference',
          // A letter of several hundred KB, so the reply spans more than one stored chunk.
          description: MARKERS[4],
          content: [{ attachment: { contentType: 'application/pdf', data: letter() } }],
        },
      },
    ],
  });
}

/** A "PDF" of repeated words, base64: 1.5 MB of text the relay must never see. */
function letter(): string {
  const words = `%PDF-1.4 ${MARKERS[4]} ${MARKERS[0]} `.repeat(30_000);
  return Buffer.from(words).toString('base64');
}

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The markers (raw UTF-8 bytes) found in `bytes`. */
function markersIn(bytes: Buffer): string[] {
  return MARKERS.filter((m) => bytes.includes(Buffer.from(m)));
}

/** `body` as a stream of pieces of `size` bytes, as a slow phone sends it. */
function streamed(body: string, size = 64 * 1024): ReadableStream<Uint8Array> {
  const bytes = Buffer.from(body);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, (at += size)));
    },
  });
}

/** Creates a share that takes replies, uploads its file; returns its id, tokens. */
async function shareWithReplies(base: string) {
  const replyToken = randomBytes(32).toString('base64url');
  const jwe = fakeJwe(500);
  const res = await fetch(`${base}/api/shl`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      files: [{ contentType: 'application/fhir+json', length: jwe.length }],
      exp: Math.floor(Date.now() / 1000) + 3600,
      replyTokenHash: createHash('sha256').update(replyToken).digest('base64url'),
    }),
  });
  expect(res.status).toBe(201);
  const created = (await res.json()) as { id: string; managementToken: string; uploads: string[] };
  const put = await fetch(`${base}${created.uploads[0]}`, {
    method: 'PUT',
    headers: {
      'Content-Type': 'application/jose',
      Authorization: `Bearer ${created.managementToken}`,
    },
    body: jwe,
  });
  expect(put.status).toBe(200);
  return { ...created, replyToken };
}

/**
 * Sends the marked reply, encrypted to a fresh share key, streamed; reads it back through
 * the patient's API. Returns the JWE as sent.
 */
async function sendAndReadBack(base: string): Promise<string> {
  const share = await shareWithReplies(base);
  const { publicKey, privateKey } = await generateKeyPair('ECDH-ES+A256KW', { crv: 'P-256' });
  const plaintext = replyBundle();
  const jwe = await new CompactEncrypt(new TextEncoder().encode(plaintext))
    .setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', cty: 'application/fhir+json' })
    .encrypt(publicKey);
  expect(jwe.length).toBeGreaterThan(2 * 1024 * 1024);
  const res = await fetch(`${base}/api/shl/${share.id}/replies`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/jose', Authorization: `Bearer ${share.replyToken}` },
    body: streamed(jwe),
    duplex: 'half',
  });
  expect(res.status).toBe(201);
  const { id } = (await res.json()) as { id: string };
  const back = await fetch(`${base}/api/shl/${share.id}/replies/${id}`, {
    headers: { Authorization: `Bearer ${share.managementToken}` },
  });
  expect(back.status).toBe(200);
  expect(back.headers.get('Content-Length')).toBe(String(jwe.length));
  const stored = await back.text();
  expect(stored).toBe(jwe);

  // The share's key opens it; another key does not.
  const opened = await compactDecrypt(stored, privateKey);
  expect(new TextDecoder().decode(opened.plaintext)).toBe(plaintext);
  const { privateKey: wrong } = await generateKeyPair('ECDH-ES+A256KW', { crv: 'P-256' });
  await expect(compactDecrypt(stored, wrong)).rejects.toThrow();
  return jwe;
}

/** A slice of the JWE's ciphertext part, to show the search does see what is stored. */
function ciphertextSample(jwe: string): Buffer {
  const ciphertext = jwe.split('.')[3]!;
  return Buffer.from(ciphertext.slice(1000, 1064));
}

describe('a reply on the relay, at rest', () => {
  const dirs: string[] = [];
  const stops: (() => Promise<void>)[] = [];
  const tempDir = (name: string) => {
    const dir = mkdtempSync(join(tmpdir(), name));
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    for (const stop of stops.reverse()) await stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('is ciphertext only in every file under DATA_DIR (SQLite)', async () => {
    const dataDir = tempDir('carnet-at-rest-');
    const relay: RelayProcess = await startRelayProcess(dataDir);
    stops.push(() => relay.kill());
    const jwe = await sendAndReadBack(relay.url);
    const files = filesUnder(dataDir);
    expect(files.some((f) => f.endsWith('relay.sqlite'))).toBe(true);
    const all = Buffer.concat(files.map((f) => readFileSync(f)));
    expect(all.includes(ciphertextSample(jwe))).toBe(true);
    for (const file of files)
      expect({ file, found: markersIn(readFileSync(file)) }).toEqual({ file, found: [] });
  });

  it('is ciphertext only in every Redis value and in what Redis writes to disk', async () => {
    const redis: TestRedis = await startRedis();
    stops.push(() => redis.stop());
    const raw = new Redis(redis.url);
    stops.push(async () => void (await raw.quit()));
    // Persistence on, every write in the AOF at once: what a production Redis keeps on disk.
    await raw.config('SET', 'appendfsync', 'always');
    await raw.config('SET', 'appendonly', 'yes');
    await expect
      .poll(async () => /aof_rewrite_in_progress:0/.test(await raw.info('persistence')))
      .toBe(true);
    const relay = await startRelayProcess(tempDir('carnet-at-rest-redis-'), {
      redis: { url: redis.url, prefix: 'rest:' },
    });
    stops.push(() => relay.kill());
    const jwe = await sendAndReadBack(relay.url);

    const values: Buffer[] = [];
    for (const key of await raw.keys('*')) {
      const type = await raw.type(key);
      if (type === 'string') values.push((await raw.getBuffer(key))!);
      else if (type === 'hash') values.push(...Object.values(await raw.hgetallBuffer(key)));
      else if (type === 'list') values.push(...(await raw.lrangeBuffer(key, 0, -1)));
      else if (type === 'zset') values.push(Buffer.from((await raw.zrange(key, '0', '-1')).join()));
      else throw new Error(`unexpected Redis type ${type}`);
    }
    const stored = Buffer.concat(values);
    expect(stored.includes(ciphertextSample(jwe))).toBe(true);
    expect(markersIn(stored)).toEqual([]);

    await raw.save();
    const dir = (await raw.config('GET', 'dir'))[1] as string;
    const files = filesUnder(dir);
    expect(files.some((f) => f.endsWith('.rdb'))).toBe(true);
    const onDisk = Buffer.concat(files.map((f) => readFileSync(f)));
    expect(onDisk.includes(ciphertextSample(jwe))).toBe(true);
    for (const file of files)
      expect({ file, found: markersIn(readFileSync(file)) }).toEqual({ file, found: [] });
  });
});
