import type { EmergencyCard } from '../../record/emergency-card.ts';
import { becomesSevereAllergy } from '../../record/emergency-card.ts';
import type { CarnetStore } from '../../record/store.ts';
import type { Entry } from '../../record/types.ts';

/**
 * What saving an entry did to the emergency card, for the summary to say once:
 * - `added`: it just became a severe allergy and went on the card by itself (record/
 *   emergency-store.ts); a wallet card printed before no longer lists every severe allergy;
 * - `sensitive`: it just became a severe allergy but is marked sensitive, so it waits for the
 *   patient's own tick.
 */
export type CardNews = 'added' | 'sensitive';

/** What `after` (the card once `entry` is saved) says compared with `before`. */
export function cardNews(
  before: EmergencyCard | null,
  after: EmergencyCard | null,
  entry: Entry,
): CardNews | undefined {
  if (!after || after.profileId !== entry.profileId) return undefined;
  if (after.entryIds.includes(entry.id))
    return before?.entryIds.includes(entry.id) ? undefined : 'added';
  return entry.sensitive ? 'sensitive' : undefined;
}

/**
 * Runs `save`, the write of `entry` over `previous`; resolves to what it did to the card.
 * The card is read only when the entry becomes a severe allergy, and a card that cannot be
 * read says nothing: the entry's save is what matters, and its failure is the one that shows.
 */
export async function saveAndSeeCard(
  store: CarnetStore,
  previous: Entry | undefined,
  entry: Entry,
  save: () => Promise<void>,
): Promise<CardNews | undefined> {
  if (!becomesSevereAllergy(previous, entry)) {
    await save();
    return undefined;
  }
  const card = () => store.emergency.card().catch(() => null);
  const before = await card();
  await save();
  return cardNews(before, await card(), entry);
}

/**
 * Runs `keep`, which writes what others sent (a clinician's reply, an import); resolves to
 * its result and whether the card gained an entry meanwhile (a severe allergy among them
 * goes on by itself, record/emergency-store.ts), so the screen can say so. A card that
 * cannot be read says nothing.
 */
export async function keepAndSeeCard<T>(
  store: CarnetStore,
  keep: () => Promise<T>,
): Promise<{ result: T; cardGrew: boolean }> {
  const card = () => store.emergency.card().catch(() => null);
  const before = new Set((await card())?.entryIds ?? []);
  const result = await keep();
  const after = (await card())?.entryIds ?? [];
  return { result, cardGrew: after.some((id) => !before.has(id)) };
}

const STATE_KEY = 'emergencyCard';

/** The navigation state that carries `news` to the summary. */
export function cardNewsState(news: CardNews | undefined): object | undefined {
  return news ? { [STATE_KEY]: news } : undefined;
}

/** The news a navigation state carries, if any. */
export function readCardNews(state: unknown): CardNews | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const news = (state as Record<string, unknown>)[STATE_KEY];
  return news === 'added' || news === 'sensitive' ? news : undefined;
}
