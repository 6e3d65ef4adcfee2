import type { PaperDocument } from './documents.ts';
import { EntrySchema, PaperDocumentSchema, ProfileSchema, ShareRecordSchema } from './schemas.ts';
import { jsonCodec } from './sealed-table.ts';
import type { ShareRecord } from './shares.ts';
import type { Entry, Profile } from './types.ts';

/**
 * Plaintext <-> bytes of each record kind, for sealing: JSON, UTF-8, decoded against the
 * kind's schema (record/schemas.ts). Decoding returns null for bytes that are not a record
 * this version understands, and never throws.
 */

const entries = jsonCodec(EntrySchema);
const profiles = jsonCodec(ProfileSchema);
const documents = jsonCodec(PaperDocumentSchema);
const shares = jsonCodec(ShareRecordSchema);

export function encodeRecord(value: Entry | Profile | PaperDocument | ShareRecord): Uint8Array {
  return entries.encode(value as Entry);
}

export const decodeEntry = (bytes: Uint8Array): Entry | null => entries.decode(bytes);
export const decodeProfile = (bytes: Uint8Array): Profile | null => profiles.decode(bytes);
export const decodeDocument = (bytes: Uint8Array): PaperDocument | null => documents.decode(bytes);
export const decodeShare = (bytes: Uint8Array): ShareRecord | null => shares.decode(bytes);
