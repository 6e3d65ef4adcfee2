import { describe, expect, it } from 'vitest';
import { floorVault } from '../crypto/test-helpers.ts';
import { getAllSealed, openCarnetDb, putSealed } from '../db/index.ts';
import { freshDbName } from '../db/test-db.ts';
import { createLocalStore } from './local-store.ts';
import { STORED_PROFILE } from './profile.test-helper.ts';
import { SNAPSHOT_DAYS, SNAPSHOT_ID, recordBasis, snapshotOf } from './summary-snapshot.ts';
import type { Entry, EntryDetails, Profile } from './types.ts';

const PIN = '482915';
const NOW = Date.UTC(2026, 2, 14, 9, 30);
const DAY = 86_400_000;

const self: Profile = { ...STORED_PROFILE };
const child: Profile = {
  ...STORED_PROFILE,
  id: 'p2',
  name: 'Yusuf',
  relation: 'child',
  birthDate: '2024-05-01',
  createdAt: 2,
  updatedAt: 2,
};

let made = 0;
const entry = (details: EntryDetails, profileId = self.id, text = `e${made}`): Entry => {
  made++;
  return {
    id: `e${made}`,
    profileId,
    text,
    details,
    provenance: 'patient',
    sensitive: false,
    createdAt: made,
    updatedAt: made,
  };
};

/** A long record: more of every kind than its first page holds. */
function longRecord() {
  const severe = Array.from({ length: 12 }, () => entry({ kind: 'allergy', severity: 'severe' }));
  const mild = Array.from({ length: 8 }, () => entry({ kind: 'allergy', severity: 'mild' }));
  const current = Array.from({ length: 15 }, (_, i) =>
    entry({ kind: 'medication', current: true, since: `20${10 + i}` }),
  );
  const stopped = Array.from({ length: 25 }, () => entry({ kind: 'medication', current: false }));
  // Papers that ended long ago or end soon are reminded; one far ahead is not yet.
  const papers = Array.from({ length: 9 }, (_, i) =>
    entry({ kind: 'right', scheme: 'AME', validUntil: `201${i}-01-01` }),
  );
  const soon = entry({ kind: 'right', scheme: 'CSS', validUntil: '2026-04-20' });
  // One whose end is known only to the month is reminded from 30 days before its first day.
  const soonMonth = entry({ kind: 'right', scheme: 'residence-receipt', validUntil: '2026-04' });
  // Papers that end years ahead: the five that end last make the first page, the rest wait.
  const far = Array.from({ length: 7 }, (_, i) =>
    entry({ kind: 'right', scheme: 'PUMa', validUntil: `20${30 + i}-01-01` }),
  );
  const notes = Array.from({ length: 40 }, (_, i) =>
    entry({
      kind: 'note',
      date: `20${10 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`,
    }),
  );
  const childShots = Array.from({ length: 8 }, (_, i) =>
    entry({ kind: 'vaccination', date: `2024-0${i + 1}-10` }, child.id),
  );
  const adultShots = Array.from({ length: 8 }, (_, i) =>
    entry({ kind: 'vaccination', date: `2019-0${i + 1}-10` }),
  );
  return {
    severe,
    mild,
    current,
    stopped,
    papers,
    soon,
    soonMonth,
    far,
    notes,
    childShots,
    adultShots,
    all: [
      ...severe,
      ...mild,
      ...current,
      ...stopped,
      ...papers,
      soon,
      soonMonth,
      ...far,
      ...notes,
      ...childShots,
      ...adultShots,
    ],
  };
}

function phone(name = freshDbName('snapshot-test')) {
  const store = createLocalStore(floorVault(), () => openCarnetDb(name));
  return { store, name, db: () => openCarnetDb(name) };
}

async function withRecord() {
  const p = phone();
  await p.store.create(PIN, 'pin');
  await p.store.saveProfile(self);
  await p.store.saveProfile(child);
  const record = longRecord();
  for (const e of record.all) await p.store.saveEntry(e);
  return { ...p, record };
}

const ids = (entries: readonly Entry[]) => entries.map((e) => e.id).sort();

