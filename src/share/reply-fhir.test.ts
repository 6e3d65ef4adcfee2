import { describe, expect, it } from 'vitest';
import { ShareError } from './errors.ts';
import type { FhirBundle } from './fhir-types.ts';
import { buildReplyBundle, readReplyBundle } from './reply-fhir.ts';
import type { Reply } from './reply-model.ts';
import { REPLY_LIMITS } from './reply-model.ts';

const BASE: Reply = {
  author: { name: 'Dr Martin' },
  date: '2026-11-23',
  lang: 'fr',
  items: [{ kind: 'note', text: 'Repos.' }],
};

/** The bundle of BASE with `change` applied to its JSON. */
function hostile(change: (b: Record<string, unknown> & FhirBundle) => void): unknown {
  const bundle = JSON.parse(JSON.stringify(buildReplyBundle(BASE))) as FhirBundle &
    Record<string, unknown>;
  change(bundle);
  return bundle;
}

const refused = (json: unknown) => () => readReplyBundle(json);

describe('readReplyBundle', () => {
  it('reads a note back, with the language it was written in', () => {
    expect(readReplyBundle(buildReplyBundle(BASE))).toEqual(BASE);
  });

  it('writes a paper or right as a share does (name, number, validity, issuer) and reads it back', () => {
    const reply: Reply = {
      ...BASE,
      items: [
        {
          kind: 'right',
          scheme: 'residence-receipt',
          number: '7501234567',
          issuer: 'Préfecture de police',
          validFrom: '2026-12-01',
          validUntil: '2027-03-01',
        },
        { kind: 'right', scheme: 'AME', number: '2 99 01 75 123 456', validUntil: '2027-12-03' },
        { kind: 'right', scheme: 'other', text: 'Carte Solidarité Transport' },
        { kind: 'note', text: 'Rendez-vous en préfecture, guichet 4.', date: '2026-12-15' },
      ],
    };
    const bundle = buildReplyBundle(reply, {
      schemeText: (s) => (s === 'AME' ? 'AME (aide médicale de l’État)' : 'Récépissé'),
    });
    const [receipt, ame, other] = bundle.entry.slice(1).map((e) => e.resource);
    expect(receipt).toMatchObject({
      resourceType: 'Coverage',
      type: { coding: [{ code: 'residence-receipt' }], text: 'Récépissé' },
      subscriberId: '7501234567',
      period: { start: '2026-12-01', end: '2027-03-01' },
      payor: [{ display: 'Préfecture de police' }],
    });
    expect(ame).toMatchObject({
      type: { text: 'AME (aide médicale de l’État)' },
      payor: [{ display: 'Assurance Maladie' }],
    });
    expect(other).toMatchObject({ type: { text: 'Carte Solidarité Transport' } });
    expect(readReplyBundle(bundle)).toEqual(reply);
    // A paper of another kind must be named.
    const unnamed = hostile((b) =>
      b.entry.push({
        fullUrl: 'urn:uuid:y',
        resource: {
          resourceType: 'Coverage',
          type: { coding: [{ system: 'urn:carnet:right-scheme', code: 'other' }] },
        },
      }),
    );
    expect(refused(unnamed)).toThrow(ShareError);
  });

  it('keeps a code Carnet does not know as its words', () => {
    const json = hostile((b) => {
      b.entry.push({
        fullUrl: 'urn:uuid:x',
        resource: {
          resourceType: 'MedicationRequest',
          medicationCodeableConcept: {
            coding: [{ system: 'http://www.whocc.no/atc', code: 'Z99ZZ99' }],
            text: 'Sirop maison',
          },
        },
      });
    });
    expect(readReplyBundle(json).items[1]).toEqual({ kind: 'medication', text: 'Sirop maison' });
  });

  it.each([
    ['not a bundle', { resourceType: 'Patient' }],
    ['a document bundle', hostile((b) => (b.type = 'document'))],
    ['no practitioner first', hostile((b) => b.entry.reverse())],
    ['no items', hostile((b) => b.entry.splice(1))],
    ['an unknown resource', hostile((b) => (b.entry[1]!.resource.resourceType = 'Patient'))],
    [
      'a bad RPPS',
      hostile(
        (b) =>
          (b.entry[0]!.resource.identifier = [
            { system: 'urn:oid:1.2.250.1.71.4.2.1', value: '12<script>' },
          ]),
      ),
    ],
    [
      'a huge note',
      hostile(
        (b) =>
          (b.entry[1]!.resource.payload = [{ contentString: 'x'.repeat(REPLY_LIMITS.text + 1) }]),
      ),
    ],
    [
      'too many items',
      hostile((b) => {
        for (let i = 0; i < REPLY_LIMITS.items; i++) b.entry.push(b.entry[1]!);
      }),
    ],
    ['a bad date', hostile((b) => (b.timestamp = 'yesterday'))],
    [
      'an item with no code and no words',
      hostile(
        (b) =>
          (b.entry[1]!.resource = {
            resourceType: 'Immunization',
            vaccineCode: {},
            occurrenceDateTime: '2026-01-01',
          }),
      ),
    ],
    [
      'HTML sent as a PDF',
      hostile(
        (b) =>
          (b.entry[1]!.resource = {
            resourceType: 'DocumentReference',
            content: [
              { attachment: { contentType: 'application/pdf', data: btoa('<html><script>') } },
            ],
          }),
      ),
    ],
    [
      'an attachment of another type',
      hostile(
        (b) =>
          (b.entry[1]!.resource = {
            resourceType: 'DocumentReference',
            content: [{ attachment: { contentType: 'text/html', data: btoa('%PDF-') } }],
          }),
      ),
    ],
  ])('refuses %s, whole', (_, json) => {
    expect(refused(json)).toThrow(new ShareError('unsupported-content'));
  });
});
