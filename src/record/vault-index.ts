/**
 * The vault index, format v1: what the app itself last wrote, so that at unlock a row put
 * back, deleted or added by anything other than Carnet is found and told to the patient.
 *
 *   item     one per sealed row, `<table>/<id>` -> SHA-256 of its envelope; one per file,
 *            `files/<id>` -> SHA-256 of its header envelope then its chunk count (u32 BE)
 *   bucket   64 of them, an item's from its key (FNV-1a, low 6 bits); a bucket is its items
 *            sorted by key, each: key length (u16 BE) · key (UTF-8) · digest (32 bytes)
 *   root     version · deletedAt · every bucket's SHA-256 in order, with a MAC (BLAKE2b
 *            under the vault key's `vault-index` subkey) over
 *            "carnet/vault-index/v1" · version (f64 BE) · deletedAt (f64 BE) · digests
 *
 * A write re-encodes only the buckets it touches, then seals a new root, so saving one entry
 * costs one small bucket and one MAC whatever the record's size. Chunk contents are not
 * hashed: each chunk is authenticated under its file's own key when the file is opened
 * (crypto/filestream.ts), and a file's chunks are never rewritten; the index makes sure none
 * went missing. Once shipped, none of this changes: a new layout is a new version.
 */
import { bytesEqual } from '../crypto/encoding.ts';
import type { Envelope, VaultService } from '../crypto/types.ts';
import type {
  IndexBucketRow,
  IndexRootRow,
  IndexSnapshot,
  IndexWrite,
  IndexedTable,
} from '../db/index.ts';

export const BUCKET_COUNT = 64;
export const DIGEST_BYTES = 32;
const MAC_LABEL = new TextEncoder().encode('carnet/vault-index/v1');
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** An item's digest that matches nothing: a file whose chunks are not 0..n-1. */
const BROKEN: Uint8Array = new Uint8Array(0);

/** Items by key: `<table>/<id>` -> 32-byte digest. */
export type Items = Map<string, Uint8Array>;

/** An item's key: its table, a slash, its row id (table names hold no slash: unambiguous). */
export function itemKey(table: IndexedTable, id: string): string {
  return `${table}/${id}`;
}

/** The bucket of an item (FNV-1a over the key's UTF-16 units, low 6 bits). */
export function bucketOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % BUCKET_COUNT;
}

export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

/**
 * Digests the crypto worker handed back with envelopes it sealed just now
 * (VaultService.sealTexts), by envelope: the write that stores them takes them from here
 * instead of hashing on the main thread. Weak, so a digest goes with its envelope.
 *
 * SECURITY: trusted as the envelopes themselves are, coming from the same worker. A wrong
 * one could not hide anything: the check at unlock (integrity.ts) hashes every stored row
 * again and compares; it would report the row as changed outside Carnet.
 */
const sealedDigests = new WeakMap<Uint8Array, Uint8Array>();

/** Keeps `digests` (32 bytes each, in order) as the digests of `envelopes`. */
export function noteSealedDigests(envelopes: readonly Envelope[], digests: Uint8Array): void {
  if (digests.length !== envelopes.length * DIGEST_BYTES) return;
  envelopes.forEach((env, i) => {
    sealedDigests.set(env, digests.subarray(i * DIGEST_BYTES, (i + 1) * DIGEST_BYTES));
  });
}

/**
 * The SHA-256 of each of `envelopes`, in order: the worker's, from when it sealed them,
 * else computed here.
 */
export async function envelopeDigests(envelopes: readonly Uint8Array[]): Promise<Uint8Array[]> {
  const digests = envelopes.map((env) => sealedDigests.get(env));
  const missing = envelopes.filter((_, i) => !digests[i]);
  if (missing.length === 0) return digests as Uint8Array[];
  const hashed = await Promise.all(missing.map(sha256));
  let next = 0;
  return digests.map((d) => d ?? hashed[next++]!);
}

/** A file's item digest: its header envelope and how many chunks it has. */
export function fileDigest(header: Envelope, chunks: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(header.length + 4);
  bytes.set(header);
  new DataView(bytes.buffer).setUint32(header.length, chunks);
  return sha256(bytes);
}

/** `key` as bytes: ASCII (every id Carnet makes) copied as is, anything else as UTF-8. */
function keyBytes(key: string): Uint8Array {
  const out = new Uint8Array(key.length);
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c > 0x7f) return encoder.encode(key);
    out[i] = c;
  }
  return out;
}

function keyText(bytes: Uint8Array): string {
  if (bytes.length > 256 || bytes.some((b) => b > 0x7f)) return decoder.decode(bytes);
  return String.fromCharCode(...bytes);
}

