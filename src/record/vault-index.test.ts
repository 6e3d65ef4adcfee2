/**
 * The vault index's format v1. Once shipped it never changes: a stored index must still
 * verify after an update, so the frozen values below (computed apart, from the format as
 * vault-index.ts describes it) must never move.
 */
import { describe, expect, it } from 'vitest';
import type { VaultService } from '../crypto/types.ts';
import { bucketOf, decodeBucket, encodeBucket, sealRoot, sha256 } from './vault-index.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const items = new Map([
  ['profiles/p1', new Uint8Array(32).fill(3)],
  ['entries/AAAA', new Uint8Array(32).fill(1)],
  ['files/é', new Uint8Array(32).fill(2)],
]);

describe('the vault index format v1', () => {
  it('puts an item in the bucket FNV-1a of its key gives', () => {
    expect([...items.keys()].map(bucketOf)).toEqual([43, 48, 12]);
  });

  it('encodes a bucket in key order, whatever order the items came in', async () => {
    const bytes = encodeBucket(items);
    expect(hex(await sha256(bytes))).toBe(
      '6d6cdca9fff0387aa040d8fa5891c9b6743312d0f12ee54ef6724b164efc40ba',
    );
    expect(encodeBucket(new Map([...items].reverse()))).toEqual(bytes);
    expect(decodeBucket(bytes)).toEqual(items);
    expect(decodeBucket(new Uint8Array(0))).toEqual(new Map());
  });

  it('reads a damaged bucket as no bucket', () => {
    const bytes = encodeBucket(items);
    expect(decodeBucket(bytes.subarray(0, bytes.length - 1))).toBeNull();
    expect(decodeBucket(new Uint8Array([0xff, 0xff, 1]))).toBeNull();
    // A key that is not UTF-8.
    expect(decodeBucket(new Uint8Array([0, 1, 0xc3, ...new Uint8Array(32)]))).toBeNull();
  });

  it('MACs the label, the version, the last deletion and the bucket digests', async () => {
    // A stand-in vault whose "MAC" is SHA-256: shows exactly which bytes are MAC'd.
    const vault = { mac: (_context: string, data: Uint8Array) => sha256(data) };
    const root = await sealRoot(
      vault as unknown as VaultService,
      7,
      1_700_000_000_000,
      new Uint8Array(64 * 32).fill(9),
    );
    expect(hex(root.mac)).toBe('91efdc53655b25362c4e4e506ece33a64899f456f2b534ef7cf7de44ce3cbb5f');
    expect(root).toMatchObject({ key: 'root', version: 7, deletedAt: 1_700_000_000_000 });
  });
});
