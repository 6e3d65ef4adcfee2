import { describe, expect, it } from 'vitest';
import { buildSummary, rightReminders } from './summary.ts';
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

describe('rightReminders', () => {
  const now = Date.parse('2026-03-01T10:00:00Z');
  it('reminds about rights ending within 45 days, and ended ones, soonest first', () => {
    const soon = entry({ kind: 'right', scheme: 'AME', validUntil: '2026-03-31' });
    const ended = entry({ kind: 'right', scheme: 'CSS', validUntil: '2026-02-20' });
    const later = entry({ kind: 'right', scheme: 'PUMa', validUntil: '2026-12-31' });
    const reminders = rightReminders([soon, ended, later], 'p', now);
    expect(reminders.map((r) => [r.entry.id, r.daysLeft])).toEqual([
      [ended.id, -9],
      [soon.id, 30],
    ]);
  });
});
