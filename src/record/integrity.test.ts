/**
 * The vault index against someone who can write to IndexedDB without the PIN: rows put
 * back, deleted or added, a file chunk removed, the index itself altered or removed; and
 * what must never be reported: the app's own writes, two tabs writing at once, a restore.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { randomBytes } from '../crypto/encoding.ts';
import { codeOf as failureCode, floorVault } from '../crypto/test-helpers.ts';
import type { VaultService } from '../crypto/types.ts';
import type { CarnetDb, IndexRootRow } from '../db/index.ts';
import { activeDbName, getIndexRoot, openCarnetDb, putSealed } from '../db/index.ts';
import { fillDiskAfter, freshDb, freshDbName, trackDb } from '../db/test-db.ts';
import { RecordError } from './errors.ts';
import { createLocalStore } from './local-store.ts';
import type { CarnetStore } from './store.ts';
import type { Entry, Profile } from './types.ts';
import { STORED_PROFILE } from './profile.test-helper.ts';

const PIN = '123456';

const profile: Profile = { ...STORED_PROFILE, language: 'prs' };

const allergy = (id: string, severity: 'mild' | 'severe' = 'severe'): Entry => ({
  id,
  profileId: 'p1',
  term: { system: 'atc', code: 'J01C', key: 'allergy.penicillins' },
  details: { kind: 'allergy', severity },
  provenance: 'patient',
  sensitive: false,
  createdAt: 1,
  updatedAt: 2,
});

/** A phone: a store on its own database, and a raw handle on that database for the attacker. */
function phone(vault = floorVault(), name = freshDbName('integrity')) {
  const store = createLocalStore(vault, () => openCarnetDb(name));
  const raw = async () => trackDb(await openCarnetDb(name));
  return { store, raw, name };
}

/** A record with a profile, three entries and a two-page paper. */
async function withRecord() {
  const p = phone();
  const code = await p.store.create(PIN, 'pin');
  await p.store.saveProfile(profile);
  for (const id of ['e1', 'e2', 'e3']) await p.store.saveEntry(allergy(id));
  const doc = await p.store.documents.add({
    profileId: 'p1',
    title: 'Lettre',
    type: 'hospital-letter',
    entryIds: [],
    sensitive: false,
    files: [
      { blob: new Blob([randomBytes(150_000)]), mime: 'image/jpeg' },
      { blob: new Blob([randomBytes(10)]), mime: 'image/jpeg' },
    ],
  });
  return { ...p, code, doc };
}

/** Locks and unlocks with the PIN, as the patient does, then reads the check's answer. */
async function reopen(store: CarnetStore) {
  await store.lock();
  await store.unlock(PIN);
  return store.integrity.report();
}

async function rootOf(raw: () => Promise<CarnetDb>): Promise<IndexRootRow> {
  const root = await getIndexRoot(await raw());
  if (!root) throw new Error('no index root');
  return root;
}

