import { describe, expect, it } from 'vitest';
import { ShareError } from '../share/errors.ts';
import { testIssuer, vaccinationBundle } from '../share/health-card.test-helper.ts';
import { LIMITS } from '../share/ips-collect.ts';
import type { OpenedShare } from '../share/open-link.ts';
import { contentFromShare } from './content.ts';

const file = (contentType: string, body: unknown) => ({
  contentType,
  plaintext: new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body)),
});
const share = (files: OpenedShare['files'], extra: Partial<OpenedShare> = {}): OpenedShare => ({
  files,
  omittedFiles: 0,
  ...extra,
});
const FHIR = 'application/fhir+json';
const bundle = (...resources: object[]) => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: resources.map((resource) => ({ resource })),
});
const doc = (title: string) => bundle({ resourceType: 'DocumentReference', description: title });

async function failureOf(run: Promise<unknown>): Promise<string> {
  try {
    await run;
    return 'none';
  } catch (err) {
    return err instanceof ShareError ? err.code : 'other';
  }
}

describe('what the viewer shows of a share', () => {
  it('takes the first Bundle as the summary, adds the others, and counts what it cannot show', async () => {
    const content = await contentFromShare(
      share(
        [
          file('application/smart-health-card', { verifiableCredential: [] }),
          file(FHIR, doc('A')),
          file(FHIR, 'not json'),
          file('application/fhir+json;fhirVersion=4.0.1', doc('B')),
          file('application/pdf', 'x'),
          file(FHIR, { hello: 'world' }),
        ],
        { omittedFiles: 2 },
      ),
    );
    expect(content.summary?.documents.map((d) => d.title)).toEqual(['A', 'B']);
    expect(content.summary?.documents.map((d) => d.key)).toEqual(['doc0', 'doc1']);
    // The empty card file, the text, the PDF, the JSON that is not FHIR, two files past the cap.
    expect(content.notShown).toBe(6);
  });

  it('shows lone resources, each file one resource, and finds the patient among them', async () => {
    const lone = [
      { resourceType: 'Patient', id: 'p', name: [{ text: 'Amal Haddad' }] },
      {
        resourceType: 'Immunization',
        vaccineCode: { text: 'ROR' },
        patient: { reference: 'Patient/p' },
      },
      {
        resourceType: 'Observation',
        code: { text: 'HbA1c' },
        valueQuantity: { value: 7.2, unit: '%' },
      },
      { resourceType: 'Condition', code: { text: 'Diabète de type 2' } },
      { resourceType: 'AllergyIntolerance', code: { text: 'Pénicilline' } },
      { resourceType: 'MedicationStatement', medicationCodeableConcept: { text: 'Metformine' } },
    ];
    const content = await contentFromShare(share(lone.map((r) => file(FHIR, r))));
    expect(content.summary?.patient?.name).toBe('Amal Haddad');
    expect(
      content.summary?.sections.map((s) => [s.kind, s.items.map((i) => i.label?.text)]),
    ).toEqual([
      ['allergies', ['Pénicilline']],
      ['medications', ['Metformine']],
      ['problems', ['Diabète de type 2']],
      ['immunizations', ['ROR']],
      ['results', ['HbA1c']],
    ]);
    const patientOnly = await contentFromShare(share([file(FHIR, lone[0])]));
    expect(patientOnly.summary?.patient?.name).toBe('Amal Haddad');
    expect(patientOnly.summary?.sections).toEqual([]);
  });

  it('merges the sections of a Bundle and of lone resources by kind', async () => {
    const content = await contentFromShare(
      share([
        file(FHIR, bundle({ resourceType: 'Condition', code: { text: 'Asthme' } })),
        file(FHIR, { resourceType: 'Condition', code: { text: 'Diabète' } }),
      ]),
    );
    expect(content.summary?.sections).toHaveLength(1);
    const items = content.summary?.sections[0]?.items ?? [];
    expect(items.map((i) => i.label?.text)).toEqual(['Asthme', 'Diabète']);
    expect(new Set(items.map((i) => i.key)).size).toBe(2);
  });

  it('keeps the limits for the whole share, not for each file', async () => {
    const many = bundle(
      ...Array.from({ length: 2000 }, (_, i) => ({
        resourceType: 'Condition',
        code: { text: `c${i}` },
      })),
    );
    const content = await contentFromShare(
      share(Array.from({ length: 5 }, () => file(FHIR, many))),
    );
    const lines = content.summary?.sections.reduce((n, s) => n + s.items.length, 0) ?? 0;
    expect(lines).toBeLessThanOrEqual(LIMITS.perSection);
    expect(content.summary?.sections[0]?.omitted).toBe(5 * 2000 - LIMITS.perSection);
  });

  it('shows health cards apart, with their issuer and what they hold', async () => {
    const issuer = await testIssuer('https://clinic.example.org');
    const jws = await issuer.issue(vaccinationBundle());
    const content = await contentFromShare(
      share([
        file('application/smart-health-card', { verifiableCredential: [jws, 'broken'] }),
        file(FHIR, { resourceType: 'Condition', code: { text: 'Asthme' } }),
      ]),
    );
    expect(content.cards).toHaveLength(1);
    const [card] = content.cards;
    expect(card?.card.issuer).toBe('https://clinic.example.org');
    expect(card?.summary.patient?.name).toBe('Amal Haddad');
    expect(card?.summary.sections.find((s) => s.kind === 'immunizations')?.items).toHaveLength(2);
    expect(content.summary?.sections[0]?.items[0]?.label?.text).toBe('Asthme');
    expect(content.notShown).toBe(1);
    // A share of cards alone has no summary of its own.
    const cardsOnly = await contentFromShare(
      share([file('application/smart-health-card', { verifiableCredential: [jws] })]),
    );
    expect([cardsOnly.summary, cardsOnly.cards.length]).toEqual([null, 1]);
  });

  it('passes on the manifest status; says withdrawn or unsupported when nothing is readable', async () => {
    const withStatus = await contentFromShare(
      share([file(FHIR, doc('A'))], { status: 'can-change' }),
    );
    expect(withStatus.status).toBe('can-change');
    expect(await failureOf(contentFromShare(share([], { status: 'no-longer-valid' })))).toBe(
      'inactive',
    );
    expect(await failureOf(contentFromShare(share([])))).toBe('unsupported-content');
    expect(await failureOf(contentFromShare(share([file(FHIR, { notFhir: 1 })])))).toBe(
      'unsupported-content',
    );
  });
});
