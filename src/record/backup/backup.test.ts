import { describe, expect, it } from 'vitest';
import { randomBytes } from '../../crypto/encoding.ts';
import { codeOf as failureCode, floorVault } from '../../crypto/test-helpers.ts';
import { openCarnetDb, putFileChunks } from '../../db/index.ts';
import { freshDbName } from '../../db/test-db.ts';
import { RecordError } from '../errors.ts';
import { createLocalStore } from '../local-store.ts';
import type { CarnetStore } from '../store.ts';
import type { Entry, Profile } from '../types.ts';

const codeOf = (run: Promise<unknown>) => failureCode(run, RecordError);

const profile: Profile = {
  id: 'p1',
  name: 'آمنه',
  relation: 'self',
  sex: 'female',
  language: 'prs',
  interpreterNeeded: true,
  createdAt: 1,
  updatedAt: 1,
};
const child: Profile = { ...profile, id: 'p2', name: 'Yusuf', relation: 'child' };
const allergy: Entry = {
  id: 'e1',
  profileId: 'p1',
  term: { system: 'atc', code: 'J01C', key: 'allergy.penicillins' },
  details: { kind: 'allergy', severity: 'severe' },
  provenance: 'patient',
  sensitive: false,
  createdAt: 1,
  updatedAt: 2,
};

/** A store on its own fresh database, as on a phone of its own. */
function phone(): CarnetStore {
  const name = freshDbName('backup-phone');
  return createLocalStore(floorVault(), () => openCarnetDb(name));
}

/** Phone A with a record: two profiles, an entry, a 300 KB paper; and its backup file. */
async function phoneWithBackup() {
  const a = phone();
  const code = await a.create('123456', 'pin');
  await a.saveProfile(profile);
  await a.saveProfile(child);
  await a.saveEntry(allergy);
  const page = randomBytes(300_000);
  const doc = await a.documents.add({
    profileId: 'p1',
    title: 'Lettre',
    type: 'hospital-letter',
    entryIds: [],
    sensitive: false,
    files: [{ blob: new Blob([page]), mime: 'application/pdf' }],
  });
  const file = await a.backup.save({ now: Date.UTC(2026, 11, 3) });
  return { a, code, page, doc, file };
}

async function bytes(blob: Blob): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await blob.arrayBuffer());
}

describe('backup file', () => {
  it('restores on another phone with the recovery code alone, then a new PIN', async () => {
    const { code, page, doc, file } = await phoneWithBackup();
    expect(file.name).toBe('carnet-2026-12-03.carnet');
    const b = phone();
    const header = await b.backup.inspect(file);
    expect(header.counts).toMatchObject({ profiles: 2, entries: 1, documents: 1, files: 1 });
    const pending = await b.backup.restore(file, code);
    expect(await b.presence()).toEqual({ exists: false });
    await pending.commit('654321', 'pin');
    const loaded = await b.load();
    expect(loaded.profiles.map((p) => p.name)).toEqual(['آمنه', 'Yusuf']);
    expect(loaded.entries).toEqual([allergy]);
    const [restored] = (await b.documents.list()).documents;
    expect(restored?.id).toBe(doc.id);
    expect(await bytes(await b.documents.readFile(restored!.files[0]!))).toEqual(page);
    // The new PIN opens it; the backup never held the old PIN's wrap.
    await b.lock();
    expect(await codeOf(b.unlock('123456'))).toBe('wrong-secret');
    await b.unlock('654321');
    expect(await b.presence()).toEqual({ exists: true, kind: 'pin' });
  });

  it('never carries the PIN’s wrap, nor anything readable', async () => {
    const { file } = await phoneWithBackup();
    const text = new TextDecoder('latin1').decode(await bytes(file));
    for (const clear of ['آمنه', 'Yusuf', 'penicillin', 'Lettre', 'argon2id', '"password"']) {
      expect(text).not.toContain(clear);
    }
  });

  it('refuses a wrong code, another record’s parts, a cut, a flipped byte, a new version', async () => {
    const { code, file } = await phoneWithBackup();
    const other = await phoneWithBackup();
    const whole = await bytes(file);
    const b = phone();
    const attempt = (blob: Blob, c = code) => codeOf(b.backup.restore(blob, c));
    expect(await attempt(file, other.code)).toBe('backup-wrong-code');
    expect(await attempt(new Blob([whole.subarray(0, whole.length - 40)]))).toBe(
      'backup-truncated',
    );
    expect(await attempt(new Blob([randomBytes(2000)]))).toBe('backup-not-carnet');
    const newer = whole.slice();
    newer[8] = 2;
    expect(await attempt(new Blob([newer]))).toBe('backup-version');
    // This vault's header and wrap, another record's rows, index and MAC.
    const theirs = await bytes(other.file);
    const lead = 8 + 1 + 4;
    const headerLength = new DataView(whole.buffer).getUint32(9);
    const otherHeaderLength = new DataView(theirs.buffer).getUint32(9);
    const spliced = new Blob([
      whole.subarray(0, lead + headerLength),
      theirs.subarray(lead + otherHeaderLength),
    ]);
    expect(await attempt(spliced)).toBe('backup-foreign');
    // One flipped byte anywhere in the body: refused, whichever check sees it first.
    for (const at of [lead + headerLength + 3, Math.floor(whole.length / 2), whole.length - 10]) {
      const flipped = whole.slice();
      flipped[at]! ^= 0x20;
      expect(await attempt(new Blob([flipped]))).toMatch(/^backup-(damaged|foreign)$/);
    }
    // Nothing of any refused backup reached this phone.
    expect(await b.presence()).toEqual({ exists: false });
  });

  it('stops when cancelled, leaving the phone as it was', async () => {
    const { code, file } = await phoneWithBackup();
    const b = phone();
    await b.create('111111', 'pin');
    await b.saveProfile(child);
    const stop = new AbortController();
    stop.abort();
    expect(await codeOf(b.backup.restore(file, code, { signal: stop.signal }))).toBe('cancelled');
    await b.unlock('111111');
    expect((await b.load()).profiles.map((p) => p.name)).toEqual(['Yusuf']);
  });
});