describe('the vault index', () => {
  it('stays quiet about everything the app itself does', async () => {
    const { store, raw, doc } = await withRecord();
    await store.saveEntry(allergy('e1', 'mild'));
    await store.deleteEntry('e2');
    await store.shares.save({
      id: 's1',
      profileId: 'p1',
      audience: 'doctor',
      relayId: 'r',
      managementToken: 't',
      link: 'https://carnet.example/v#shlink:/K',
      exp: 2_000_000_000,
      createdAt: 1,
      counts: { entries: 1, documents: 0, sensitive: 0 },
    });
    await store.backup.savePrefs({ id: 'backup', lastFileAt: 5 });
    await store.documents.update(doc.id, { ...doc, title: 'Autre titre' });
    await store.documents.remove(doc.id);
    expect(await store.integrity.report()).toEqual({ status: 'intact' });
    const before = (await rootOf(raw)).version;
    expect(await reopen(store)).toEqual({ status: 'intact' });
    await store.saveEntry(allergy('e4'));
    expect((await rootOf(raw)).version).toBe(before + 1);
  });

  it('reports an envelope put back from an earlier state', async () => {
    const { store, raw } = await withRecord();
    const old = await (await raw()).entries.get('e1');
    await store.saveEntry(allergy('e1', 'mild'));
    await (await raw()).entries.put(old!);
    expect(await reopen(store)).toEqual({ status: 'changed', missing: 0, added: 0, changed: 1 });
    // The record still opens, with the older entry as it now is.
    expect((await store.load()).entries.find((e) => e.id === 'e1')?.details).toEqual({
      kind: 'allergy',
      severity: 'severe',
    });
  });

  it('reports a row deleted and a row added outside Carnet', async () => {
    const { store, raw } = await withRecord();
    const db = await raw();
    const e3 = await db.entries.get('e3');
    await db.entries.delete('e3');
    // Another record's row, or this one's under another id: either way not Carnet's doing.
    await putSealed(db, 'entries', [{ ...e3!, id: 'intruder' }]);
    expect(await reopen(store)).toEqual({ status: 'changed', missing: 1, added: 1, changed: 0 });
  });

  it('reports a file that lost a chunk, or its header', async () => {
    const { store, raw, doc } = await withRecord();
    const db = await raw();
    await db.fileChunks.delete([doc.files[0]!.fileId, 1]);
    await db.files.delete(doc.files[1]!.fileId);
    expect(await reopen(store)).toEqual({ status: 'changed', missing: 1, added: 0, changed: 1 });
  });

  it('cannot be told what changed once the index itself was altered or removed', async () => {
    const { store, raw } = await withRecord();
    const root = await rootOf(raw);
    const mac = new Uint8Array(root.mac);
    mac[0]! ^= 1;
    await (await raw()).vaultIndex.put({ ...root, mac });
    expect(await reopen(store)).toEqual({ status: 'unverifiable' });
    // A write now does not vouch for the altered index: the next unlock still says so.
    await store.saveEntry(allergy('e4'));
    expect(await reopen(store)).toEqual({ status: 'unverifiable' });

    await (await raw()).vaultIndex.clear();
    expect(await reopen(store)).toEqual({ status: 'unverifiable' });
  });

  it('cannot be fooled by a rolled-back bucket of the index', async () => {
    const { store, raw } = await withRecord();
    const db = await raw();
    const oldBuckets = await db.vaultIndex.toArray();
    const old = await db.entries.get('e1');
    await store.saveEntry(allergy('e1', 'mild'));
    // The attacker puts back the row and every bucket as they were; the root stays newer.
    await db.entries.put(old!);
    await db.vaultIndex.bulkPut(oldBuckets.filter((row) => typeof row.key === 'number'));
    expect(await reopen(store)).toEqual({ status: 'unverifiable' });
  });

  it('keeps reporting until the patient accepts the record as it is', async () => {
    const { store, raw } = await withRecord();
    await (await raw()).entries.delete('e2');
    const changed = { status: 'changed', missing: 1, added: 0, changed: 0 };
    expect(await reopen(store)).toEqual(changed);
    // The app's own later writes do not hide what was done before.
    await store.saveEntry(allergy('e5'));
    await store.deleteEntry('e1');
    expect(await reopen(store)).toEqual(changed);
    await store.integrity.accept();
    expect(await store.integrity.report()).toEqual({ status: 'intact' });
    expect(await reopen(store)).toEqual({ status: 'intact' });
  });

  it('is built over a vault from before it existed, trusted as it is, then guards it', async () => {
    const source = await withRecord();
    const legacy = freshDbName('integrity-legacy');
    await copyIntoVersion4(await source.raw(), legacy);
    const { store, raw } = phone(floorVault(), legacy);
    await store.unlock(PIN);
    expect(await store.integrity.report()).toEqual({ status: 'intact' });
    expect(await (await raw()).vaultIndex.get('legacy')).toBeUndefined();
    expect((await store.load()).entries).toHaveLength(3);

    await (await raw()).entries.delete('e1');
    expect(await reopen(store)).toEqual({ status: 'changed', missing: 1, added: 0, changed: 0 });
  });

  it('writes the rows and the index in one transaction: both, or neither', async () => {
    // The disk fills up at the index's third write: the entry saved with it is not kept.
    const db = await freshDb('integrity-full', (d) => fillDiskAfter(d, 'vaultIndex', 2));
    const store = createLocalStore(floorVault(), () => Promise.resolve(db));
    await store.create(PIN, 'pin');
    await store.saveProfile(profile);
    expect(await failureCode(store.saveEntry(allergy('e1')), RecordError)).toBe('storage-full');
    expect(await db.entries.count()).toBe(0);
    expect(await reopen(store)).toEqual({ status: 'intact' });
  });

  it('never loses a write, nor goes backwards, when two tabs write at once', async () => {
    const { store: a, raw, name } = await withRecord();
    // Tab B, once armed, holds each MAC back until tab A has written: B read the index
    // before A's write, and sealed over it after.
    const gate: { hold?: Promise<void> } = {};
    let release!: () => void;
    let reachedMac!: () => void;
    const atMac = new Promise<void>((resolve) => (reachedMac = resolve));
    let macs = 0;
    const vaultB = floorVault();
    const mac = vaultB.mac.bind(vaultB);
    const slowMac: VaultService['mac'] = async (context, data) => {
      macs++;
      if (gate.hold) {
        reachedMac();
        await gate.hold;
      }
      return mac(context, data);
    };
    const b = phone(Object.assign(vaultB, { mac: slowMac }), name).store;
    await b.unlock(PIN);
    await b.integrity.report();
    const start = (await rootOf(raw)).version;

    gate.hold = new Promise<void>((resolve) => (release = resolve));
    macs = 0;
    const writeB = b.saveEntry(allergy('from-b'));
    await atMac;
    await a.saveEntry(allergy('from-a'));
    release();
    await writeB;

    expect((await rootOf(raw)).version).toBe(start + 2);
    // B sealed a root over the version it first read, lost, read again and sealed again.
    expect(macs).toBeGreaterThanOrEqual(3);
    const ids = (await a.load()).entries.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['from-a', 'from-b']));
    expect(await reopen(a)).toEqual({ status: 'intact' });
  });

  it('gives a restored record its own index, checked from then on', async () => {
    const { store, code } = await withRecord();
    const file = await store.backup.save();
    const other = phone();
    const pending = await other.store.backup.restore(file, code);
    await pending.commit('654321', 'pin');
    expect(await other.store.integrity.report()).toEqual({ status: 'intact' });
    // The restored database is the one the pointer names now.
    const restored = trackDb(await openCarnetDb(activeDbName()));
    expect(restored.name).not.toBe(other.name);
    expect((await getIndexRoot(restored))?.mac).toHaveLength(32);
    await restored.entries.delete('e3');
    await other.store.lock();
    await other.store.unlock('654321');
    expect(await other.store.integrity.report()).toEqual({
      status: 'changed',
      missing: 1,
      added: 0,
      changed: 0,
    });
  });
});

