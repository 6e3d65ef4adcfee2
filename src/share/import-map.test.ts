import { describe, expect, it } from 'vitest';
import { CODE_SYSTEM_URIS } from '../vocab/index.ts';
import { ShareError } from './errors.ts';
import { buildIps } from './ips-build.ts';
import { LIMITS } from './ips-collect.ts';
import { everything, input, ofType } from './ips-test-data.test-helper.ts';
import { UNMAPPED_KEY } from './import-codes.ts';
import { mapFhir } from './import-map.ts';
import { openImportFile } from './import-open.ts';

const bundle = (...resources: Record<string, unknown>[]) => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: resources.map((resource, i) => ({ fullUrl: `urn:uuid:r${i}`, resource })),
});
const concept = (system: string, code: string, display?: string) => ({
  coding: [{ system, code, ...(display ? { display } : {}) }],
});

describe('import mapping onto the vocabulary', () => {
  it('maps ICD-10, ATC, LOINC, SNOMED CT and CVX codes onto Carnet terms', () => {
    const batch = mapFhir([
      bundle(
        { resourceType: 'Condition', code: concept(CODE_SYSTEM_URIS.icd10, 'E11', 'Diabetes') },
        {
          resourceType: 'MedicationStatement',
          status: 'active',
          medicationCodeableConcept: concept('http://www.whocc.no/atc/', 'a10ba02'),
        },
        {
          resourceType: 'Observation',
          code: concept(CODE_SYSTEM_URIS.loinc, '4548-4'),
          valueQuantity: { value: 7.2, unit: '%' },
          effectiveDateTime: '2026-10-02T08:00:00Z',
        },
        {
          resourceType: 'AllergyIntolerance',
          criticality: 'high',
          code: concept(CODE_SYSTEM_URIS.snomed, '762952008', 'Peanut'),
          reaction: [{ manifestation: [concept(CODE_SYSTEM_URIS.snomed, '39579001')] }],
        },
        {
          resourceType: 'Immunization',
          vaccineCode: concept('http://hl7.org/fhir/sid/cvx', '3', 'MMR'),
          occurrenceDateTime: '2001-05-04',
        },
      ),
    ]);
    expect(batch.items.map((i) => i.entry.term?.key)).toEqual([
      'condition.diabetesType2',
      'medication.metformin',
      'test.hba1c',
      'allergy.peanut',
      'vaccine.mmr',
    ]);
    expect(batch.items.every((i) => !i.unmapped && i.entry.provenance === 'clinician')).toBe(true);
    const [, med, result, allergy, vaccine] = batch.items.map((i) => i.entry.details);
    expect(med).toMatchObject({ kind: 'medication', current: true });
    expect(result).toEqual({ kind: 'result', value: '7.2', unit: '%', date: '2026-10-02' });
    expect(allergy).toMatchObject({ severity: 'severe', reactions: ['reaction.anaphylaxis'] });
    expect(vaccine).toEqual({ kind: 'vaccination', date: '2001-05-04' });
  });

  it('keeps an unknown code with its system, code and words, never dropping it', () => {
    const snomedCondition = concept(CODE_SYSTEM_URIS.snomed, '44054006', 'Diabetes type 2');
    const batch = mapFhir([
      bundle(
        { resourceType: 'Condition', code: snomedCondition },
        {
          resourceType: 'Immunization',
          vaccineCode: concept('http://hl7.org/fhir/sid/cvx', '20', 'DTaP'),
        },
        { resourceType: 'Observation', code: { coding: [{ code: 'X1' }], text: 'Ferritine' } },
      ),
    ]);
    expect(batch.items).toHaveLength(3);
    expect(batch.items.every((i) => i.unmapped)).toBe(true);
    expect(batch.items.map((i) => [i.entry.term, i.entry.text])).toEqual([
      [{ system: CODE_SYSTEM_URIS.snomed, code: '44054006', key: UNMAPPED_KEY }, 'Diabetes type 2'],
      [{ system: 'http://hl7.org/fhir/sid/cvx', code: '20', key: UNMAPPED_KEY }, 'DTaP'],
      [{ system: '', code: 'X1', key: UNMAPPED_KEY }, 'Ferritine'],
    ]);
  });

  it('marks an item sensitive when its Carnet term is', () => {
    const batch = mapFhir([
      bundle({ resourceType: 'Condition', code: concept(CODE_SYSTEM_URIS.icd10, 'B24') }),
    ]);
    expect(batch.items[0]?.entry.sensitive).toBe(true);
  });

  it('leaves out IPS "no information" statements, and context resources', () => {
    const batch = mapFhir([
      bundle(
        { resourceType: 'Patient', name: [{ family: 'X' }] },
        {
          resourceType: 'AllergyIntolerance',
          code: concept(
            'http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips',
            'no-allergy-info',
          ),
        },
      ),
    ]);
    expect(batch.items).toEqual([]);
    expect(batch.omitted).toBe(0);
  });

  it('keeps photos and PDFs of a DocumentReference and counts what no paper can hold', () => {
    const batch = mapFhir([
      bundle({
        resourceType: 'DocumentReference',
        description: 'Compte rendu',
        content: [
          { attachment: { contentType: 'application/pdf', data: btoa('%PDF-1.4') } },
          { attachment: { contentType: 'text/html', data: btoa('<p>x</p>') } },
          { attachment: { url: 'https://elsewhere.example/doc' } },
        ],
      }),
    ]);
    expect(batch.papers).toHaveLength(1);
    expect(batch.papers[0]?.title).toBe('Compte rendu');
    expect(new TextDecoder().decode(batch.papers[0]?.files[0]?.data)).toBe('%PDF-1.4');
    expect(batch.omitted).toBe(2);
  });
});

