import { describe, expect, it } from 'vitest';
import { decodeEntry, decodeProfile, encodeRecord } from './codec.ts';
import type { Entry } from './types.ts';

describe('record codec', () => {
  it('round-trips an entry with non-Latin text', () => {
    const e: Entry = {
      id: 'e',
      profileId: 'p',
      text: 'حساسية من البنسلين',
      textLang: 'ar',
      details: { kind: 'allergy', severity: 'severe' },
      provenance: 'patient',
      sensitive: false,
      createdAt: 1,
      updatedAt: 2,
    };
    expect(decodeEntry(encodeRecord(e))).toEqual(e);
  });

  it('returns null for bytes that are not a record, never throws', () => {
    const bad = [
      new Uint8Array([0xff, 0xfe]),
      new TextEncoder().encode('not json'),
      new TextEncoder().encode('[]'),
      new TextEncoder().encode('{"id":"e"}'),
      new TextEncoder().encode('{"id":"e","profileId":"p","details":"x"}'),
    ];
    for (const b of bad) {
      expect(decodeEntry(b)).toBeNull();
      expect(decodeProfile(b)).toBeNull();
    }
  });
});
