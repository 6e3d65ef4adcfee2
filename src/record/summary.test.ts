import { describe, expect, it } from 'vitest';
import {
  FIRST_PAGE,
  NEXT_PAGE,
  buildSummary,
  groupOf,
  nextPageCount,
  shownCount,
  type SummarySection,
} from './summary.ts';
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

  it('puts severe allergies first and counts them as never to be cut', () => {
    const mild = entry({ kind: 'allergy', severity: 'mild' });
    const unknown = entry({ kind: 'allergy', severity: 'unknown' });
    const severe = entry({ kind: 'allergy', severity: 'severe' });
    const allergies = buildSummary([mild, severe, unknown], 'p')[0];
    expect(allergies?.entries[0]).toBe(severe);
    expect(allergies?.mustShow).toBe(1);
    expect(buildSummary([], 'p').every((s) => s.mustShow === 0)).toBe(true);
  });

  it('puts undated items after dated ones, and the latest change first among equals', () => {
    const undated = entry({ kind: 'result' });
    const older = entry({ kind: 'result', date: '2025-01-02' });
    const sameDay = entry({ kind: 'result', date: '2025-01-02' });
    const newer = entry({ kind: 'result', date: '2025-06' });
    const results = buildSummary([undated, older, sameDay, newer], 'p')[4];
    expect(results?.entries.map((e) => e.id)).toEqual([newer.id, sameDay.id, older.id, undated.id]);
  });
});

/** A section of `total` entries of `kind`, the first `mustShow` of them never cut. */
function section(kind: SummarySection['kind'], total: number, mustShow = 0): SummarySection {
  return {
    kind,
    mustShow,
    entries: Array.from({ length: total }, () => entry({ kind: 'note' })),
  };
}

describe('shownCount and nextPageCount', () => {
  it('shows a short section whole, with nothing more to show', () => {
    const notes = section('note', FIRST_PAGE.note);
    expect(shownCount(notes, 1)).toBe(FIRST_PAGE.note);
    expect(nextPageCount(notes, 1)).toBe(0);
    expect(shownCount(section('note', 0), 1)).toBe(0);
  });

  it('cuts a long section to its first page, then adds a page at each "show more"', () => {
    const meds = section('medication', 1000);
    expect(shownCount(meds, 1)).toBe(FIRST_PAGE.medication);
    expect(nextPageCount(meds, 1)).toBe(NEXT_PAGE);
    expect(shownCount(meds, 2)).toBe(FIRST_PAGE.medication + NEXT_PAGE);
    expect(shownCount(meds, 3)).toBe(FIRST_PAGE.medication + 2 * NEXT_PAGE);
  });

  it('reveals only what is left on the last page, and never more than the section holds', () => {
    const total = FIRST_PAGE.result + NEXT_PAGE + 3;
    const results = section('result', total);
    expect(nextPageCount(results, 2)).toBe(3);
    expect(shownCount(results, 3)).toBe(total);
    expect(nextPageCount(results, 3)).toBe(0);
    expect(shownCount(results, 50)).toBe(total);
  });

  it('shows every severe allergy on the first view, however many there are', () => {
    const many = FIRST_PAGE.allergy + 7;
    const allergies = section('allergy', many + 5, many);
    expect(shownCount(allergies, 1)).toBe(many);
    expect(nextPageCount(allergies, 1)).toBe(5);
    expect(shownCount(allergies, 2)).toBe(many + 5);
  });

  it('treats a page count below one as the first view', () => {
    const meds = section('medication', 100);
    expect(shownCount(meds, 0)).toBe(FIRST_PAGE.medication);
    expect(shownCount(meds, -3)).toBe(FIRST_PAGE.medication);
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
