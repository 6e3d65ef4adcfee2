import * as v from 'valibot';
import { concatBytes } from '../../crypto/encoding.ts';
import type { RecoveryWrap } from '../../crypto/types.ts';
import type { SealedTable } from '../../db/index.ts';

/**
 * The backup file, format v1. SECURITY and compatibility: once v1 ships it never changes;
 * a new layout is a new version, and a v1 file (src/record/backup/fixtures) must restore
 * forever. Everything after the header is ciphertext exactly as IndexedDB holds it.
 *
 *   magic "CARNETBK" (8 bytes) · version (1 byte = 1)
 *   header length (u32, big-endian) · header (JSON, UTF-8; see BackupHeaderSchema)
 *   frames: type (1 byte) · payload length (u32, big-endian) · payload
 *     1 ROW    table (1 byte) · id length (1 byte) · id (ASCII) · updatedAt (f64) · envelope
 *     2 FILE   id length (1 byte) · file id · sealed file header
 *     3 CHUNK  id length (1 byte) · file id · chunk index (u32) · sealed chunk
 *     9 INDEX  the index (every frame above, in order: type, id, chunk index, SHA-256 of
 *              its payload) · MAC (32 bytes, keyed from the vault key, over SHA-256(header)
 *              and the index)
 *     0 END    empty: the file is whole
 * A truncated, reordered, spliced or altered file fails the index or the MAC as a whole.
 */

export const MAGIC = new TextEncoder().encode('CARNETBK');
export const FORMAT_VERSION = 1;

export const FRAME = { end: 0, row: 1, file: 2, chunk: 3, index: 9 } as const;
export type FrameType = (typeof FRAME)[keyof typeof FRAME];

/** Table codes of ROW frames. Never renumbered. */
export const TABLE_CODES: Readonly<Record<SealedTable, number>> = {
  profiles: 1,
  entries: 2,
  shares: 3,
  documents: 4,
  prefs: 5,
};
export const TABLE_OF_CODE = new Map(
  Object.entries(TABLE_CODES).map(([table, code]) => [code, table as SealedTable]),
);

/** The largest header, frame payload and index a reader accepts, in bytes. */
export const MAX_HEADER_BYTES = 64 * 1024;
export const MAX_FRAME_BYTES = 1024 * 1024;
export const MAX_INDEX_BYTES = 16 * 1024 * 1024;

const count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** The header, in clear: what the restore screen shows before the code is typed. */
export const BackupHeaderSchema = v.object({
  format: v.literal('carnet-backup'),
  v: v.literal(FORMAT_VERSION),
  /** When the backup was made, epoch ms. */
  createdAt: v.number(),
  counts: v.object({
    profiles: count,
    entries: count,
    documents: count,
    shares: count,
    files: count,
    chunks: count,
  }),
  /** Bytes of ciphertext in the frames. */
  bytes: count,
  /** The vault key wrapped under the recovery key. Never the PIN's wrap. */
  recoveryWrap: v.pipe(
    v.object({ v: v.literal(1), nonce: v.string(), wrapped: v.string() }),
    // Checked for shape here; the vault checks the rest when it opens it.
    v.transform((wrap) => wrap as RecoveryWrap),
  ),
  /** Non-secret device settings worth keeping. */
  settings: v.object({ lockAfterIdleMs: v.optional(v.number()) }),
});
export type BackupHeader = v.InferOutput<typeof BackupHeaderSchema>;

/** A frame's type and payload, as read. */
export interface Frame {
  readonly type: number;
  readonly payload: Uint8Array;
}

/** `[id length][id]` for ids of at most 255 ASCII characters (ids are base64url). */
export function idBytes(id: string): Uint8Array {
  const bytes = new TextEncoder().encode(id);
  if (bytes.length === 0 || bytes.length > 255 || bytes.length !== id.length) {
    throw new RangeError('id');
  }
  const out = new Uint8Array(1 + bytes.length);
  out[0] = bytes.length;
  out.set(bytes, 1);
  return out;
}

/** Reads `[id length][id]` at `at`; the id and where the rest starts. */
export function readId(payload: Uint8Array, at: number): { id: string; next: number } | null {
  const length = payload[at];
  if (length === undefined || length === 0 || at + 1 + length > payload.length) return null;
  const id = new TextDecoder().decode(payload.subarray(at + 1, at + 1 + length));
  return /^[A-Za-z0-9_-]+$/.test(id) ? { id, next: at + 1 + length } : null;
}

/** One line of the index: which frame, and the SHA-256 of its payload. */
export interface IndexLine {
  readonly type: FrameType;
  readonly id: string;
  /** The chunk's index for CHUNK frames, 0 otherwise. */
  readonly chunk: number;
  readonly digest: Uint8Array;
}

/** The index's bytes: its lines in order. */
export function encodeIndex(lines: readonly IndexLine[]): Uint8Array {
  const parts = lines.map((line) => {
    const id = idBytes(line.id);
    const out = new Uint8Array(1 + id.length + 4 + 32);
    out[0] = line.type;
    out.set(id, 1);
    new DataView(out.buffer).setUint32(1 + id.length, line.chunk);
    out.set(line.digest, 1 + id.length + 4);
    return out;
  });
  const total = parts.reduce((n, p) => n + p.length, 0);
  if (total > MAX_INDEX_BYTES) throw new RangeError('index');
  return concatBytes(parts);
}

/** What the MAC covers: SHA-256 of the header's bytes, then the index. */
export function macInput(headerDigest: Uint8Array, index: Uint8Array): Uint8Array {
  return concatBytes([headerDigest, index]);
}

/** SHA-256 of `bytes` (WebCrypto). */
export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

/** The file's name: `carnet-YYYY-MM-DD.carnet`, the date in the phone's time zone. */
export function backupFileName(createdAt: number): string {
  const d = new Date(createdAt);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `carnet-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.carnet`;
}
