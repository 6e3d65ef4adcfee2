import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  CompactJweScanner,
  createShareRequestSchema,
  manifestResponseSchema,
  recipientSchema,
} from './protocol-schema.ts';

/** Whether `s`, fed to a scanner in pieces of `step` bytes, reads as one compact JWE. */
function isCompactJwe(s: string, step = 1): boolean {
  const scanner = new CompactJweScanner();
  const bytes = new TextEncoder().encode(s);
  for (let at = 0; at < bytes.length; at += step) {
    if (!scanner.push(bytes.subarray(at, at + step))) return false;
  }
  return scanner.end();
}

describe('CompactJweScanner', () => {
  it('accepts five base64url parts with an empty encrypted key, in pieces of any size', () => {
    for (const step of [1, 2, 7, 1000]) {
      expect(isCompactJwe('eyJhbGciOiJkaXIifQ..aXY.Y3Q.dGFn', step)).toBe(true);
      expect(isCompactJwe('eyJh.a2V5.aXY.Y3Q.dGFn', step)).toBe(true);
    }
  });

  it('stops at the first byte that breaks the shape, and stays stopped', () => {
    const scanner = new CompactJweScanner();
    expect(scanner.push(new TextEncoder().encode('eyJh..a'))).toBe(true);
    expect(scanner.push(new TextEncoder().encode('{"x":1}'))).toBe(false);
    expect(scanner.push(new TextEncoder().encode('b.c.d'))).toBe(false);
    expect(scanner.end()).toBe(false);
    // Non-ASCII bytes (UTF-8 of "é") are never base64url.
    expect(isCompactJwe('eyJh..aXY.Y3é.dGFn')).toBe(false);
  });

  it('refuses other shapes', () => {
    for (const s of [
      'a..b.c.d.',
      'a..b.c.d..',
      '',
      'a.b.c',
      'a..b.c',
      '.a.b.c.d',
      'a..b..c',
      'a..b.c.',
      'a..b.c.d.e',
      'a..b c.d.e',
      'a..b.c.d=',
    ]) {
      expect(isCompactJwe(s)).toBe(false);
    }
  });
});

const BOUNDS = {
  maxFiles: 2,
  maxFileBytes: 1000,
  maxShareBytes: 1500,
  maxLifetimeSeconds: 86_400,
  maxPasscodeLength: 8,
  maxUsesCeiling: 10,
  maxRecipientLength: 5,
};
const NOW = 1_700_000_000;
const JWE = 'eyJhbGciOiJkaXIifQ..aXY.Y3Q.dGFn';
const FILE = { contentType: 'application/fhir+json', length: 500 };

/** The message of the first issue, or 'ok'. */
function first(schema: v.GenericSchema, value: unknown): string {
  const parsed = v.safeParse(schema, value, { abortEarly: true });
  return parsed.success ? 'ok' : parsed.issues[0].message;
}

describe('request schemas', () => {
  const create = createShareRequestSchema(BOUNDS, NOW);
  const valid = { files: [FILE], exp: NOW + 60 };

  it('give a missing key the message of a wrong value, and refuse arrays as objects', () => {
    expect(first(create, { exp: NOW + 60 })).toBe('"files" must be a non-empty array.');
    expect(first(create, { ...valid, exp: undefined })).toBe(
      '"exp" must be the expiry time in whole epoch seconds.',
    );
    expect(first(create, [valid])).toBe('The body must be a JSON object.');
    expect(first(create, { ...valid, files: [[]] })).toBe('Each file must be an object.');
    expect(first(create, { ...valid, files: [{ length: 5 }] })).toMatch(/^"contentType" must be/);
    expect(first(create, { ...valid, files: [{ contentType: FILE.contentType }] })).toMatch(
      /^"length" must be/,
    );
  });

  it('refuse unknown keys, at the top and in each file, naming the allowed ones', () => {
    expect(first(create, { ...valid, padding: [{}, {}] })).toBe(
      'Unknown field: only "files", "exp", "passcode", "maxUses", "replyTokenHash" are allowed here.',
    );
    expect(first(create, { ...valid, files: [{ ...FILE, jwe: JWE }] })).toBe(
      'Unknown field: only "contentType", "length" are allowed here.',
    );
  });

  it('bound each file and the share total by the limits', () => {
    expect(first(create, { ...valid, files: [{ ...FILE, length: 1001 }] })).toBe(
      'A file may be at most 1000 bytes.',
    );
    expect(first(create, { ...valid, files: [FILE, { ...FILE, length: 1000 }] })).toBe('ok');
    expect(
      first(create, {
        ...valid,
        files: [
          { ...FILE, length: 600 },
          { ...FILE, length: 1000 },
        ],
      }),
    ).toBe('The files of a share may total at most 1500 bytes.');
    expect(first(create, { ...valid, files: [FILE, FILE] })).toBe('ok');
    expect(first(create, { ...valid, files: [{ ...FILE, length: 0 }] })).toMatch(/^"length"/);
  });

  it('build their bounds and messages from the limits they are given', () => {
    expect(first(create, { ...valid, passcode: '123456789' })).toBe(
      '"passcode" must be a string of 1 to 8 characters.',
    );
    expect(first(create, { ...valid, maxUses: 11 })).toBe(
      '"maxUses" must be a whole number from 1 to 10.',
    );
    expect(first(create, { ...valid, passcode: '12345678', maxUses: 10 })).toBe('ok');
    expect(first(create, { ...valid, files: [null, null, null] })).toBe(
      'A share holds at most 2 files.',
    );
    expect(first(create, { ...valid, exp: NOW })).toBe('"exp" is in the past.');
    expect(first(create, { ...valid, exp: NOW + 86_401 })).toBe(
      'A share lives at most 86400 seconds (1 days).',
    );
    expect(first(create, { ...valid, exp: NOW + 86_400 })).toBe('ok');
    const hash = 'A'.repeat(43);
    expect(first(create, { ...valid, replyTokenHash: hash })).toBe('ok');
    for (const replyTokenHash of ['A'.repeat(42), `${'A'.repeat(42)}=`, 43, null]) {
      expect(first(create, { ...valid, replyTokenHash })).toBe(
        '"replyTokenHash" must be the SHA-256 of the reply token, base64url (43 characters).',
      );
    }
    expect(first(recipientSchema(BOUNDS), 'abcdef')).toBe(
      '"recipient" must be at most 5 characters.',
    );
  });
});

describe('manifestResponseSchema', () => {
  it('reads embedded before location, and any content type', () => {
    const parsed = v.parse(manifestResponseSchema, {
      files: [
        { contentType: 'application/fhir+json', embedded: JWE, location: 'x' },
        { location: 'https://relay.test/api/files/t', embedded: 3 },
      ],
    });
    expect(parsed.files).toEqual([
      { contentType: 'application/fhir+json', embedded: JWE },
      { contentType: '', location: 'https://relay.test/api/files/t' },
    ]);
  });

  it('refuses a location that is not http(s), and a file that has neither', () => {
    for (const file of [{ location: 'javascript:alert(1)' }, { location: 'nope' }, {}, null]) {
      expect(v.safeParse(manifestResponseSchema, { files: [file] }).success).toBe(false);
    }
  });
});
