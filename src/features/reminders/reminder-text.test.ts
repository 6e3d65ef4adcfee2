import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { paperReminders } from '../../record/reminders.ts';
import type { Entry } from '../../record/types.ts';
import type { SummaryT } from './reminder-text.ts';
import { reminderText } from './reminder-text.ts';

const NAMESPACES = ['summary', 'entry', 'vocab'] as const;
const resources = Object.fromEntries(
  ['fr', 'ar'].map((lng) => [
    lng,
    Object.fromEntries(
      NAMESPACES.map((ns) => [
        ns,
        JSON.parse(readFileSync(`public/locales/${lng}/${ns}.json`, 'utf8')) as object,
      ]),
    ),
  ]),
);

async function translator(lng: string): Promise<SummaryT> {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources, ns: [...NAMESPACES], fallbackLng: 'fr' });
  return i18n.getFixedT(lng, [...NAMESPACES]) as unknown as SummaryT;
}

const receipt = (validUntil: string): Entry => ({
  id: 'e1',
  profileId: 'p',
  details: { kind: 'right', scheme: 'residence-receipt', validUntil },
  provenance: 'clinician',
  sensitive: false,
  createdAt: 1,
  updatedAt: 1,
});

const textOn = async (lng: string, validUntil: string, today: string) => {
  const [r] = paperReminders([receipt(validUntil)], today);
  return r && reminderText(r, await translator(lng), [], lng);
};

describe('a paper’s reminder in words', () => {
  it('counts the days to a full end date', async () => {
    expect(await textOn('fr', '2026-04-10', '2026-04-01')).toMatch(/dans 9 jours/);
  });

  it('names the month or the year of an end known only that far, never a count of days', async () => {
    const month = await textOn('fr', '2026-04', '2026-03-20');
    expect(month).toMatch(/en avril 2026/);
    expect(month).not.toMatch(/\d+ jours?/);
    expect(await textOn('fr', '2027', '2027-06-01')).toMatch(/en 2027/);
    expect(await textOn('fr', '2026-04', '2026-05-02')).toMatch(/passée/);
    // In Arabic, the month in Arabic.
    expect(await textOn('ar', '2026-04', '2026-04-15')).toContain(
      new Intl.DateTimeFormat('ar', { month: 'long', timeZone: 'UTC' }).format(
        new Date(Date.UTC(2026, 3, 1)),
      ),
    );
  });
});