describe('when the record last changed', () => {
  it('counts a deletion, not a change of preferences', async () => {
    const { store } = phone();
    await store.create(PIN, 'pin');
    await store.saveProfile(profile);
    await store.saveEntry(allergy('e1'));
    await store.backup.savePrefs({ id: 'backup', lastFileAt: 10_000 });
    expect(await store.backup.lastChange()).toBe(2);
    await store.deleteEntry('e1');
    const after = await store.backup.lastChange();
    expect(after).toBeGreaterThan(2);
    await store.backup.savePrefs({ id: 'backup' });
    expect(await store.backup.lastChange()).toBe(after);
  });
});

/**
 * Copies a vault's keyring and rows into a new database of schema version 4 (before the
 * index): what a phone that used Carnet before this version holds.
 */
async function copyIntoVersion4(from: CarnetDb, name: string): Promise<void> {
  const old = trackDb(new Dexie(name));
  old.version(1).stores({
    keyring: 'key',
    meta: 'key',
    profiles: 'id, updatedAt',
    entries: 'id, updatedAt',
    shares: 'id, updatedAt',
  });
  old.version(2).stores({ files: 'id, updatedAt', fileChunks: '[fileId+index], fileId' });
  old.version(3).stores({ documents: 'id, updatedAt' });
  old.version(4).stores({ prefs: 'id, updatedAt' });
  await old.open();
  for (const table of ['keyring', 'profiles', 'entries', 'documents', 'files', 'fileChunks']) {
    await old.table(table).bulkPut(await from.table(table).toArray());
  }
  old.close();
}