describe('summary snapshot', () => {
  it('holds each section’s first page, every severe allergy, the reminders’ entries and the totals', () => {
    const r = longRecord();
    const snap = snapshotOf({ profiles: [self, child], entries: r.all, unreadable: 0 }, 'b', NOW);
    const held = new Set(snap.entries.map((e) => e.id));
    // Every severe allergy, though the first page holds ten; no mild one.
    for (const e of r.severe) expect(held.has(e.id)).toBe(true);
    for (const e of r.mild) expect(held.has(e.id)).toBe(false);
    // The ten current medicines newest first; no stopped one.
    expect(r.current.filter((e) => held.has(e.id))).toHaveLength(10);
    for (const e of r.current.slice(-10)) expect(held.has(e.id)).toBe(true);
    for (const e of r.stopped) expect(held.has(e.id)).toBe(false);
    // Five notes, the newest; every paper reminded within the snapshot's days of use; of
    // those ending years ahead, the first page only.
    expect(r.notes.filter((e) => held.has(e.id))).toEqual(r.notes.slice(-5));
    for (const e of [...r.papers, r.soon, r.soonMonth]) expect(held.has(e.id)).toBe(true);
    expect(r.far.filter((e) => held.has(e.id))).toEqual(r.far.slice(2));
    // A child's every vaccination (the schedule counts each dose); an adult's first page.
    for (const e of r.childShots) expect(held.has(e.id)).toBe(true);
    expect(r.adultShots.filter((e) => held.has(e.id))).toHaveLength(5);
    expect(snap.totals[self.id]).toEqual({
      allergy: 20,
      medication: 40,
      condition: 0,
      vaccination: 8,
      result: 0,
      right: 18,
      note: 40,
    });
    expect(snap.totals[child.id]?.vaccination).toBe(8);
    expect(snap.madeOn).toBe('2026-03-14');
  });

  it('opens at unlock when the record is as it was made from, with its totals', async () => {
    const { store, record } = await withRecord();
    expect(await store.summary.open(NOW)).toBeNull();
    const whole = await store.summary.load();
    expect(whole.basis).not.toBeNull();
    await store.summary.keep(whole, NOW);
    await store.lock();
    await store.unlock(PIN);
    const view = await store.summary.open(NOW + DAY);
    expect(view?.profiles.map((p) => p.id)).toEqual([self.id, child.id]);
    expect(view?.totals[self.id]?.medication).toBe(40);
    expect(ids(view?.entries ?? [])).toEqual(ids(snapshotOf({ ...whole }, 'x', NOW).entries));
    expect(view?.entries.length).toBeLessThan(record.all.length);
    // Too old a snapshot is not used: its reminders could be missing a paper.
    expect(await store.summary.open(NOW + (SNAPSHOT_DAYS + 1) * DAY)).toBeNull();
  });

  it('is sealed: nothing of it is readable in IndexedDB', async () => {
    const { store, db, record } = await withRecord();
    await store.summary.keep(await store.summary.load(), NOW);
    const rows = await getAllSealed(await db(), 'prefs');
    const row = rows.find((r) => r.id === SNAPSHOT_ID);
    expect(row).toBeDefined();
    const clear = new TextDecoder().decode(row!.env);
    expect(clear).not.toContain(record.severe[0]!.text);
    expect(clear).not.toContain(self.name);
  });

  it('changes its basis with every change of a profile or an entry, and only then', async () => {
    const { store, db } = await withRecord();
    const basis = () => db().then(recordBasis);
    const seen = new Set<string | null>([await basis()]);
    /** `change` gives a basis never seen before. */
    const step = async (change: () => Promise<unknown>) => {
      await change();
      const after = await basis();
      expect(after).not.toBeNull();
      expect(seen.has(after)).toBe(false);
      seen.add(after);
      return after;
    };
    const start = await basis();
    const added = entry({ kind: 'allergy', severity: 'severe' });
    await step(() => store.saveEntry(added));
    await step(() => store.saveEntry({ ...added, text: 'edited' }));
    // The same entry saved again, unchanged: a new seal, a new state to read.
    await step(() => store.saveEntry({ ...added, text: 'edited' }));
    // Deleted, the record is the one it was before: so is its basis (content, not history).
    await store.deleteEntry(added.id);
    expect(await basis()).toBe(start);
    const other = { ...child, id: 'p3', name: 'Sara' };
    await step(() => store.saveProfile(other));
    await step(() => store.saveProfile({ ...other, name: 'Sarah' }));
    await store.deleteProfile(other.id);
    expect(await basis()).toBe(start);
    const withChild = await step(() => store.saveEntry(entry({ kind: 'note' }, child.id)));
    await step(() => store.deleteProfile(child.id));
    expect(withChild).not.toBe(start);

    // Neither the snapshot itself nor the patient's other preferences move it.
    const now = await basis();
    await store.summary.keep(await store.summary.load(), NOW);
    await store.backup.savePrefs({ id: 'backup', lastFileAt: NOW });
    expect(await basis()).toBe(now);
  });

  it('is not used after another tab changed the record, and is kept anew', async () => {
    const { store, name } = await withRecord();
    await store.summary.keep(await store.summary.load(), NOW);
    const other = createLocalStore(floorVault(), () => openCarnetDb(name));
    await other.unlock(PIN);
    const late = entry({ kind: 'allergy', severity: 'severe' }, self.id, 'Arachide');
    await other.saveEntry(late);

    await store.lock();
    await store.unlock(PIN);
    expect(await store.summary.open(NOW)).toBeNull();
    // Read whole again, it is kept anew with the allergy, and used at the next unlock.
    await store.summary.keep(await store.summary.load(), NOW);
    await store.lock();
    await store.unlock(PIN);
    const view = await store.summary.open(NOW);
    expect(view?.entries.map((e) => e.id)).toContain(late.id);
    expect(view?.totals[self.id]?.allergy).toBe(21);
  });

  it('gives no basis when the index cannot vouch for the record', async () => {
    const { store, db } = await withRecord();
    const d = await db();
    // Rows put in outside Carnet's index writer (tests, a tampered store) do not move the
    // index; once Carnet writes over an index that no longer checks out, no basis at all.
    const [row] = await getAllSealed(d, 'entries');
    await putSealed(d, 'entries', [{ ...row!, id: 'outside' }]);
    expect(await recordBasis(d)).not.toBeNull();
    await d.vaultIndex.put({ key: 5, items: new Uint8Array([1, 2, 3]) });
    await store.saveEntry(entry({ kind: 'note' }));
    expect(await recordBasis(d)).toBeNull();
    expect((await store.summary.load()).basis).toBeNull();
  });
});
