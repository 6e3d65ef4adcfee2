import { describe, expect, it } from 'vitest';
import type { RightScheme } from '../record/types.ts';
import { ShareError } from './errors.ts';
import { FHIR } from './fhir-types.ts';
import { mapFhir } from './import-map.ts';
import { buildReplyBundle, readReplyBundle } from './reply-fhir.ts';
import type { Reply } from './reply-model.ts';

const BASE: Reply = {
  author: { name: 'Dr Martin' },
  date: '2026-11-23',
  lang: 'fr',
  items: [{ kind: 'note', text: 'Repos.' }],
};

/** A reply whose one item is `coverage`, as another writer (or a share) would make it. */
function replyWith(coverage: Record<string, unknown>): unknown {
  const bundle = JSON.parse(JSON.stringify(buildReplyBundle(BASE))) as {
    entry: { fullUrl: string; resource: Record<string, unknown> }[];
  };
  bundle.entry.push({ fullUrl: 'urn:uuid:c', resource: { resourceType: 'Coverage', ...coverage } });
  return bundle;
}

/** The same Coverage in an import, read as a candidate entry's details. */
function imported(coverage: Record<string, unknown>) {
  const batch = mapFhir([
    {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{ fullUrl: 'urn:uuid:c', resource: { resourceType: 'Coverage', ...coverage } }],
    },
  ]);
  return batch.items[0]?.entry.details;
}

const paperKind = (code: string, text?: string) => ({
  coding: [{ system: FHIR.carnetPaperKind, code }],
  ...(text ? { text } : {}),
});

describe('a Coverage read back, in a reply and in an import alike', () => {
  it.each<[RightScheme, string]>([
    ['CSS', 'Complémentaire santé solidaire (CSS)'],
    ['AME', 'AME (aide médicale de l’État)'],
    ['PUMa', 'PUMa (Sécurité sociale)'],
  ])('reads a reply carrying the paper-kind code %s as that kind', (scheme, name) => {
    const coverage = {
      type: paperKind(scheme, name),
      subscriberId: '2 99 01 75 123 456',
      period: { end: '2027-12-03' },
      payor: [{ display: 'Assurance Maladie' }],
    };
    const expected = { scheme, number: '2 99 01 75 123 456', validUntil: '2027-12-03' };
    expect(readReplyBundle(replyWith(coverage)).items[1]).toEqual({ kind: 'right', ...expected });
    expect(imported(coverage)).toEqual({ kind: 'right', ...expected });
  });

  it('takes the paper-kind code over what the name says', () => {
    const coverage = { type: paperKind('CSS', 'AME — ancienne carte') };
    expect(readReplyBundle(replyWith(coverage)).items[1]).toMatchObject({ scheme: 'CSS' });
    expect(imported(coverage)).toMatchObject({ scheme: 'CSS' });
  });

  it('without a code, knows health cover by its name in any case', () => {
    const coverage = { type: { text: 'ame — carte 2026' } };
    const expected = { scheme: 'AME', text: 'carte 2026' };
    expect(readReplyBundle(replyWith(coverage)).items[1]).toEqual({ kind: 'right', ...expected });
    expect(imported(coverage)).toEqual({ kind: 'right', scheme: 'AME' });
  });

  it('does not take the Assurance Maladie, in any case, for an issuer the patient named', () => {
    const coverage = { type: paperKind('PUMa'), payor: [{ display: 'ASSURANCE MALADIE' }] };
    expect(readReplyBundle(replyWith(coverage)).items[1]).toEqual({
      kind: 'right',
      scheme: 'PUMa',
    });
    expect(imported(coverage)).toEqual({ kind: 'right', scheme: 'PUMa' });
  });

  it('keeps an issuer that is not the Assurance Maladie', () => {
    const coverage = { type: paperKind('CSS'), payor: [{ display: 'CPAM de la Gironde' }] };
    expect(readReplyBundle(replyWith(coverage)).items[1]).toMatchObject({
      issuer: 'CPAM de la Gironde',
    });
    expect(imported(coverage)).toMatchObject({ issuer: 'CPAM de la Gironde' });
  });

  it('still refuses, in a reply, a paper of another kind with no name or an overlong number', () => {
    expect(() => readReplyBundle(replyWith({ type: paperKind('other') }))).toThrow(ShareError);
    const long = { type: paperKind('AME'), subscriberId: '1'.repeat(61) };
    expect(() => readReplyBundle(replyWith(long))).toThrow(ShareError);
  });
});
