import { describe, expect, it } from 'vitest';
import { ageOf, amount, languageName, timeLeft, translationIn } from './format.ts';
import { makeTranslator, viewerLanguage, type ViewerKey } from './i18n.ts';
import fr from '../../public/locales/fr/viewer.json';
import en from '../../public/locales/en/viewer.json';

describe('formatting for the doctor', () => {
  it('computes age in completed years and months', () => {
    const now = new Date(2026, 10, 22);
    expect(ageOf('1990-11-23', now)).toEqual({ years: 35, months: 431 });
    expect(ageOf('1990-11-22', now)).toEqual({ years: 36, months: 432 });
    expect(ageOf('2026-02-10', now)).toEqual({ years: 0, months: 9 });
    expect(ageOf('1990', now)?.years).toBe(36);
    expect(ageOf('2030-01-01', now)).toBeNull();
    expect(ageOf('soon', now)).toBeNull();
  });

  it('says the time left, values with units and language names in the viewer language', () => {
    const now = 1_800_000_000_000;
    expect(timeLeft(now + 25 * 60_000, now, 'fr')).toBe('dans 25 minutes');
    expect(timeLeft(now + 5 * 3_600_000, now, 'fr')).toBe('dans 5 heures');
    expect(timeLeft(now + 3 * 86_400_000, now, 'en')).toBe('in 3 days');
    expect(amount({ value: 7.2, unit: '%' }, 'fr')).toBe('7,2 %');
    expect(amount({ value: 'positif' }, 'fr')).toBe('positif');
    expect(languageName('ar', 'fr')).toBe('arabe');
    expect(languageName('prs', 'fr')).toMatch(/dari/i);
    expect(languageName('not a tag!', 'fr')).toBe('not a tag!');
  });

  it('finds a translation by exact tag or base language', () => {
    const label = { text: 'Asthme', translations: { 'ar-SY': 'ربو' }, freeText: false };
    expect(translationIn(label, 'ar')).toBe('ربو');
    expect(translationIn(label, 'ar-SY')).toBe('ربو');
    expect(translationIn(label, 'ps')).toBeUndefined();
  });
});

describe("the viewer's translator", () => {
  it('picks French, or a browser language Carnet ships', () => {
    expect(viewerLanguage(['en-GB', 'fr'])).toBe('en');
    expect(viewerLanguage(['de-DE', 'ar'])).toBe('ar');
    expect(viewerLanguage(['de-DE', 'ja'])).toBe('fr');
    expect(viewerLanguage(['zh-Hans-CN'])).toBe('zh-Hans');
    expect(viewerLanguage(['zh-CN', 'fr'])).toBe('zh-Hans');
    expect(viewerLanguage(['fa-AF'])).toBe('prs');
    expect(viewerLanguage(['fa-IR'])).toBe('fr');
    expect(viewerLanguage([])).toBe('fr');
  });

  it('interpolates, picks plural forms and falls back to French', () => {
    const t = makeTranslator('fr', fr).t;
    expect(t('pin.wrong', { count: 1 })).toBe('Code incorrect. Il reste 1 essai.');
    expect(t('pin.wrong', { count: 4 })).toBe('Code incorrect. Il reste 4 essais.');
    const english = makeTranslator('en', { ...en, brand: undefined } as never);
    expect(english.t('pin.wrong', { count: 1 })).toBe('Wrong PIN. 1 attempt left.');
    expect(english.t('brand')).toBe('Carnet');
    // A key French does not have either comes back as itself (hence the cast).
    expect(english.t('no.such.key' as ViewerKey)).toBe('no.such.key');
  });
});
