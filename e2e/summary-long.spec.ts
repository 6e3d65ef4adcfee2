import type { Entry } from '../src/record/types.ts';
import { violations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import type { LongBackup } from './long-record.ts';
import { longBackup, longRecord, restoreLongRecord, two } from './long-record.ts';
import { fakeVoice, spoken } from './pages/papers-page.ts';
import { SummarySectionsPage } from './pages/summary-sections-page.ts';

/**
 * A long record on the summary (made and restored as long-record.ts says): sections cut to
 * their most relevant items, with their total in the heading and "show more".
 */

const { profile: awa, entry } = longRecord('long');

/** More severe allergies than the section's first page holds: every one must show at once. */
const SEVERE = Array.from({ length: 12 }, (_, i) =>
  entry(`Allergie grave ${two(i + 1)}`, { kind: 'allergy', severity: 'severe' }),
);
const MILD = Array.from({ length: 6 }, (_, i) =>
  entry(`Allergie légère ${two(i + 1)}`, { kind: 'allergy', severity: 'mild' }),
);
const UNKNOWN = Array.from({ length: 2 }, (_, i) =>
  entry(`Allergie à préciser ${two(i + 1)}`, { kind: 'allergy', severity: 'unknown' }),
);
/** Current medicines, newest first: "01" started last. */
const CURRENT = Array.from({ length: 30 }, (_, i) =>
  entry(`Médicament actuel ${two(i + 1)}`, {
    kind: 'medication',
    current: true,
    since: `20${two(25 - Math.floor(i / 12))}-${two(12 - (i % 12))}`,
  }),
);
const STOPPED = Array.from({ length: 15 }, (_, i) =>
  entry(`Médicament arrêté ${two(i + 1)}`, { kind: 'medication', current: false }),
);
const ENTRIES = [...SEVERE, ...MILD, ...UNKNOWN, ...CURRENT, ...STOPPED];
const ALLERGIES = SEVERE.length + MILD.length + UNKNOWN.length;
const MEDICINES = CURRENT.length + STOPPED.length;

let backup: LongBackup;

test.beforeAll(async () => {
  backup = await longBackup(awa, ENTRIES, `e2e-long-${process.pid}`);
});

const names = (entries: readonly Entry[]) => entries.map((e) => e.text ?? '');

test('a long record shows each section’s most relevant items, its total, and more on request', async ({
  page,
}) => {
  await restoreLongRecord(page, 'fr', backup, awa);
  const summary = new SummarySectionsPage(page, 'fr');

  // Medicines: the ten newest current ones, the total in the heading, 20 more on request.
  await expect(summary.sectionHeading('medication')).toContainText(summary.totalText(MEDICINES));
  await expect(summary.items('medication')).toHaveCount(10);
  await expect(summary.items('medication').locator('.entry-title')).toHaveText(
    names(CURRENT.slice(0, 10)),
  );
  await expect(summary.section('medication')).toContainText(summary.showingText(10, MEDICINES));
  const more = summary.moreButton('medication', 20);
  await expect(more).toHaveText(summary.moreText(20));

  // By keyboard: focus lands on the first item the button revealed.
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(summary.items('medication')).toHaveCount(30);
  await expect(summary.items('medication').nth(10).getByRole('link')).toBeFocused();
  await expect(summary.items('medication').nth(10)).toContainText(names(CURRENT)[10]!);
  await expect(summary.section('medication')).toContainText(summary.showingText(30, MEDICINES));

  // The last page shows what is left; then the section is whole, with no total and no button.
  await summary.moreButton('medication', MEDICINES - 30).click();
  await expect(summary.items('medication')).toHaveCount(MEDICINES);
  await expect(summary.items('medication').nth(30).getByRole('link')).toBeFocused();
  await expect(summary.items('medication').last()).toContainText(/Médicament arrêté/);
  await expect(summary.anyMoreButton('medication')).toHaveCount(0);
  await expect(summary.sectionHeading('medication')).not.toContainText(
    summary.totalText(MEDICINES),
  );

  // An empty section is not cut: it still says that nothing is recorded.
  await expect(summary.items('condition')).toHaveCount(0);
  await expect(summary.section('condition')).toContainText(summary.noneText('condition'));
  expect(await violations(page)).toEqual([]);
});

test('a cut allergy section shows every severe allergy and its total, never "no allergies"', async ({
  page,
}) => {
  await restoreLongRecord(page, 'fr', backup, awa);
  const summary = new SummarySectionsPage(page, 'fr');
  const allergies = summary.section('allergy');

  await expect(summary.sectionHeading('allergy')).toContainText(summary.totalText(ALLERGIES));
  // All twelve severe allergies, though the first page holds ten, and nothing else yet.
  await expect(summary.items('allergy').locator('.entry-title')).toHaveText(
    names(SEVERE).reverse(),
  );
  await expect(allergies).toContainText(summary.allergyRestText());
  for (const none of summary.noAllergyTexts()) await expect(allergies).not.toContainText(none);

  const rest = ALLERGIES - SEVERE.length;
  await summary.moreButton('allergy', rest).click();
  await expect(summary.items('allergy')).toHaveCount(ALLERGIES);
  await expect(summary.items('allergy').nth(SEVERE.length).getByRole('link')).toBeFocused();
  await expect(allergies).not.toContainText(summary.allergyRestText());
});

test('in Arabic, right to left: the cut sections, their totals, "show more" and read-aloud', async ({
  page,
}) => {
  await fakeVoice(page, 'ar');
  await restoreLongRecord(page, 'ar', backup, awa);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const summary = new SummarySectionsPage(page, 'ar');
  const allergies = summary.section('allergy');

  await expect(summary.sectionHeading('allergy')).toContainText(summary.totalText(ALLERGIES));
  await expect(summary.items('allergy')).toHaveCount(SEVERE.length);
  await expect(allergies).toContainText(summary.allergyRestText());
  for (const none of summary.noAllergyTexts()) await expect(allergies).not.toContainText(none);

  // Read aloud: the heading, how many are shown of how many, what is shown, and the note.
  await summary.readAloud('allergy').click();
  const said = (await spoken(page)).at(-1) ?? '';
  expect(said).toContain(summary.heading('allergy'));
  expect(said).toContain(summary.showingText(SEVERE.length, ALLERGIES));
  for (const name of names(SEVERE)) expect(said).toContain(name);
  expect(said).not.toContain(names(MILD)[0]);
  expect(said).toContain(summary.allergyRestText());

  await summary.moreButton('medication', 20).click();
  await expect(summary.items('medication')).toHaveCount(30);
  await expect(summary.items('medication').nth(10).getByRole('link')).toBeFocused();
  expect(await violations(page)).toEqual([]);
});
