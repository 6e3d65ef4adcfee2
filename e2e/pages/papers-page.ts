import { existsSync, readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';

type Json = { [key: string]: string | Json };

/** The string at `path` in public/locales/<lng>/<ns>.json, if that language has it yet. */
function find(lng: string, ns: string, path: string): string | undefined {
  const file = `public/locales/${lng}/${ns}.json`;
  if (!existsSync(file)) return undefined;
  let node: string | Json | undefined = JSON.parse(readFileSync(file, 'utf8')) as Json;
  if (ns === 'vocab') return typeof node[path] === 'string' ? node[path] : undefined;
  for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/**
 * What the app shows for a key in `lng`: the language's own string, else English, as
 * i18next falls back while a translation is still missing. For a plural, `count` picks the
 * form by the rules of the language the string comes from.
 */
export function shown(
  lng: string,
  ns: string,
  key: string,
  vars: Readonly<Record<string, string | number>> = {},
): string {
  const count = vars.count;
  for (const from of [lng, 'en']) {
    const path =
      typeof count === 'number' ? `${key}_${new Intl.PluralRules(from).select(count)}` : key;
    const template =
      find(from, ns, path) ?? (count === undefined ? undefined : find(from, ns, `${key}_other`));
    if (template !== undefined) {
      return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
        name in vars ? String(vars[name]) : whole,
      );
    }
  }
  throw new Error(`no ${lng} or en ${ns}:${key}`);
}

/** A paper or right as the form asks it; `scheme` is its RIGHT_SCHEMES id. */
export interface PaperInput {
  scheme: string;
  number?: string;
  issuer?: string;
  validFrom?: string;
  validUntil?: string;
}

/**
 * The summary's two parts (health, administrative papers), the paper form and the
 * reminders, in the interface language `lng`.
 */
export class PapersPage {
  readonly health: Locator;
  readonly admin: Locator;
  readonly reminders: Locator;

  constructor(
    private readonly page: Page,
    private readonly lng = 'fr',
  ) {
    this.health = page.getByRole('region', {
      name: this.t('summary', 'groups.health'),
      exact: true,
    });
    this.admin = page.getByRole('region', { name: this.t('summary', 'groups.admin'), exact: true });
    this.reminders = page.getByRole('region', {
      name: this.t('summary', 'reminders.title'),
      exact: true,
    });
  }

  t(ns: string, key: string, vars: Readonly<Record<string, string | number>> = {}): string {
    return shown(this.lng, ns, key, vars);
  }

  /** Adds a paper from the administrative part of the summary. */
  async addPaper(paper: PaperInput): Promise<void> {
    await this.admin.getByRole('link', { name: this.t('entry', 'add.right') }).click();
    const field = (key: string) => this.page.getByLabel(this.t('entry', key), { exact: true });
    await field('field.scheme').selectOption({ label: this.t('entry', `scheme.${paper.scheme}`) });
    if (paper.number) await field('field.number').fill(paper.number);
    if (paper.issuer) await field('field.issuer').fill(paper.issuer);
    if (paper.validFrom) await field('field.validFrom').fill(paper.validFrom);
    if (paper.validUntil) await field('field.validUntil').fill(paper.validUntil);
    await this.page.getByRole('button', { name: this.t('common', 'save') }).click();
  }

  /** The reminder line saying a paper named `name` ends in `days` days. */
  paperReminder(name: string, days: number): Locator {
    return this.reminders.getByRole('link', {
      name: this.t('summary', 'reminders.paper.endsIn', { name, count: days }),
    });
  }
}

/**
 * Gives the page one local voice for `lng` and records what it reads, so the read-aloud
 * buttons show in a headless browser (which has no voices).
 */
export async function fakeVoice(page: Page, lng: string): Promise<void> {
  await page.addInitScript((voiceLang: string) => {
    const spoken: string[] = [];
    const voices = [{ lang: voiceLang, localService: true, name: voiceLang, voiceURI: voiceLang }];
    Object.assign(window, { __spoken: spoken });
    Object.defineProperty(window, 'speechSynthesis', {
      configurable: true,
      value: {
        getVoices: () => voices,
        speak: (u: { text: string }) => spoken.push(u.text),
        cancel: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      },
    });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', {
      configurable: true,
      value: class {
        voice: unknown;
        lang = '';
        rate = 1;
        constructor(readonly text: string) {}
      },
    });
  }, lng);
}

/** What the fake voice read, oldest first. */
export function spoken(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken);
}