/** A bucket's items, encoded in key order (the same items always give the same bytes). */
export function encodeBucket(items: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const keys = [...items.keys()].sort();
  const bytes = keys.map(keyBytes);
  const size = bytes.reduce((n, k) => n + 2 + k.length + DIGEST_BYTES, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let at = 0;
  keys.forEach((key, i) => {
    const k = bytes[i]!;
    view.setUint16(at, k.length);
    out.set(k, at + 2);
    out.set(items.get(key)!.subarray(0, DIGEST_BYTES), at + 2 + k.length);
    at += 2 + k.length + DIGEST_BYTES;
  });
  return out;
}

/**
 * Walks a bucket's bytes as encodeBucket lays them out, calling `item` with where each item
 * starts, its key's length and where it ends, in stored order. False when the bytes are not
 * a bucket (an item cut short), true once every item was seen.
 */
export function walkBucket(
  bytes: Uint8Array,
  item: (start: number, keyLength: number, end: number) => void,
): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  while (at < bytes.length) {
    if (at + 2 > bytes.length) return false;
    const length = view.getUint16(at);
    const end = at + 2 + length + DIGEST_BYTES;
    if (end > bytes.length) return false;
    item(at, length, end);
    at = end;
  }
  return true;
}

/** A bucket's items as encoded by encodeBucket; null when the bytes are not one. */
export function decodeBucket(bytes: Uint8Array): Items | null {
  const items: Items = new Map();
  try {
    const whole = walkBucket(bytes, (start, keyLength, end) => {
      const key = start + 2;
      items.set(keyText(bytes.subarray(key, key + keyLength)), bytes.slice(key + keyLength, end));
    });
    return whole ? items : null;
  } catch {
    return null;
  }
}

function rootMacInput(version: number, deletedAt: number, digests: Uint8Array): Uint8Array {
  const out = new Uint8Array(MAC_LABEL.length + 16 + digests.length);
  out.set(MAC_LABEL);
  const view = new DataView(out.buffer);
  view.setFloat64(MAC_LABEL.length, version);
  view.setFloat64(MAC_LABEL.length + 8, deletedAt);
  out.set(digests, MAC_LABEL.length + 16);
  return out;
}

/** A root over `digests` (64 x 32 bytes), sealed with the vault's MAC. Needs it unlocked. */
export async function sealRoot(
  vault: VaultService,
  version: number,
  deletedAt: number,
  digests: Uint8Array,
): Promise<IndexRootRow> {
  const mac = await vault.mac('vault-index', rootMacInput(version, deletedAt, digests));
  return { key: 'root', version, deletedAt, digests, mac };
}

/**
 * Whether `root` is one this vault sealed. False for a root altered, made under another
 * vault key, or never sealed (the stand-in an unusable index keeps, see index-writer.ts).
 * Throws (`locked`) when the vault cannot tell.
 */
export async function rootIsSealed(vault: VaultService, root: IndexRootRow): Promise<boolean> {
  if (
    !(root.digests instanceof Uint8Array) ||
    !(root.mac instanceof Uint8Array) ||
    root.digests.length !== BUCKET_COUNT * DIGEST_BYTES ||
    root.mac.length !== DIGEST_BYTES ||
    !Number.isSafeInteger(root.version) ||
    typeof root.deletedAt !== 'number'
  ) {
    return false;
  }
  const expected = await vault.mac(
    'vault-index',
    rootMacInput(root.version, root.deletedAt, root.digests),
  );
  return bytesEqual(expected, root.mac);
}

/** The digest bucket `b` has in `root`. */
export function rootDigest(root: IndexRootRow, b: number): Uint8Array {
  return root.digests.subarray(b * DIGEST_BYTES, (b + 1) * DIGEST_BYTES);
}

/** Items grouped by bucket: one map per bucket, empty ones included. */
export function byBucket(items: ReadonlyMap<string, Uint8Array>): Items[] {
  const buckets = Array.from({ length: BUCKET_COUNT }, (): Items => new Map());
  for (const [key, digest] of items) buckets[bucketOf(key)]!.set(key, digest);
  return buckets;
}

/** A whole new index over `items`, version `version`, sealed. Needs the vault unlocked. */
export async function buildIndex(
  vault: VaultService,
  items: ReadonlyMap<string, Uint8Array>,
  version: number,
  deletedAt: number,
): Promise<IndexWrite> {
  const encoded = byBucket(items).map(encodeBucket);
  const digests = new Uint8Array(BUCKET_COUNT * DIGEST_BYTES);
  const hashes = await Promise.all(encoded.map(sha256));
  hashes.forEach((h, b) => digests.set(h, b * DIGEST_BYTES));
  const buckets: IndexBucketRow[] = encoded.map((bytes, key) => ({ key, items: bytes }));
  return { root: await sealRoot(vault, version, deletedAt, digests), buckets, whole: true };
}

/**
 * The chunk count the index expects of a file whose stored chunk indexes are `indexes`
 * (ascending): their number when they run 0..n-1 without a gap, else -1 (a chunk deleted or
 * put in from elsewhere).
 */
function chunkCount(indexes: readonly number[] | undefined): number {
  if (!indexes) return 0;
  return indexes.every((index, i) => index === i) ? indexes.length : -1;
}

/** The items of what a snapshot holds: every sealed row and every file with its chunks. */
export async function snapshotItems(snapshot: IndexSnapshot): Promise<Items> {
  const rows = await Promise.all(
    snapshot.rows.map(async (r) => [itemKey(r.table, r.id), await sha256(r.env)] as const),
  );
  const files = await Promise.all(
    snapshot.files.map(async (f) => {
      const count = chunkCount(snapshot.chunks.get(f.id));
      return [itemKey('files', f.id), count < 0 ? BROKEN : await fileDigest(f.env, count)] as const;
    }),
  );
  return new Map([...rows, ...files]);
}
