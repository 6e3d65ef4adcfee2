import type { TFunction } from 'i18next';
import type { PaperDocument } from '../../record/documents.ts';
import type { DeclarableKind, Entry, EntryKind } from '../../record/types.ts';
import { ENTRY_KINDS } from '../../record/types.ts';
import { formatIsoDate } from '../../i18n/format.ts';
import { entryDetailLine, entryTitle } from '../entries/entry-text.ts';

/** Translations the sheet reads: `share` first, with `entry`, `vocab`, `summary`, `documents`. */
export type PrintT = TFunction<readonly ['share', 'entry', 'vocab', 'summary', 'documents']>;

/** One side of a line: a title and a detail, in one language. */
export interface Side {
  readonly title: string;
  readonly detail?: string | undefined;
  /** Text as the patient wrote it, and its language, when it has no French. */
  readonly written?: { readonly text: string; readonly lng: string } | undefined;
}

/** One line of the sheet: the patient's language facing French. */
interface Line {
  readonly key: string;
  readonly own: Side;
  readonly french: Side;
}

/** A section of the sheet: its heading in both languages and its lines. */
export interface Part {
  readonly key: EntryKind | 'papers';
  readonly own: string;
  readonly french: string;
  readonly lines: readonly Line[];
}

interface Words {
  /** The patient's language and its translations. */
  readonly lng: string;
  readonly t: PrintT;
  /** French. */
  readonly fr: PrintT;
}

/**
 * An entry as two facing sides. The French side holds only what has a French translation
 * (coded names, structured details); text the patient typed stays as written, marked with
 * its language, never passed off as French.
 */
function entryLine(entry: Entry, { lng, t, fr }: Words): Line {
  const typed = !entry.term && entry.text ? entry.text : undefined;
  const typedIn = entry.textLang ?? lng;
  // Text the patient typed in French is French: it stands as the French title.
  const frenchTyped = typed !== undefined && typedIn === 'fr';
  return {
    key: entry.id,
    own: { title: entryTitle(entry, t), detail: entryDetailLine(entry, t, lng) || undefined },
    french: {
      title: entry.term
        ? entryTitle(entry, fr)
        : frenchTyped
          ? typed
          : fr(`entry:kinds.${entry.details.kind}`),
      detail: entryDetailLine(entry, fr, 'fr', { freeText: frenchTyped }) || undefined,
      written: typed && !frenchTyped ? { text: typed, lng: typedIn } : undefined,
    },
  };
}

function declarationLine(kind: DeclarableKind, { t, fr }: Words): Line {
  return {
    key: `none-${kind}`,
    own: { title: t(`summary:declaration.made.${kind}`) },
    french: { title: fr(`summary:declaration.made.${kind}`) },
  };
}

function paperLine(doc: PaperDocument, { lng, t, fr }: Words): Line {
  const date = (l: string) => (doc.date ? formatIsoDate(doc.date, l) : undefined);
  return {
    key: doc.id,
    own: {
      title: doc.title,
      detail: [t(`documents:types.${doc.type}`), date(lng)].filter(Boolean).join(', '),
    },
    french: {
      title: fr(`documents:types.${doc.type}`),
      detail: [date('fr'), (doc.lang ?? lng) === 'fr' ? doc.title : undefined]
        .filter(Boolean)
        .join(', '),
      written: (doc.lang ?? lng) === 'fr' ? undefined : { text: doc.title, lng: doc.lang ?? lng },
    },
  };
}

/** What the patient picked, as the sheet's parts in the summary's order; notes stay off paper. */
export function printParts(
  chosen: {
    readonly entries: readonly Entry[];
    readonly documents: readonly PaperDocument[];
    readonly declaredNone: readonly DeclarableKind[];
  },
  words: Words,
): Part[] {
  const parts: Part[] = ENTRY_KINDS.filter((kind) => kind !== 'note').map((kind) => ({
    key: kind,
    own: words.t(`entry:kinds.${kind}`),
    french: words.fr(`entry:kinds.${kind}`),
    lines: [
      ...chosen.declaredNone.filter((k) => k === kind).map((k) => declarationLine(k, words)),
      ...chosen.entries.filter((e) => e.details.kind === kind).map((e) => entryLine(e, words)),
    ],
  }));
  parts.push({
    key: 'papers',
    own: words.t('print.papers'),
    french: words.fr('print.papers'),
    lines: chosen.documents.map((d) => paperLine(d, words)),
  });
  return parts.filter((p) => p.lines.length > 0);
}
