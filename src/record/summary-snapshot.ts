/**
 * The summary snapshot: the summary's first view, kept as one sealed row (id `summary` in the
 * `prefs` table), so that unlocking a long record draws its summary without reading and
 * opening every entry first. It holds every profile, each section's first page as the summary
 * picks it (every severe allergy included), the entries the summary's reminders need, each
 * section's total, and the `basis`: which state of the record it was made from.
 *
 * The basis is a SHA-256 over the vault index's items for profiles and entries (each row's id
 * and the SHA-256 of its envelope, see vault-index.ts), read from the index alone: no entry is
 * read or opened. Every write of a profile or an entry, by any tab or version that keeps the
 * index, changes its item (a new seal is a new envelope) in the same transaction as the row,
 * so the basis moves with it; a snapshot whose basis is not the record's current one is never
 * used. Rows changed outside Carnet leave the index as it was: the snapshot then shows what
 * Carnet last wrote until the whole record is read, and the check at unlock reports the
 * change (integrity.ts). An index that is missing, a stand-in, or from before the index gives
 * no basis: the whole record is read first, as without a snapshot.
 */
import { concatBytes, toBase64Url } from '../crypto/encoding.ts';
import type { CarnetDb } from '../db/index.ts';
import { readIndex } from '../db/index.ts';
import { recordOp } from './failures.ts';
import {
  addDays,
  calendarDay,
  daysBetween,
  FULL_DATE,
  partialDateSpan,
  REMINDER_THRESHOLDS,
} from './reminders.ts';
import type { SealedTable } from './sealed-table.ts';
import type { LoadedRecord } from './store.ts';
import { buildSummary, shownCount } from './summary.ts';
import type { Entry, EntryKind, IsoDate, Profile } from './types.ts';
import type { SummarySnapshotSchema } from './schemas.ts';
import type { InferOutput } from 'valibot';
import { BUCKET_COUNT, sha256, walkBucket } from './vault-index.ts';

export type SummarySnapshot = Readonly<InferOutput<typeof SummarySnapshotSchema>>;

/** The snapshot's row id in the `prefs` table. */
export const SNAPSHOT_ID = 'summary';

/**
 * Days a snapshot may be used after the day it was made: its reminders are right until then
 * (it holds every paper that ends before that day plus the reminders' 30 days).
 */
export const SNAPSHOT_DAYS = 30;

/** Each section's total, by kind. */
export type SectionTotals = Readonly<Record<EntryKind, number>>;

/** The whole record as read, with the basis it was read at (null: it moved meanwhile). */
interface BasedRecord extends LoadedRecord {
  readonly basis: string | null;
}

/** What the summary's first view needs, from a snapshot that matches the record. */
interface SummaryView {
  readonly profiles: Profile[];
  /** Part of the record: each section's first page and what the reminders need. */
  readonly entries: Entry[];
  /** Each profile's section totals, by profile id. */
  readonly totals: Readonly<Record<string, SectionTotals>>;
  readonly unreadable: number;
}

const ALL_BUCKETS = Array.from({ length: BUCKET_COUNT }, (_, b) => b);
const PREFIXES = ['profiles/', 'entries/'].map((p) => new TextEncoder().encode(p));
/** A child's vaccines are reminded until 18; a few years more, so none is ever missed. */
const CHILD_YEARS = 20;

