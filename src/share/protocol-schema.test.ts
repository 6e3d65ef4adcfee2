import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  createShareRequestSchema,
  isCompactJwe,
  manifestResponseSchema,
  recipientSchema,
} from './protocol-schema.ts';

describe('isCompactJwe', () => {
  it('accepts five base64url parts with an empty encrypted key', () => {
    expect(isCompactJwe('eyJhbGciOiJkaXIifQ..aXY.Y3Q.dGFn')).toBe(true);
    expect(isCompactJwe('eyJh.a2V5.aXY.Y3Q.dGFn')).toBe(true);
  });

  it('refuses other shapes', () => {
    for (const s of [
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
  maxLifetimeSeconds: 86_400,
  maxPasscodeLength: 8,
  maxUsesCeiling: 10,
  maxRecipientLength: 5,
};
const NOW = 1_700_000_000;
const JWE = 'eyJhbGciOiJkaXIifQ..aXY.Y3Q.dGFn';

/** The message of the first issue, or 'ok'. */
function first(schema: v.GenericSchema, value: unknown): string {
  const parsed = v.safeParse(schema, value, { abortEarly: true });
  return parsed.success ? 'ok' : parsed.issues[0].message;
}

describe('request schemas', () => {
  const create = createShareRequestSchema(BOUNDS, NOW);
  const valid = { files: [{ contentType: 'application/fhir+json', jwe: JWE }], exp: NOW + 60 };

  it('give a missing key the message of a wrong value, and refuse arrays as objects', () => {
    expect(first(create, { exp: NOW + 60 })).toBe('"files" must be a non-empty array.');
    expect(first(create, { ...valid, exp: undefined })).toBe(
      '"exp" must be the expiry time in whole epoch seconds.',
    );
    expect(first(create, [valid])).toBe('The body must be a JSON object.');
    expect(first(create, { ...valid, files: [[]] })).toBe('Each file must be an object.');
    expect(first(create, { ...valid, files: [{ jwe: JWE }] })).toMatch(/^"contentType" must be/);
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
