import type { Locator, Page } from '@playwright/test';
import { label } from '../locales.ts';

/** A structured dose as the entry form asks it. */
export interface DoseInput {
  amount?: string;
  /** DOSE_UNITS id: mg, mL, tablet... */
  unit?: string;
  per?: 'day' | 'week' | 'hours';
  times?: string;
  /** A `route.*` vocabulary key. */
  route?: string;
  asNeeded?: boolean;
}

/** The patient's summary and the entry editor, in the interface language `lng`. */
export class SummaryPage {
  constructor(
    private readonly page: Page,
    private readonly lng = 'fr',
  ) {}

  private l(ns: string, path: string): string {
    return label(this.lng, ns, path);
  }

  section(name: string): Locator {
    return this.page.getByRole('region', { name });
  }

  async lock(): Promise<void> {
    await this.page.getByRole('button', { name: this.l('common', 'lock') }).click();
  }

  /** Adds an allergy picked from the list: types `search`, takes the option `option`. */
  async addAllergyFromList(search: string, option: string | RegExp): Promise<void> {
    await this.page.getByRole('link', { name: this.l('entry', 'add.allergy') }).click();
    await this.page.getByRole('combobox', { name: this.l('entry', 'picker.label') }).fill(search);
    await this.page.getByRole('option', { name: option }).click();
    await this.save();
  }

  /** Saves the entry form. */
  async save(): Promise<void> {
    await this.page.getByRole('button', { name: this.l('common', 'save') }).click();
  }

  /** Fills the medicine form's dose fields, in the interface language `lng`. */
  async fillDose(dose: DoseInput, lng = this.lng): Promise<void> {
    const field = (key: string) => this.page.getByLabel(label(lng, 'entry', key), { exact: true });
    if (dose.amount !== undefined) await field('field.amount').fill(dose.amount);
    if (dose.unit) {
      await field('field.unit').selectOption({
        label: label(lng, 'entry', `dosage.unitName.${dose.unit}`),
      });
    }
    if (dose.per) {
      await field('field.per').selectOption({
        label: label(lng, 'entry', `dosage.per.${dose.per}`),
      });
    }
    if (dose.times !== undefined) {
      const key = {
        day: 'field.timesPerDay',
        week: 'field.timesPerWeek',
        hours: 'field.everyHours',
      }[dose.per ?? 'day'];
      await field(key).fill(dose.times);
    }
    if (dose.route) {
      await field('field.route').selectOption({ label: label(lng, 'vocab', dose.route) });
    }
    if (dose.asNeeded) await field('field.asNeeded').check();
  }

  /** Ticks coded reactions on the allergy form, by `reaction.*` key. */
  async pickReactions(keys: readonly string[], lng = this.lng): Promise<void> {
    for (const key of keys) {
      await this.page
        .getByRole('checkbox', { name: label(lng, 'vocab', key), exact: true })
        .check();
    }
  }

  async addNote(text: string): Promise<void> {
    await this.page.getByRole('link', { name: this.l('entry', 'add.note') }).click();
    await this.page.getByLabel(this.l('entry', 'field.note'), { exact: true }).fill(text);
    await this.save();
  }
}
