import { ShareError } from '../share/errors.ts';
import type { HealthCard } from '../share/health-card.ts';
import { LIMITS, readBudget, type ReadBudget } from '../share/ips-collect.ts';
import {
  isLoneResource,
  readIps,
  readResources,
  type IpsSection,
  type IpsSummary,
} from '../share/ips-read.ts';
import type { ManifestStatus, OpenedShare } from '../share/open-link.ts';
import type { ReplyTarget } from '../share/ips-build-reply.ts';

/** One health card of a share, with its bundle read like a summary. */
export interface CardContent {
  readonly key: string;
  readonly card: HealthCard;
  readonly summary: IpsSummary;
}

/** What the viewer shows of a share. */
export interface ShareContent {
  /** Every FHIR file read as one summary; null when the share holds only health cards. */
  readonly summary: IpsSummary | null;
  readonly cards: readonly CardContent[];
  /** The manifest's `status`, when it gives one. */
  readonly status?: ManifestStatus;
  /** Files and cards that could not be shown: unreadable, of another type, or past the caps. */
  readonly notShown: number;
  /** Where the doctor may write back (a Carnet share's reply channel), when it offers one. */
  readonly reply?: ReplyTarget;
}

type FileKind = 'fhir' | 'card';

/** FHIR JSON (`application/fhir+json;fhirVersion=4.0.1` included), or a health card file. */
function kindOf(contentType: string): FileKind | null {
  if (/^application\/(fhir\+)?json\b/i.test(contentType)) return 'fhir';
  if (/^application\/smart-health-card\b/i.test(contentType)) return 'card';
  return null;
}

function parse(plaintext: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: false }).decode(plaintext)) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Turns a share's decrypted files into what the viewer shows: every Bundle and every lone
 * resource as one summary (the first Bundle's patient, title and date; the sections of the
 * others merged into its own), and each health card apart, with its issuer. Every file
 * takes from one budget (ips-collect.ts LIMITS). Throws ShareError('unsupported-content')
 * when nothing is readable, or `inactive` when the manifest says the link is withdrawn
 * and holds nothing.
 */
export async function contentFromShare(
  opened: OpenedShare,
  manifestUrl?: string,
): Promise<ShareContent> {
  let reply: ReplyTarget | null = null;
  const budget = readBudget();
  const summaries: IpsSummary[] = [];
  const loose: Record<string, unknown>[] = [];
  const cardJws: string[] = [];
  let notShown = opened.omittedFiles;
  for (const file of opened.files) {
    const kind = kindOf(file.contentType);
    const json = kind ? parse(file.plaintext) : undefined;
    if (kind === 'fhir' && isLoneResource(json)) loose.push(json);
    else if (kind === 'fhir' && json !== undefined) {
      // Loaded here, not with the page: the first load stays as light as before.
      reply ??= manifestUrl
        ? (await import('../share/ips-build-reply.ts')).readReplyTarget(json, manifestUrl)
        : null;
      try {
        summaries.push(readIps(json, budget));
      } catch {
        notShown++; // JSON, but not FHIR
      }
    } else if (kind === 'card') {
      const list = (await import('../share/health-card.ts')).cardsInFile(json);
      if (list.length === 0) notShown++;
      cardJws.push(...list);
    } else notShown++;
  }
  if (loose.length > 0) summaries.push(readResources(loose, budget));
  const cards = await readCards(cardJws, budget);
  notShown += cards.notShown;
  const [first, ...rest] = summaries;
  const summary = first ? rest.reduce(mergeSummaries, first) : null;
  if (!summary && cards.read.length === 0) {
    throw new ShareError(opened.status === 'no-longer-valid' ? 'inactive' : 'unsupported-content');
  }
  return {
    summary,
    cards: cards.read,
    ...(opened.status ? { status: opened.status } : {}),
    notShown,
    ...(reply ? { reply } : {}),
  };
}

/** Decodes the cards (the module loads only when there are some), within the caps. */
async function readCards(
  list: readonly string[],
  budget: ReadBudget,
): Promise<{ read: CardContent[]; notShown: number }> {
  if (list.length === 0) return { read: [], notShown: 0 };
  const { HEALTH_CARD_LIMITS, decodeHealthCard } = await import('../share/health-card.ts');
  const read: CardContent[] = [];
  const taken = list.slice(0, HEALTH_CARD_LIMITS.cards);
  let notShown = list.length - taken.length;
  for (const [i, jws] of taken.entries()) {
    const card = await decodeHealthCard(jws);
    if (card) read.push({ key: `card${i}`, card, summary: readIps(card.bundle, budget) });
    else notShown++;
  }
  return { read, notShown };
}

/** `b` added to `a`: sections of one kind together (each within LIMITS.perSection). */
function mergeSummaries(a: IpsSummary, b: IpsSummary): IpsSummary {
  const sections = [...a.sections];
  for (const section of b.sections) {
    const at = sections.findIndex(
      (s) => s.kind === section.kind && (s.kind !== 'other' || s.title === section.title),
    );
    if (at < 0) sections.push(section);
    else sections[at] = mergeSection(sections[at]!, section);
  }
  const omitted = {
    sections: (a.omitted?.sections ?? 0) + (b.omitted?.sections ?? 0),
    documents: (a.omitted?.documents ?? 0) + (b.omitted?.documents ?? 0),
  };
  return {
    ...a,
    patient: a.patient ?? b.patient,
    sections,
    documents: [...a.documents, ...b.documents],
    ...(omitted.sections + omitted.documents > 0 ? { omitted } : {}),
  };
}

function mergeSection(a: IpsSection, b: IpsSection): IpsSection {
  const items = [...a.items, ...b.items];
  const kept = items.slice(0, LIMITS.perSection);
  const omitted = (a.omitted ?? 0) + (b.omitted ?? 0) + items.length - kept.length;
  const { omitted: _a, ...rest } = a;
  return { ...rest, items: kept, ...(omitted > 0 ? { omitted } : {}) };
}
