import type { InferOutput } from 'valibot';
import type { VaultService } from '../crypto/types.ts';
import type { CarnetDb } from '../db/index.ts';
import type { PaperDocument } from './documents.ts';
import type { EmergencyCard } from './emergency-card.ts';
import { EmergencyCardSchema } from './emergency-card.ts';
import {
  BackupPrefsSchema,
  EntrySchema,
  PaperDocumentSchema,
  ProfileSchema,
  ShareRecordSchema,
} from './schemas.ts';
import type { IndexWriter } from './index-writer.ts';
import { indexWriter } from './index-writer.ts';
import type { SealedTable } from './sealed-table.ts';
import { sealedTable } from './sealed-table.ts';
import type { ShareRecord } from './shares.ts';
import type { Entry, Profile } from './types.ts';

/** Every sealed table of the record, each over its own schema. */
export interface RecordTables {
  readonly profiles: SealedTable<Profile>;
  readonly entries: SealedTable<Entry>;
  readonly documents: SealedTable<PaperDocument>;
  readonly shares: SealedTable<ShareRecord>;
  readonly prefs: SealedTable<BackupPrefs>;
  /** The emergency card: its own row (id `emergency`) of the `prefs` table. */
  readonly emergency: SealedTable<EmergencyCard>;
}

/** The patient's backup settings (see BackupPrefsSchema). */
export type BackupPrefs = Readonly<InferOutput<typeof BackupPrefsSchema>>;

/** The record's sealed tables over a vault and the app's database, all through one writer. */
export function recordTables(
  vault: VaultService,
  db: () => Promise<CarnetDb>,
  writer: IndexWriter = indexWriter(vault, db),
): RecordTables {
  return {
    profiles: sealedTable(vault, db, 'profiles', ProfileSchema, writer),
    entries: sealedTable(vault, db, 'entries', EntrySchema, writer),
    documents: sealedTable(vault, db, 'documents', PaperDocumentSchema, writer),
    shares: sealedTable(vault, db, 'shares', ShareRecordSchema, writer),
    prefs: sealedTable(vault, db, 'prefs', BackupPrefsSchema, writer),
    emergency: sealedTable(vault, db, 'prefs', EmergencyCardSchema, writer),
  };
}