describe('hostile and malformed imports', () => {
  it('refuses what is not FHIR', () => {
    expect(() => mapFhir([{ hello: 'world' }, 'text', null])).toThrow(ShareError);
  });

  it('caps a bundle of 10,000 resources at the viewer limits, and counts the rest', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({
      resourceType: 'Condition',
      code: { text: `c${i}` },
    }));
    const batch = mapFhir([bundle(...many)]);
    expect(batch.items).toHaveLength(LIMITS.total);
    expect(batch.omitted).toBe(10_000 - LIMITS.total);
  });

  it('caps documents at the viewer limit', () => {
    const docs = Array.from({ length: LIMITS.documents + 5 }, () => ({
      resourceType: 'DocumentReference',
      content: [{ attachment: { contentType: 'image/png', data: btoa('png') } }],
    }));
    const batch = mapFhir([bundle(...docs)]);
    expect(batch.papers).toHaveLength(LIMITS.documents);
    expect(batch.omitted).toBe(5);
  });

  it('says "unsupported" for a file that is not JSON, and "too large" past the limit', async () => {
    await expect(openImportFile('x.json', new TextEncoder().encode('{"a":'))).rejects.toMatchObject(
      {
        code: 'unsupported-content',
      },
    );
    const huge = { byteLength: 65 * 1024 * 1024 } as Uint8Array;
    await expect(openImportFile('x.json', huge)).rejects.toMatchObject({ code: 'too-large' });
  });

  it('survives a 100,000-deep nested value without throwing anything but a ShareError', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const file = new TextEncoder().encode(`{"resourceType":"Bundle","entry":${deep}}`);
    const opened = await openImportFile('deep.json', file).then(
      (o) => o.batch.items,
      (e: unknown) => e,
    );
    if (opened instanceof Error) expect(opened).toBeInstanceOf(ShareError);
    else expect(opened).toEqual([]);
  });
});

describe('fitting what Carnet stores', () => {
  it('cuts long words and leaves out a future date or an impossible dose, keeping the item', () => {
    const batch = mapFhir(
      [
        bundle(
          {
            resourceType: 'Condition',
            code: { text: 'x'.repeat(5000) },
            onsetDateTime: '2999-01-01',
          },
          {
            resourceType: 'Immunization',
            vaccineCode: { text: 'Vaccin' },
            protocolApplied: [{ doseNumberPositiveInt: 999 }],
          },
          { resourceType: 'Condition', code: { text: '   ' } },
        ),
      ],
      Date.parse('2026-12-01'),
    );
    expect(batch.items).toHaveLength(2);
    expect(batch.items[0]?.entry.text).toHaveLength(2000);
    expect(batch.items[0]?.entry.details).toEqual({ kind: 'condition', active: true });
    expect(batch.items[1]?.entry.details).toEqual({ kind: 'vaccination' });
    expect(batch.omitted).toBe(1);
  });
});