function startsWith(bytes: Uint8Array, at: number, length: number, prefix: Uint8Array): boolean {
  if (length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

/**
 * The record's basis now: a SHA-256 over the index's profile and entry items, bucket by
 * bucket in their stored order (each item's bytes as stored: key length, key, digest). Null
 * when the index cannot vouch for the record's state (none, a stand-in, from before the
 * index, or a bucket that does not decode).
 */
export async function recordBasis(d: CarnetDb): Promise<string | null> {
  const stored = await readIndex(d, ALL_BUCKETS);
  const { root } = stored;
  if (!root || stored.legacy || !(root.digests instanceof Uint8Array)) return null;
  // A stand-in root: writes no longer update the buckets, so they cannot tell a change.
  if (root.digests.length === 0) return null;
  const parts: Uint8Array[] = [];
  for (const b of ALL_BUCKETS) {
    const bytes = stored.buckets.get(b);
    if (!bytes) continue;
    const whole = walkBucket(bytes, (start, keyLength, end) => {
      if (PREFIXES.some((p) => startsWith(bytes, start + 2, keyLength, p))) {
        parts.push(bytes.subarray(start, end));
      }
    });
    if (!whole) return null;
  }
  return toBase64Url(await sha256(concatBytes(parts)));
}

/**
 * A paper whose reminder may show while the snapshot is used (see reminders.ts): its end, or
 * for an end known only to the month or the year the first day it may fall on, is before
 * `until`.
 */
function remindable(entry: Entry, until: IsoDate): boolean {
  const d = entry.details;
  if (d.kind !== 'right' || !d.validUntil) return false;
  const first = FULL_DATE.test(d.validUntil) ? d.validUntil : partialDateSpan(d.validUntil)?.first;
  return first !== undefined && first <= until;
}

/** A person whose vaccines may be reminded (vaccines/vaccine-reminders.ts): a child. */
function young(profile: Profile, day: IsoDate): boolean {
  const born = /^(\d{4})/.exec(profile.birthDate ?? '')?.[1];
  return born !== undefined && Number(day.slice(0, 4)) - Number(born) <= CHILD_YEARS;
}

/**
 * The snapshot of a whole `record` read at `basis`, made on `now`'s day: for each profile,
 * each section's first page (summary.ts `shownCount`, so every severe allergy) and total;
 * every paper that ends before the snapshot's last day of use plus the reminders' window;
 * every vaccination of a child (the schedule and its reminders count every dose).
 */
export function snapshotOf(record: LoadedRecord, basis: string, now: number): SummarySnapshot {
  const madeOn = calendarDay(now);
  const until = addDays(madeOn, SNAPSHOT_DAYS + REMINDER_THRESHOLDS[0]);
  const kept = new Set<Entry>();
  const totals: Record<string, SectionTotals> = {};
  for (const profile of record.profiles) {
    const counts = {} as Record<EntryKind, number>;
    for (const section of buildSummary(record.entries, profile.id)) {
      counts[section.kind] = section.entries.length;
      const all = section.kind === 'vaccination' && young(profile, madeOn);
      section.entries.forEach((entry, i) => {
        if (all || i < shownCount(section, 1) || remindable(entry, until)) kept.add(entry);
      });
    }
    totals[profile.id] = counts;
  }
  return {
    id: SNAPSHOT_ID,
    format: 1,
    basis,
    madeOn,
    profiles: record.profiles,
    entries: [...kept],
    totals,
    unreadable: record.unreadable,
  };
}

/** Whether a snapshot made on `madeOn` may be used on `now`'s day. */
function inDate(madeOn: IsoDate, now: number): boolean {
  const age = daysBetween(madeOn, calendarDay(now));
  return age >= 0 && age <= SNAPSHOT_DAYS;
}

/** The summary snapshot of one store, as the session uses it. Errors are RecordError. */
export interface SummarySnapshots {
  /**
   * The summary's first view from the stored snapshot, when there is one, it opens, and it
   * was made from the record as it is now (its basis) within SNAPSHOT_DAYS; else null.
   */
  open(now?: number): Promise<SummaryView | null>;
  /** The whole record, as `load`, with the basis it was read at (null if it moved meanwhile). */
  load(): Promise<BasedRecord>;
  /**
   * Keeps a snapshot of `record` (read whole by `load`) unless the stored one already has its
   * basis. Background work: a failure changes nothing but the next unlock's speed.
   */
  keep(record: BasedRecord, now?: number): Promise<void>;
}

/** The summary snapshots of a store over its database, its snapshot row and its `load`. */
export function summarySnapshots(
  db: () => Promise<CarnetDb>,
  table: SealedTable<SummarySnapshot>,
  loadRecord: () => Promise<LoadedRecord>,
): SummarySnapshots {
  /** The basis of the snapshot this store last found or wrote. */
  let known: string | null = null;
  // One write at a time: a refresh that comes quickly after another waits for it.
  let queue: Promise<unknown> = Promise.resolve();

  return {
    open: (now = Date.now()) =>
      recordOp(async (): Promise<SummaryView | null> => {
        const d = await db();
        const [snapshot, basis] = await Promise.all([table.get(SNAPSHOT_ID), recordBasis(d)]);
        if (!snapshot || !basis || snapshot.basis !== basis || !inDate(snapshot.madeOn, now)) {
          return null;
        }
        // Every profile must have its totals: a snapshot that does not is not this record's.
        if (snapshot.profiles.some((p) => !snapshot.totals[p.id])) return null;
        known = basis;
        return {
          profiles: [...snapshot.profiles].sort((a, b) => a.createdAt - b.createdAt),
          entries: [...snapshot.entries],
          totals: snapshot.totals,
          unreadable: snapshot.unreadable,
        };
      }),
    load: () =>
      recordOp(async (): Promise<BasedRecord> => {
        const d = await db();
        const before = await recordBasis(d);
        const record = await loadRecord();
        const after = await recordBasis(d);
        return { ...record, basis: before !== null && before === after ? before : null };
      }),
    keep(record, now = Date.now()) {
      const run = async () => {
        const { basis } = record;
        if (basis === null || basis === known) return;
        const stored = await table.get(SNAPSHOT_ID).catch(() => null);
        if (stored?.basis !== basis || !inDate(stored.madeOn, now)) {
          await table.put([snapshotOf(record, basis, now)]);
        }
        known = basis;
      };
      const next = queue.then(run, run);
      queue = next.catch(() => undefined);
      return recordOp(() => next);
    },
  };
}
