import type { Locator, Page } from '@playwright/test';

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

  async addNote(text: string): Promise<void> {
    await this.page.getByRole('link', { name: 'Ajouter une note' }).click();
    await this.page.getByLabel('Note', { exact: true }).fill(text);
    await this.page.getByRole('button', { name: 'Enregistrer' }).click();
  }
}
