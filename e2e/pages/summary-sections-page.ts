import type { Locator, Page } from '@playwright/test';
import { label, phrase } from '../locales.ts';

/**
 * A string as the app shows it in `lng`: i18next falls back to English, then French, for a
 * key a language does not have yet (new strings wait for their translators).
 */
function shown(lng: string, ns: string, path: string, vars?: Record<string, string | number>) {
  for (const code of [lng, 'en', 'fr']) {
    try {
      return vars ? phrase(code, ns, path, vars) : label(code, ns, path);
    } catch {
      // Not translated into `code` yet: the next fallback, as i18next does.
    }
  }
  throw new Error(`no ${ns}:${path} in ${lng}, en or fr`);
}

/** The language a fallback string comes from, for its plural rules. */
function sourceOf(lng: string, ns: string, path: string): string {
  for (const code of [lng, 'en', 'fr']) {
    try {
      label(code, ns, path);
      return code;
    } catch {
      // As above.
    }
  }
  throw new Error(`no ${ns}:${path} in ${lng}, en or fr`);
}

/**
 * The summary's sections of a long record, in the interface language `lng`: each section's
 * items, the total of a cut section, its "show more" button and the line that says how many
 * are shown.
 */
export class SummarySectionsPage {
  constructor(
    private readonly page: Page,
    private readonly lng = 'fr',
  ) {}

  /** A plural `summary:` string for `count`, with the plural form of the language it is in. */
  private plural(path: string, vars: Record<string, string | number> & { count: number }) {
    const from = sourceOf(this.lng, 'summary', `${path}_other`);
    const form = new Intl.PluralRules(from).select(vars.count);
    return shown(this.lng, 'summary', `${path}_${form}`, vars);
  }

  /** The heading of the section of entries of `kind`, as shown. */
  heading(kind: string): string {
    return shown(this.lng, 'entry', `kinds.${kind}`);
  }

  /** What an empty section of `kind` says. */
  noneText(kind: string): string {
    return shown(this.lng, 'entry', `none.${kind}`);
  }

  /** The section of entries of `kind`. */
  section(kind: string): Locator {
    return this.page.getByRole('region', { name: this.heading(kind) });
  }

  /** The section's items, as drawn. */
  items(kind: string): Locator {
    return this.section(kind).locator('.entry-item');
  }

  /** The section's heading, with its total when the section is cut. */
  sectionHeading(kind: string): Locator {
    return this.section(kind).getByRole('heading', { level: 3 });
  }

  /** "N in total", as a cut section's heading says it. */
  totalText(count: number): string {
    return this.plural('section.total', { count });
  }

  /** "Showing `shown` of `total`". */
  showingText(shownCount: number, total: number): string {
    return this.plural('section.showing', { count: total, shown: shownCount });
  }

  /** The "show `count` more" button of the section of `kind`, by its accessible name. */
  moreButton(kind: string, count: number): Locator {
    return this.section(kind).getByRole('button', {
      name: this.plural('section.moreLabel', { count, name: this.heading(kind) }),
      exact: true,
    });
  }

  /** Any "show more" button of the section, whatever its count. */
  anyMoreButton(kind: string): Locator {
    return this.section(kind).locator('.section-more button');
  }

  /** The visible words of the "show `count` more" button. */
  moreText(count: number): string {
    return this.plural('section.more', { count });
  }

  /** The line under a cut allergy section: the rest are not marked as severe. */
  allergyRestText(): string {
    return shown(this.lng, 'summary', 'section.allergyRest');
  }

  /** What an empty allergy section would say: never shown while allergies exist. */
  noAllergyTexts(): string[] {
    return [
      this.noneText('allergy'),
      shown(this.lng, 'summary', 'declaration.make.allergy'),
      shown(this.lng, 'summary', 'declaration.made.allergy'),
    ];
  }

  /** The section's read-aloud button. */
  readAloud(kind: string): Locator {
    return this.section(kind).getByRole('button', {
      name: shown(this.lng, 'summary', 'readAloud', { name: this.heading(kind) }),
      exact: true,
    });
  }
}
