import { describe, expect, it } from 'vitest';
import { buildSummary, groupOf } from './summary.ts';
import type { Entry, EntryDetails } from './types.ts';

let n = 0;
const entry = (details: EntryDetails, profileId = 'p'): Entry => ({
  id: `e${++n}`,
  profileId,
  text: `item ${n}`,
  details,
  provenance: 'patient',
  sensitive: false,
  createdAt: n,
  updatedAt: n,
});

describe('buildSummary', () => {
  it('orders sections by importance and keeps empty ones', () => {
    const sections = buildSummary([entry({ kind: 'note' })], 'p');
    expect(sections.map((s) => s.kind)).toEqual([
      'allergy',
      'medication',
      'condition',
      'vaccination',
      'result',
      'right',
      'note',
    ]);
    expect(sections.find((s) => s.kind === 'note')?.entries).toHaveLength(1);
  });

  it('puts current medicines before stopped ones, newest first', () => {
    const old = entry({ kind: 'medication', current: true, since: '2020-01' });
    const recent = entry({ kind: 'medication', current: true, since: '2025-03-01' });
    const stopped = entry({ kind: 'medication', current: false, since: '2026-01-01' });
    const meds = buildSummary([stopped, old, recent], 'p').find((s) => s.kind === 'medication');
    expect(meds?.entries.map((e) => e.id)).toEqual([recent.id, old.id, stopped.id]);
  });

  it("shows only the chosen profile's entries", () => {
    const mine = entry({ kind: 'allergy', severity: 'severe' }, 'p');
    const allergies = buildSummary(
      [mine, entry({ kind: 'allergy', severity: 'mild' }, 'child')],
      'p',
    )[0];
    expect(allergies?.entries).toEqual([mine]);
  });
});

describe('groupOf', () => {
  it('puts papers and rights in the administrative part, everything else under health', () => {
    expect(buildSummary([], 'p').map((s) => [s.kind, groupOf(s.kind)])).toEqual([
      ['allergy', 'health'],
      ['medication', 'health'],
      ['condition', 'health'],
      ['vaccination', 'health'],
      ['result', 'health'],
      ['right', 'admin'],
      ['note', 'health'],
    ]);
  });
});
