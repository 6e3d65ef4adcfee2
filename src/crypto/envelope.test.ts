import { beforeAll, describe, expect, it } from 'vitest';
import type { Sodium } from './sodium.ts';
import { loadSodium } from './sodium.ts';
import { ENVELOPE_MIN_BYTES, openRecord, sealRecord } from './envelope.ts';
import { randomBytes, utf8Decode, utf8Encode } from './encoding.ts';
import { codeOf } from './test-helpers.ts';

let sodium: Sodium;
let key: Uint8Array;
const ref = { table: 'entries', id: 'q3Vf0rZ8J2kXo4mB7nLw1A' };

beforeAll(async () => {
  sodium = await loadSodium();
  key = randomBytes(32);
});

const open =
  (envelope: Uint8Array, where = ref, withKey = key) =>
  () =>
    openRecord(sodium, withKey, where, envelope);

describe('record envelope v1', () => {
  it('round-trips empty, text and large plaintexts', () => {
    for (const plain of [
      new Uint8Array(),
      utf8Encode('Pénicilline — حساسية'),
      randomBytes(200_000),
    ]) {
      const env = sealRecord(sodium, key, ref, plain);
      expect(env[0]).toBe(0x01);
      expect(env.length).toBe(plain.length + ENVELOPE_MIN_BYTES);
      expect(openRecord(sodium, key, ref, env)).toEqual(plain);
    }
  });

  it('uses a fresh nonce on every write', () => {
    const plain = utf8Encode('same');
    const a = sealRecord(sodium, key, ref, plain);
    const b = sealRecord(sodium, key, ref, plain);
    expect(a.subarray(1, 25)).not.toEqual(b.subarray(1, 25));
    expect(a).not.toEqual(b);
  });

  it('rejects every single flipped bit of a short envelope', async () => {
    const env = sealRecord(sodium, key, ref, utf8Encode('abc'));
    let rejected = 0;
    for (let bit = 0; bit < env.length * 8; bit++) {
      const bad = env.slice();
      bad[bit >> 3] = (bad[bit >> 3] ?? 0) ^ (1 << (bit & 7));
      const code = await codeOf(open(bad));
      expect(['bad-envelope', 'unsupported-version']).toContain(code);
      rejected++;
    }
    expect(rejected).toBe(env.length * 8);
  });

  it('rejects a flipped bit at random positions of long random envelopes (property)', async () => {
    for (let round = 0; round < 300; round++) {
      const plain = randomBytes(1 + Math.floor(Math.random() * 4096));
      const env = sealRecord(sodium, key, ref, plain);
      const bit = Math.floor(Math.random() * env.length * 8);
      const bad = env.slice();
      bad[bit >> 3] = (bad[bit >> 3] ?? 0) ^ (1 << (bit & 7));
      expect(['bad-envelope', 'unsupported-version']).toContain(await codeOf(open(bad)));
    }
  });

  it('rejects a wrong key', async () => {
    const env = sealRecord(sodium, key, ref, utf8Encode('secret'));
    expect(await codeOf(open(env, ref, randomBytes(32)))).toBe('bad-envelope');
  });

  it('rejects a ciphertext moved to another row or another table', async () => {
    const env = sealRecord(sodium, key, ref, utf8Encode('secret'));
    expect(await codeOf(open(env, { ...ref, id: 'another-row' }))).toBe('bad-envelope');
    expect(await codeOf(open(env, { ...ref, table: 'profiles' }))).toBe('bad-envelope');
    expect(await codeOf(open(env, { table: 'entriesq', id: '3Vf0rZ8J2kXo4mB7nLw1A' }))).toBe(
      'bad-envelope',
    );
  });

  it('rejects empty, truncated and garbage input', async () => {
    const env = sealRecord(sodium, key, ref, utf8Encode('hello'));
    expect(await codeOf(open(new Uint8Array()))).toBe('bad-envelope');
    for (let length = 1; length < env.length; length++) {
      expect(await codeOf(open(env.subarray(0, length)))).toBe('bad-envelope');
    }
    for (let i = 0; i < 50; i++) {
      const garbage = randomBytes(Math.floor(Math.random() * 100));
      if (garbage.length > 0) garbage[0] = 0x01;
      expect(await codeOf(open(garbage))).toBe('bad-envelope');
    }
    expect(await codeOf(open('not bytes' as unknown as Uint8Array))).toBe('bad-envelope');
  });

  it('reports a future version as unsupported-version', async () => {
    const env = sealRecord(sodium, key, ref, utf8Encode('hello'));
    env[0] = 0x02;
    expect(await codeOf(open(env))).toBe('unsupported-version');
  });

  it('refuses table names that would make the associated data ambiguous', async () => {
    const plain = utf8Encode('x');
    expect(await codeOf(() => sealRecord(sodium, key, { table: 'a/b', id: 'c' }, plain))).toBe(
      'bad-input',
    );
    expect(await codeOf(() => sealRecord(sodium, key, { table: 'entries', id: '' }, plain))).toBe(
      'bad-input',
    );
  });

  it('keeps text intact through UTF-8', () => {
    const text = 'ትግርኛ · اردو · 中文 · 🩺';
    expect(
      utf8Decode(openRecord(sodium, key, ref, sealRecord(sodium, key, ref, utf8Encode(text)))),
    ).toBe(text);
  });
});
