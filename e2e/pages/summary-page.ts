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

/** The patient's summary and the entry editor (French labels). */
export class SummaryPage {
  constructor(private readonly page: Page) {}

  section(name: string): Locator {
    return this.page.getByRole('region', { name });
  }

  async lock(): Promise<void> {
    await this.page.getByRole('button', { name: 'Verrouiller' }).click();
  }

  async addAllergyFromList(search: string, option: string | RegExp): Promise<void> {
    await this.page.getByRole('link', { name: 'Ajouter une allergie' }).click();
    await this.page.getByRole('combobox', { name: 'Chercher dans la liste' }).fill(search);
    await this.page.getByRole('option', { name: option }).click();
    await this.page.getByRole('button', { name: 'Enregistrer' }).click();
  }

  /** Fills the medicine form's dose fields, in the interface language `lng`. */
  async fillDose(dose: DoseInput, lng = 'fr'): Promise<void> {
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
  async pickReactions(keys: readonly string[], lng = 'fr'): Promise<void> {
    for (const key of keys) {
      await this.page
        .getByRole('checkbox', { name: label(lng, 'vocab', key), exact: true })
        .check();
    }
  }

  async addNote(text: string): Promise<void> {
    await this.page.getByRole('link', { name: 'Ajouter une note' }).click();
    await this.page.getByLabel('Note', { exact: true }).fill(text);
    await this.page.getByRole('button', { name: 'Enregistrer' }).click();
  }
}