describe('round trip', () => {
  it('a Carnet share imported gives back the same items and codes', () => {
    const shared = buildIps(input());
    const batch = mapFhir([JSON.parse(JSON.stringify(shared))]);
    const kept = everything.filter((e) => e.details.kind !== 'note');
    expect(batch.items.map((i) => i.entry.details.kind)).toEqual(kept.map((e) => e.details.kind));
    expect(batch.items.map((i) => i.entry.term)).toEqual(kept.map((e) => e.term));
    const allergy = batch.items[0]!.entry;
    expect(allergy.details).toMatchObject({
      kind: 'allergy',
      severity: 'severe',
      reactions: ['reaction.urticaria', 'reaction.anaphylaxis'],
    });
    const metformin = batch.items[1]!.entry.details;
    expect(metformin).toMatchObject({
      kind: 'medication',
      current: true,
      since: '2023-05',
      dosage: { amount: 500, unit: 'mg', frequency: { per: 'day', times: 2 }, route: 'route.oral' },
    });
    expect(batch.items.find((i) => i.entry.details.kind === 'right')?.entry.details).toEqual({
      kind: 'right',
      scheme: 'AME',
      number: '2 75 12 99 123 456',
      validUntil: '2027-01-31',
    });
  });

  it('an administrative paper comes back as the same kind, with its issuer and validity', () => {
    const receipt = {
      id: 'r1',
      profileId: 'p',
      details: {
        kind: 'right' as const,
        scheme: 'residence-receipt' as const,
        number: 'R 33 0012',
        issuer: 'Préfecture de la Gironde',
        validFrom: '2026-01-02',
        validUntil: '2026-07-01',
      },
      provenance: 'paper' as const,
      sensitive: false,
      createdAt: 0,
      updatedAt: 0,
    };
    const css = {
      ...receipt,
      id: 'r2',
      details: { kind: 'right' as const, scheme: 'CSS' as const },
    };
    const shared = buildIps(
      input({
        audience: 'social',
        entries: [receipt, css],
        documents: [],
        words: {
          ...input().words,
          schemes: {
            ...input().words.schemes,
            'residence-receipt': 'Récépissé de titre de séjour',
            CSS: 'Complémentaire santé solidaire (CSS)',
          },
        },
      }),
    );
    const details = mapFhir([JSON.parse(JSON.stringify(shared))]).items.map((i) => i.entry.details);
    expect(details).toEqual([receipt.details, css.details]);
  });

  it('an asylum paper imported starts sensitive', () => {
    const decision = {
      id: 'd1',
      profileId: 'p',
      details: { kind: 'right' as const, scheme: 'ofpra-decision' as const },
      provenance: 'paper' as const,
      sensitive: true,
      createdAt: 0,
      updatedAt: 0,
    };
    const shared = buildIps(input({ audience: 'custom', entries: [decision], documents: [] }));
    const [item] = mapFhir([JSON.parse(JSON.stringify(shared))]).items;
    expect(item?.entry).toMatchObject({ details: decision.details, sensitive: true });
  });

  it('an item with a code Carnet does not know keeps its system, code and words when shared again', () => {
    const snomed = concept(CODE_SYSTEM_URIS.snomed, '1148818007', 'Long COVID');
    const lab = { coding: [{ system: 'urn:oid:1.2.250.1.213.2.16', code: 'F-123' }] };
    const imported = mapFhir([
      bundle(
        { resourceType: 'Condition', code: snomed },
        { resourceType: 'Observation', code: { ...lab, text: 'Ferritine' } },
      ),
    ]).items;
    expect(imported.every((i) => i.unmapped)).toBe(true);
    const entries = imported.map((i, n) => ({
      ...i.entry,
      id: `i${n}`,
      profileId: 'p',
      createdAt: 0,
      updatedAt: 0,
    }));
    const shared = buildIps(input({ entries }));
    const [condition] = ofType(shared, 'Condition');
    expect(condition?.code).toEqual({
      coding: [{ system: CODE_SYSTEM_URIS.snomed, code: '1148818007' }],
      text: 'Long COVID',
    });
    // The words are the concept's, not repeated as a note.
    expect(condition?.note).toBeUndefined();
    const [observation] = ofType(shared, 'Observation');
    expect(observation?.code).toMatchObject({ coding: lab.coding, text: 'Ferritine' });

    const again = mapFhir([JSON.parse(JSON.stringify(shared))]).items;
    expect(again.map((i) => [i.entry.term, i.entry.text])).toEqual(
      imported.map((i) => [i.entry.term, i.entry.text]),
    );
  });
});
