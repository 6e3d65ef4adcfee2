/**
 * The check made after each unlock: is the record what Carnet itself last wrote? Every row and
 * file is compared with the vault index (vault-index.ts); a row deleted, put back from an
 * earlier state, replaced or added by anything other than Carnet is counted and reported to
 * the patient, never silently accepted. The record still opens either way.
 */
import { bytesEqual } from '../crypto/encoding.ts';
import type { VaultService } from '../crypto/types.ts';
import type { CarnetDb, IndexRootRow, IndexSnapshot } from '../db/index.ts';
import { readIndexSnapshot } from '../db/index.ts';
import { recordOp } from './failures.ts';
import type { IndexWriter } from './index-writer.ts';
import type { Items } from './vault-index.ts';
import {
  BUCKET_COUNT,
  byBucket,
  decodeBucket,
  encodeBucket,
  rootDigest,
  rootIsSealed,
  sha256,
  snapshotItems,
} from './vault-index.ts';

/** What the check found. */
type IntegrityReport =
  | { readonly status: 'intact' }
  /** Rows or files that differ from what Carnet last wrote, by kind of difference. */
  | {
      readonly status: 'changed';
      /** In the index, gone from storage: deleted outside Carnet. */
      readonly missing: number;
      /** In storage, not in the index: put in outside Carnet. */
      readonly added: number;
      /** In both, another envelope: an earlier state put back, or replaced. */
      readonly changed: number;
    }
  /** The index itself was removed or altered: nothing can be said of the rest. */
  | { readonly status: 'unverifiable' };

/** The integrity check as the screens see it. Errors are RecordError. */
export interface IntegrityService {
  /**
   * What the check found since the last unlock: the first call after an unlock runs it
   * (reading the whole record once), later ones wait for the same answer.
   */
  report(): Promise<IntegrityReport>;
  /**
   * The patient has read the report and keeps the record as it is now: the index is built
   * again over it, and later checks compare with that.
   */
  accept(): Promise<void>;
}

const INTACT: IntegrityReport = { status: 'intact' };
const UNVERIFIABLE: IntegrityReport = { status: 'unverifiable' };

/** A root that no MAC ever vouched for: the stand-in an unusable index keeps. */
const isStandIn = (root: IndexRootRow) =>
  !(root.digests instanceof Uint8Array) || root.digests.length === 0;

/** What a check found, and the index it verified (every bucket's items) when it could. */
interface Checked {
  readonly report: IntegrityReport;
  readonly verified?: { readonly root: IndexRootRow; readonly buckets: Items[] };
}

/**
 * Compares a snapshot with its index. 'legacy' when the database comes from before the index
 * existed and none was built yet (see the caller). Throws `locked` when the vault is.
 */
async function checkSnapshot(
  vault: VaultService,
  snapshot: IndexSnapshot,
): Promise<Checked | 'legacy'> {
  const { root } = snapshot;
  // Only the mark an upgrade left, next to no root or a stand-in one: a sealed root beside
  // a mark means the mark was put in, and the index still decides.
  if (snapshot.legacy && (!root || isStandIn(root))) return 'legacy';
  if (!root || !(await rootIsSealed(vault, root))) return { report: UNVERIFIABLE };
  const actual = byBucket(await snapshotItems(snapshot));
  const digests = await Promise.all(actual.map((items) => sha256(encodeBucket(items))));
  /** What the root vouches for, bucket by bucket. */
  const vouched: Items[] = [];
  let missing = 0;
  let added = 0;
  let changed = 0;
  for (let b = 0; b < BUCKET_COUNT; b++) {
    const now = actual[b]!;
    if (bytesEqual(digests[b]!, rootDigest(root, b))) {
      vouched.push(now);
      continue;
    }
    // This bucket differs: its stored items (which the root vouches for) say how.
    const bytes = snapshot.buckets.get(b) ?? new Uint8Array(0);
    const expected = decodeBucket(bytes);
    if (!expected || !bytesEqual(await sha256(bytes), rootDigest(root, b))) {
      return { report: UNVERIFIABLE };
    }
    vouched.push(expected);
    for (const [key, digest] of expected) {
      const found = now.get(key);
      if (!found) missing++;
      else if (!bytesEqual(found, digest)) changed++;
    }
    for (const key of now.keys()) if (!expected.has(key)) added++;
  }
  const report: IntegrityReport =
    missing + added + changed === 0 ? INTACT : { status: 'changed', missing, added, changed };
  return { report, verified: { root, buckets: vouched } };
}

/**
 * The integrity service of one store. The check runs once per unlock, when the record's
 * first screen asks for it (after the record is loaded, so it never slows the first
 * render); `forget` drops its answer (at unlock, and after a switch to a restored database).
 */
export function createIntegrity(
  vault: VaultService,
  db: () => Promise<CarnetDb>,
  writer: IndexWriter,
): IntegrityService & { forget(): void } {
  let current: Promise<IntegrityReport> | undefined;

  async function run(): Promise<IntegrityReport> {
    const d = await db();
    const checked = await checkSnapshot(vault, await readIndexSnapshot(d));
    if (checked === 'legacy') {
      // A vault made before the index existed has nothing to be compared with: its index
      // is built now over what is there, trusted as it is (trust on first use). SECURITY:
      // whatever was done to IndexedDB before this unlock goes unnoticed this once; and so
      // does it for one who deletes the index and puts the upgrade's mark back (SECURITY.md).
      await writer.rebuild();
      return INTACT;
    }
    // Later writes build on what the root vouches for, differences included: the app's
    // own writes never hide what was done outside it.
    if (checked.verified) writer.verified(d, checked.verified.root, checked.verified.buckets);
    return checked.report;
  }

  const start = () => {
    const check = run();
    current = check;
    // A failed check (locked meanwhile, storage gone) is not kept: the next report tries again.
    check.catch(() => {
      if (current === check) current = undefined;
    });
    return check;
  };

  return {
    forget: () => {
      current = undefined;
    },
    report: () => recordOp(() => current ?? start()),
    accept: () =>
      recordOp(async () => {
        await writer.rebuild();
        current = Promise.resolve(INTACT);
      }),
  };
}
