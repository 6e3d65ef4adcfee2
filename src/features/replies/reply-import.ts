import type { NewDocument } from '../../record/document-store.ts';
import { newId } from '../../record/ids.ts';
import type { CarnetStore } from '../../record/store.ts';
import { SENSITIVE_SCHEMES, type Entry } from '../../record/types.ts';
import { MAX_SHORT } from '../../record/validate.ts';
import type { Reply, ReplyItem } from '../../share/reply-model.ts';
import { termByKey } from '../../vocab/index.ts';

/**
 * What the patient kept of a reply, written to the record: each accepted item as an entry
 * (provenance `clinician`, with who sent it, as they named themselves) and each accepted
 * attachment as a document. All or nothing: on any failure what this call wrote is
 * removed again, and the reply stays on the relay to try again.
 */

/** Words the import writes into the record, in French (the sender's language). */
export interface ImportWords {
  /** "pendant 7 jours". */
  readonly days: (count: number) => string;
  /** "Lot AB123". */
  readonly lot: (lot: string) => string;
  /** A title for an untitled attachment. */
  readonly untitled: string;
  /** "Rendez-vous le 15 déc. 2026 : <text>", for a note dated in the future. */
  readonly appointment: (date: string, text: string) => string;
}

function entryOf(
  item: Exclude<ReplyItem, { kind: 'document' }>,
  reply: Reply,
  words: ImportWords,
  now: number,
) {
  const coded =
    'term' in item || 'text' in item ? (item as { term?: Entry['term']; text?: string }) : {};
  const base = {
    ...(coded.term ? { term: coded.term } : {}),
    ...(coded.text ? { text: coded.text, textLang: reply.lang } : {}),
    sensitive: coded.term ? termByKey(coded.term.key)?.sensitive === true : false,
  };
  switch (item.kind) {
    case 'medication':
      return {
        ...base,
        ...(item.days ? { textLang: reply.lang } : {}),
        details: {
          kind: 'medication' as const,
          ...(item.dosage ? { dosage: item.dosage } : {}),
          ...(item.days ? { instructions: words.days(item.days) } : {}),
          since: reply.date,
          prescriber: reply.author.name,
          current: true,
        },
      };
    case 'vaccination':
      return {
        ...base,
        ...(item.lot ? { text: words.lot(item.lot) } : {}),
        details: { kind: 'vaccination' as const, date: item.date },
      };
    case 'result':
      return {
        ...base,
        details: {
          kind: 'result' as const,
          value: item.value,
          ...(item.unit ? { unit: item.unit } : {}),
          ...(item.date ? { date: item.date } : {}),
        },
      };
    case 'note': {
      // A note's date is a day gone by; an appointment's is ahead, so it goes in the words.
      const today = new Date(now).toISOString().slice(0, 10);
      const ahead = item.date !== undefined && item.date > today ? item.date : undefined;
      return {
        ...base,
        text: ahead ? words.appointment(ahead, item.text) : item.text,
        textLang: reply.lang,
        details: { kind: 'note' as const, ...(item.date && !ahead ? { date: item.date } : {}) },
      };
    }
    case 'right':
      return {
        ...base,
        ...(item.text ? { text: item.text, textLang: reply.lang } : {}),
        // Asylum papers start hidden from shares, as when the patient adds one.
        sensitive: SENSITIVE_SCHEMES.includes(item.scheme),
        details: {
          kind: 'right' as const,
          scheme: item.scheme,
          ...(item.number ? { number: item.number } : {}),
          ...(item.issuer ? { issuer: item.issuer } : {}),
          ...(item.validFrom ? { validFrom: item.validFrom } : {}),
          ...(item.validUntil ? { validUntil: item.validUntil } : {}),
        },
      };
  }
}

/** Stores the accepted items of `reply` for `profileId`; resolves to how many were written. */
export async function importReply(
  store: CarnetStore,
  reply: Reply,
  accepted: readonly ReplyItem[],
  profileId: string,
  words: ImportWords,
  now = Date.now(),
): Promise<number> {
  const addedBy = {
    name: reply.author.name,
    ...(reply.author.rpps ? { rpps: reply.author.rpps } : {}),
    date: reply.date,
  };
  const saved: string[] = [];
  const docs: string[] = [];
  try {
    for (const item of accepted) {
      if (item.kind === 'document') {
        const doc: NewDocument = {
          profileId,
          title: (item.title || words.untitled).slice(0, MAX_SHORT),
          date: reply.date,
          type: item.type,
          entryIds: [],
          sensitive: false,
          provenance: 'clinician',
          files: [
            {
              blob: new Blob([item.data as Uint8Array<ArrayBuffer>], { type: item.contentType }),
              mime: item.contentType,
            },
          ],
        };
        docs.push((await store.documents.add(doc)).id);
        continue;
      }
      const entry: Entry = {
        ...entryOf(item, reply, words, now),
        id: newId(),
        profileId,
        provenance: 'clinician',
        addedBy,
        createdAt: now,
        updatedAt: now,
      };
      await store.saveEntry(entry);
      saved.push(entry.id);
    }
  } catch (err) {
    for (const id of saved) await store.deleteEntry(id).catch(() => undefined);
    for (const id of docs) await store.documents.remove(id).catch(() => undefined);
    throw err;
  }
  return saved.length + docs.length;
}
