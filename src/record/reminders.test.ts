import { describe, expect, it } from 'vitest';
import type { Reminder } from './reminders.ts';
import { paperReminders, reminderKey, stageOf, unnotified, withShown } from './reminders.ts';
import type { Entry, Profile } from './types.ts';

let n = 0;
const paper = (validUntil: string | undefined, profileId = 'p'): Entry => ({
  id: `e${++n}`,
  profileId,
  details: { kind: 'right', scheme: 'AME', ...(validUntil ? { validUntil } : {}) },
  provenance: 'patient',
  sensitive: false,
  createdAt: n,
  updatedAt: n,
});

const profile = (id = 'p', remindersShown?: string[]): Profile => ({
  id,
  name: 'Amina',
  relation: 'self',
  sex: 'female',
  language: 'ar',
  interpreterNeeded: true,
  ...(remindersShown ? { remindersShown } : {}),
  createdAt: 1,
  updatedAt: 1,
});

const TODAY = '2026-03-01';

describe('stageOf', () => {
  it.each([
    [45, undefined],
    [31, undefined],
    [30, '30'],
    [15, '30'],
    [14, '14'],
    [4, '14'],
    [3, '3'],
    [1, '3'],
    [0, '3'],
    [-1, 'past'],
    [-400, 'past'],
  ])('%i days left: %s', (days, stage) => {
    expect(stageOf(days)).toBe(stage);
  });
});

describe('paperReminders', () => {
  it('reminds from 30 days before the end, and once ended, soonest first', () => {
    const in10 = paper('2026-03-11');
    const ended = paper('2026-02-20');
    const in31 = paper('2026-04-01');
    const in30 = paper('2026-03-31');
    const today = paper('2026-03-01');
    const reminders = paperReminders([in10, ended, in31, in30, today], TODAY);
    expect(reminders.map((r) => [r.entry?.id, r.daysLeft, r.stage])).toEqual([
      [ended.id, -9, 'past'],
      [today.id, 0, '3'],
      [in10.id, 10, '14'],
      [in30.id, 30, '30'],
    ]);
  });

  it('leaves out papers with no end date, or one it cannot read', () => {
    expect(paperReminders([paper(undefined), paper('2026-13'), paper('mars')], TODAY)).toEqual([]);
  });

  it('reminds an end known only to the month from 30 days before its first day, past after its last', () => {
    const april = paper('2026-04');
    const at = (today: string) =>
      paperReminders([april], today).map((r) => [r.date, r.until, r.daysLeft, r.stage]);
    expect(at('2026-03-01')).toEqual([]);
    expect(at('2026-03-02')).toEqual([['2026-04-01', '2026-04', 30, '30']]);
    expect(at('2026-03-20')).toEqual([['2026-04-01', '2026-04', 12, '14']]);
    // From the first day it may end to the last: the last stage, not a count of days.
    expect(at('2026-04-01')).toEqual([['2026-04-01', '2026-04', 0, '3']]);
    expect(at('2026-04-30')).toEqual([['2026-04-01', '2026-04', 0, '3']]);
    expect(at('2026-05-01')).toEqual([['2026-04-01', '2026-04', -1, 'past']]);
  });

  it('reminds an end known only to the year from 30 days before 1 January, past after 31 December', () => {
    const y2027 = paper('2027');
    const at = (today: string) => paperReminders([y2027], today).map((r) => [r.daysLeft, r.stage]);
    expect(at('2026-12-01')).toEqual([]);
    expect(at('2026-12-02')).toEqual([[30, '30']]);
    expect(at('2027-07-14')).toEqual([[0, '3']]);
    expect(at('2028-01-01')).toEqual([[-1, 'past']]);
  });

  it("keeps each person's reminders apart", () => {
    const child = paper('2026-03-05', 'child');
    expect(paperReminders([child], TODAY)[0]?.profileId).toBe('child');
  });
});

describe('notifying once per stage', () => {
  const card = paper('2026-03-31');
  const at = (today: string) => paperReminders([card], today);
  /** One unlock on `today`: what is notified, and the profile as saved afterwards. */
  const unlock = (p: Profile, today: string): [Reminder[], Profile] => {
    const current = at(today);
    const due = unnotified(current, [p]);
    return [due, withShown(p, due, current)];
  };

  it('notifies at 30, 14 and 3 days and once ended, each once however often the app opens', () => {
    let p = profile();
    const seen: string[] = [];
    for (const day of [
      '2026-02-01', // 58 days: nothing yet
      '2026-03-01', // 30
      '2026-03-02', // 29: same stage, nothing new
      '2026-03-17', // 14
      '2026-03-20', // 11
      '2026-03-28', // 3
      '2026-03-31', // 0: still the 3-day stage
      '2026-04-01', // ended
      '2026-04-09', // ended, already said
    ]) {
      const [due, next] = unlock(p, day);
      seen.push(...due.map((r) => `${day}:${r.stage}`));
      p = next;
    }
    expect(seen).toEqual(['2026-03-01:30', '2026-03-17:14', '2026-03-28:3', '2026-04-01:past']);
  });

  it('skips stages the app was not opened in, and notifies the current one once', () => {
    const [due, p] = unlock(profile(), '2026-03-29');
    expect(due.map((r) => r.stage)).toEqual(['3']);
    expect(unlock(p, '2026-03-30')[0]).toEqual([]);
  });

  it('reminds a renewed paper again, and forgets keys of papers no longer reminded', () => {
    const [, p] = unlock(profile(), '2026-03-01');
    expect(p.remindersShown).toEqual([
      reminderKey({ about: `paper:${card.id}`, date: '2026-03-31', stage: '30' }),
    ]);
    const renewed: Entry = {
      ...card,
      details: { kind: 'right', scheme: 'AME', validUntil: '2027-03-01' },
    };
    const current = paperReminders([renewed], '2026-03-02');
    expect(current).toEqual([]);
    expect(withShown(p, [], current).remindersShown).toBeUndefined();
  });

  it('returns the same profile when nothing changes, and never touches updatedAt', () => {
    const p = profile();
    expect(withShown(p, [], [])).toBe(p);
    const [, next] = unlock(p, '2026-03-01');
    expect(next.updatedAt).toBe(p.updatedAt);
  });

  it("marks a child's reminder on the child's profile only", () => {
    const childCard = paper('2026-03-10', 'child');
    const current = paperReminders([childCard], TODAY);
    const me = profile('p');
    const child = profile('child');
    const due = unnotified(current, [me, child]);
    expect(due).toHaveLength(1);
    expect(withShown(me, due, current)).toBe(me);
    expect(withShown(child, due, current).remindersShown).toHaveLength(1);
  });
});