describe('writing a backup', () => {
  /** A phone with two papers of several chunks each, and its database's name. */
  async function phoneWithPapers() {
    const name = freshDbName('backup-papers');
    const a = createLocalStore(floorVault(), () => openCarnetDb(name));
    const code = await a.create('123456', 'pin');
    await a.saveProfile(profile);
    const pages = [randomBytes(140_000), randomBytes(70_000)];
    for (const [i, page] of pages.entries()) {
      await a.documents.add({
        profileId: 'p1',
        title: `Page ${i}`,
        type: 'lab-result',
        entryIds: [],
        sensitive: false,
        files: [{ blob: new Blob([page]), mime: 'application/pdf' }],
      });
    }
    return { a, code, name, pages };
  }

  async function restoredPages(file: Blob, code: string): Promise<Uint8Array[]> {
    const b = phone();
    const pending = await b.backup.restore(file, code);
    await pending.commit('654321', 'pin');
    const { documents } = await b.documents.list();
    const byTitle = [...documents].sort((x, y) => x.title.localeCompare(y.title));
    return Promise.all(byTitle.map(async (d) => bytes(await b.documents.readFile(d.files[0]!))));
  }

  it('reports progress up to the whole, in order, and restores every paper', async () => {
    const { a, code, pages } = await phoneWithPapers();
    const seen: [number, number][] = [];
    const file = await a.backup.save({ onProgress: (done, total) => seen.push([done, total]) });
    expect(seen.length).toBeGreaterThan(1);
    const total = seen[0]![1];
    expect(seen.every(([, t]) => t === total)).toBe(true);
    expect(seen.map(([d]) => d)).toEqual([...seen.map(([d]) => d)].sort((x, y) => x - y));
    expect(seen.at(-1)).toEqual([total, total]);
    expect(await restoredPages(file, code)).toEqual(pages);
  });

  it('stops when cancelled while the papers are being read', async () => {
    const { a, code, pages } = await phoneWithPapers();
    const stop = new AbortController();
    const cancelled = a.backup.save({
      signal: stop.signal,
      // The rows come first, then the papers' chunks: past half, the papers are under way.
      onProgress: (done, total) => {
        if (done > total / 2) stop.abort();
      },
    });
    expect(await codeOf(cancelled)).toBe('cancelled');
    // Nothing was left half-way: the next backup is whole.
    expect(await restoredPages(await a.backup.save(), code)).toEqual(pages);
  });

  it('leaves out the chunks of an import cut short, and still restores', async () => {
    const { a, code, name, pages } = await phoneWithPapers();
    const db = await openCarnetDb(name);
    // Chunks with no file header, sorting before and after every file's.
    for (const id of ['-cut-short', 'zzzz-cut-short']) {
      await putFileChunks(db, id, [{ index: 0, data: randomBytes(1000) }]);
    }
    const file = await a.backup.save();
    const header = await phone().backup.inspect(file);
    expect(header.counts).toMatchObject({ files: 2 });
    expect(await restoredPages(file, code)).toEqual(pages);
  });
});

describe('backup settings and the relay copy’s access', () => {
  it('keep the relay access sealed, and derive it only from this vault’s own code', async () => {
    const { a, code } = await phoneWithBackup();
    expect(await a.backup.prefs()).toEqual({ id: 'backup' });
    const access = await a.backup.relayAccess(code, { mine: true });
    const other = await phoneWithBackup();
    expect(await codeOf(a.backup.relayAccess(other.code, { mine: true }))).toBe('wrong-secret');
    // A new phone with no vault finds the same copy from the printed code alone.
    expect(await phone().backup.relayAccess(code)).toEqual(access);
    await a.backup.savePrefs({ id: 'backup', relay: { ...access, since: 5 }, lastRelayAt: 6 });
    expect(await a.backup.prefs()).toEqual({
      id: 'backup',
      relay: { ...access, since: 5 },
      lastRelayAt: 6,
    });
  });

  it('know when the record last changed, not counting its own settings', async () => {
    const { a } = await phoneWithBackup();
    const before = await a.backup.lastChange();
    expect(before).toBeGreaterThan(0);
    await a.backup.savePrefs({ id: 'backup', lastFileAt: before + 10_000 });
    expect(await a.backup.lastChange()).toBe(before);
    await a.saveEntry({ ...allergy, id: 'e2', updatedAt: before + 20_000 });
    expect(await a.backup.lastChange()).toBe(before + 20_000);
  });
});

describe('a new recovery code', () => {
  it('opens the vault and finds the relay copy; the old one no longer opens it', async () => {
    const { a, code } = await phoneWithBackup();
    const fresh = await a.renewRecovery();
    expect(fresh).not.toBe(code);
    expect(await a.backup.relayAccess(fresh, { mine: true })).not.toEqual(
      await phone().backup.relayAccess(code),
    );
    await a.lock();
    expect(await codeOf(a.unlockWithRecovery(code))).toBe('wrong-secret');
    await a.unlockWithRecovery(fresh);
    expect(await a.isUnlocked()).toBe(true);
  });
});
