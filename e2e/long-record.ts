// First: the app's own store runs here, in Node, on an in-memory IndexedDB.
import 'fake-indexeddb/auto';
import type { Page } from '@playwright/test';
import { floorVault } from '../src/crypto/test-helpers.ts';
import { openCarnetDb } from '../src/db/index.ts';
import { createLocalStore } from '../src/record/local-store.ts';
import type { Entry, EntryDetails, Profile } from '../src/record/types.ts';
import { expect } from './fixtures.ts';
import { OnboardingPage } from './pages/onboarding-page.ts';
import { RestorePage } from './pages/restore-page.ts';

/**
 * A long record, made in Node by the app's own code and brought to the browser as the
 * patient would: by restoring its backup with the recovery code (typing dozens of entries
 * through the screens would take minutes).
 */

/** When the record was made and backed up. */
const LONG_RECORD_NOW = Date.UTC(2026, 2, 14, 9, 30);
/** The PIN chosen on the phone that restores it. */
export const LONG_RECORD_PIN = '975310';

/** Two digits: 1 is "01". */
export const two = (i: number) => String(i).padStart(2, '0');

/** One person, and a maker of their entries; every id starts with `prefix`. */
export function longRecord(prefix: string) {
  const profile: Profile = {
    id: `${prefix}-self`,
    name: 'Awa Diallo',
    relation: 'self',
    sex: 'female',
    language: 'fr',
    interpreterNeeded: false,
    createdAt: LONG_RECORD_NOW - 100_000,
    updatedAt: LONG_RECORD_NOW - 100_000,
  };
  let made = 0;
  /** An entry in free text; later ones count as changed more recently. */
  const entry = (text: string, details: EntryDetails): Entry => {
    made++;
    return {
      id: `${prefix}-${made}`,
      profileId: profile.id,
      text,
      textLang: 'fr',
      details,
      provenance: 'patient',
      sensitive: false,
      createdAt: LONG_RECORD_NOW - 50_000 + made,
      updatedAt: LONG_RECORD_NOW - 50_000 + made,
    };
  };
  return { profile, entry };
}

/** A backup file's bytes and the recovery code that opens it. */
export interface LongBackup {
  file: Buffer;
  code: string;
}

/** The backup of a record holding `profile` and `entries`, made in the database `dbName`. */
export async function longBackup(
  profile: Profile,
  entries: readonly Entry[],
  dbName: string,
): Promise<LongBackup> {
  const phone = createLocalStore(floorVault(), () => openCarnetDb(dbName));
  const code = await phone.create('246810', 'pin');
  await phone.saveProfile(profile);
  for (const e of entries) await phone.saveEntry(e);
  const file = await phone.backup.save({ now: LONG_RECORD_NOW });
  await phone.lock();
  return { file: Buffer.from(await file.arrayBuffer()), code };
}

/** A fresh phone in `lng` restores `backup` and opens the summary of `profile`. */
export async function restoreLongRecord(
  page: Page,
  lng: string,
  backup: LongBackup,
  profile: Profile,
): Promise<void> {
  const restore = new RestorePage(page, lng);
  await page.goto('/');
  await new OnboardingPage(page, lng).languageButton().click();
  await restore.start();
  await restore.chooseFile({ name: 'carnet-2026-03-14.carnet', buffer: backup.file });
  await expect(page.getByRole('heading', { name: restore.l('summary.title') })).toBeVisible({
    timeout: 60_000,
  });
  await restore.typeCode(backup.code);
  await restore.verify();
  await restore.chooseNewPin(LONG_RECORD_PIN);
  await expect(page.getByRole('heading', { name: profile.name, level: 1 })).toBeVisible({
    timeout: 30_000,
  });
}
