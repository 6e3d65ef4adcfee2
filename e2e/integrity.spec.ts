import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { label } from './locales.ts';
import { IntegrityNotice } from './pages/integrity-page.ts';
import { setUpRecord } from './pages/setup.ts';
import { SummaryPage } from './pages/summary-page.ts';
import { UnlockPage } from './pages/unlock-page.ts';

const PIN = '582947';

/** A sealed row as IndexedDB holds it, carried out of the page as plain numbers. */
interface RawRow {
  id: string;
  updatedAt: number;
  env: number[];
}

/** The attacker's view: the `entries` rows of the app's database, read with raw IndexedDB. */
function readEntries(page: Page): Promise<RawRow[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(localStorage.getItem('carnet.db') ?? 'carnet');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('open failed'));
    });
    const rows = await new Promise<{ id: string; updatedAt: number; env: Uint8Array }[]>(
      (resolve, reject) => {
        const req = db.transaction('entries').objectStore('entries').getAll();
        req.onsuccess = () => resolve(req.result as never);
        req.onerror = () => reject(req.error ?? new Error('read failed'));
      },
    );
    db.close();
    return rows.map((r) => ({ id: r.id, updatedAt: r.updatedAt, env: Array.from(r.env) }));
  });
}

/** Without the PIN: deletes one entry row and puts back an earlier envelope of another. */
function tamper(page: Page, deleteId: string, putBack: RawRow): Promise<void> {
  return page.evaluate(
    async ({ deleteId, putBack }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(localStorage.getItem('carnet.db') ?? 'carnet');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error('open failed'));
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('entries', 'readwrite');
        tx.objectStore('entries').delete(deleteId);
        tx.objectStore('entries').put({ ...putBack, env: new Uint8Array(putBack.env) });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('write failed'));
      });
      db.close();
    },
    { deleteId, putBack },
  );
}

test('an entry deleted and another put back from an earlier state, outside Carnet, are reported at unlock until the patient keeps the record as it is', async ({
  page,
}) => {
  await setUpRecord(page, PIN, 'Samira');
  const summary = new SummaryPage(page);
  for (const note of ['Note un', 'Note deux', 'Note trois']) {
    await summary.addNote(note);
    await expect(page.getByText(note)).toBeVisible();
  }
  const integrity = new IntegrityNotice(page);
  await expect(integrity.notice).toHaveCount(0);

  // The patient edits "Note deux"; the attacker kept its envelope from before.
  const before = await readEntries(page);
  await page.getByText('Note deux').click();
  await page.waitForURL(/\/entry\//);
  const edited = /\/entry\/([^/?#]+)/.exec(page.url())?.[1];
  expect(edited).toBeTruthy();
  await page
    .getByLabel(label('fr', 'entry', 'field.note'), { exact: true })
    .fill('Note deux, corrigée');
  await summary.save();
  await expect(page.getByText('Note deux, corrigée')).toBeVisible();
  const earlier = before.find((row) => row.id === edited)!;
  const victim = before.find((row) => row.id !== edited)!;

  await summary.lock();
  const unlock = new UnlockPage(page);
  await expect(unlock.heading).toBeVisible();
  await tamper(page, victim.id, earlier);

  await unlock.unlock(PIN);
  await expect(integrity.changed(2)).toBeVisible();
  await expect(integrity.restoreLink()).toBeVisible();
  // The record still opens, as it now is: the earlier note is back, one note is gone.
  await expect(page.getByText('Note deux', { exact: true })).toBeVisible();
  await expect(page.getByText('Note deux, corrigée')).toHaveCount(0);

  // The notice holds across a lock: nothing was accepted yet.
  await summary.lock();
  await unlock.unlock(PIN);
  await expect(integrity.changed(2)).toBeVisible();

  await integrity.keepAsItIs();
  await expect(integrity.notice).toHaveCount(0);
  await page.reload();
  await unlock.unlock(PIN);
  await expect(page.getByText('Note deux', { exact: true })).toBeVisible();
  await expect(integrity.notice).toHaveCount(0);
});
