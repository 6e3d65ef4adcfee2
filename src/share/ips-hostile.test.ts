import { describe, expect, it } from 'vitest';
import { LIMITS } from './ips-collect.ts';
import { readIps } from './ips-read.ts';

// Shapes an attacker can send in a small share to take the doctor's page down.
describe('the IPS reader under hostile bundles', () => {
  it('caps 4,000 sections that all point at one report with 4,000 results', () => {
    const results = Array.from({ length: 4000 }, (_, i) => ({
      fullUrl: `urn:uuid:o${i}`,
      resource: { resourceType: 'Observation', code: { text: `r${i}` } },
    }));
    const report = {
      fullUrl: 'urn:uuid:report',
      resource: {
        resourceType: 'DiagnosticReport',
        code: { text: 'Bilan' },
        result: results.map((r) => ({ reference: r.fullUrl })),
      },
    };
    const composition = {
      resource: {
        resourceType: 'Composition',
        section: Array.from({ length: 4000 }, () => ({
          entry: [{ reference: 'urn:uuid:report' }],
        })),
      },
    };
    const bundle = { resourceType: 'Bundle', entry: [composition, report, ...results] };
    expect(JSON.stringify(bundle).length).toBeLessThan(700_000);
    const summary = readIps(bundle);
    const lines = summary.sections.reduce((n, s) => n + s.items.length, 0);
    expect(summary.sections.length).toBeLessThanOrEqual(LIMITS.sections);
    expect(lines).toBeLessThanOrEqual(LIMITS.total);
    for (const s of summary.sections) expect(s.items.length).toBeLessThanOrEqual(LIMITS.perSection);
    expect(summary.omitted?.sections).toBe(4000 - LIMITS.sections);
    // The first section shows the report and its first results, and says how many it left out.
    const first = summary.sections[0]!;
    expect(first.items[0]?.resourceType).toBe('DiagnosticReport');
    expect(first.items).toHaveLength(1 + LIMITS.perReport);
    expect(first.omitted).toBe(4000 - LIMITS.perReport);
  });

  it('reads 100,000 resources without a Composition in one pass, capped', () => {
    const entry = Array.from({ length: 100_000 }, (_, i) => ({
      resource: { resourceType: i % 2 ? 'Observation' : 'Condition', code: { text: `x${i}` } },
    }));
    const summary = readIps({ resourceType: 'Bundle', entry });
    const lines = summary.sections.reduce((n, s) => n + s.items.length, 0);
    expect(lines).toBeLessThanOrEqual(LIMITS.total);
    expect(summary.sections.map((s) => s.kind).sort()).toEqual(['problems', 'results']);
    for (const s of summary.sections) {
      expect(s.items).toHaveLength(LIMITS.perSection);
      expect(s.omitted).toBe(50_000 - LIMITS.perSection);
    }
  });

  it('lists at most LIMITS.documents papers, and counts the rest', () => {
    const entry = Array.from({ length: LIMITS.documents + 5 }, (_, i) => ({
      resource: { resourceType: 'DocumentReference', description: `d${i}`, content: [] },
    }));
    const summary = readIps({ resourceType: 'Bundle', entry });
    expect(summary.documents).toHaveLength(LIMITS.documents);
    expect(summary.omitted?.documents).toBe(5);
  });
});
