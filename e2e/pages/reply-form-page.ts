import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { label } from '../locales.ts';

/** The doctor's reply form in the viewer ("Ajouter au carnet du patient"), in `lng`. */
export class ReplyFormPage {
  constructor(
    private readonly page: Page,
    private readonly lng = 'fr',
  ) {}

  private l(path: string): string {
    return label(this.lng, 'viewer-reply', path);
  }

  /** The item being edited last (each is a group named by its legend). */
  private last(legend: string): Locator {
    return this.page.getByRole('group', { name: legend }).last();
  }

  /** Opens the form: "Add to the patient's record", or its social worker's wording. */
  async open(admin = false): Promise<void> {
    const button = this.l(admin ? 'entry.buttonAdmin' : 'entry.button');
    await this.page.getByRole('button', { name: button }).click();
    await expect(this.page.getByRole('heading', { name: this.l('form.heading') })).toBeVisible();
  }

  async author(name: string, rpps?: string): Promise<void> {
    await this.page.getByLabel(this.l('author.name')).fill(name);
    if (rpps) await this.page.getByLabel(this.l('author.rpps')).fill(rpps);
  }

  private async pick(item: Locator, search: string, term: RegExp): Promise<void> {
    await item.getByRole('textbox').first().fill(search);
    await item.getByRole('button', { name: term }).first().click();
  }

  async prescribe(
    search: string,
    term: RegExp,
    dose: { amount: string; unit: string; times: string; days: string },
  ): Promise<void> {
    await this.page.getByRole('button', { name: `+ ${this.l('add.medication')}` }).click();
    const item = this.last(this.l('medication.legend'));
    await this.pick(item, search, term);
    await item.getByLabel(this.l('medication.amount')).fill(dose.amount);
    await item.getByLabel(this.l('medication.unit')).selectOption(dose.unit);
    await item.getByLabel(this.l('medication.times')).fill(dose.times);
    await item.getByLabel(this.l('medication.days')).fill(dose.days);
  }

  async vaccinate(search: string, term: RegExp, lot: string): Promise<void> {
    await this.page.getByRole('button', { name: `+ ${this.l('add.vaccination')}` }).click();
    const item = this.last(this.l('vaccination.legend'));
    await this.pick(item, search, term);
    await item.getByLabel(this.l('vaccination.lot')).fill(lot);
  }

  async attach(
    file: { name: string; mimeType: string; buffer: Buffer },
    title: string,
  ): Promise<void> {
    await this.page.getByRole('button', { name: `+ ${this.l('add.document')}` }).click();
    const item = this.last(this.l('document.legend'));
    await item.getByLabel(this.l('document.file')).setInputFiles(file);
    await item.getByLabel(this.l('document.title')).fill(title);
  }

  /** An administrative paper or right: `scheme` is its id (AME, residence-permit...). */
  async paper(
    scheme: string,
    fields: { number?: string; issuer?: string; validUntil?: string } = {},
  ): Promise<void> {
    await this.page.getByRole('button', { name: `+ ${this.l('add.paper')}` }).click();
    const item = this.last(this.l('right.paperLegend'));
    await item
      .getByLabel(this.l('right.paper'))
      .selectOption({ label: this.l(`right.schemes.${scheme}`) });
    if (fields.number) await item.getByLabel(this.l('right.number')).fill(fields.number);
    if (fields.issuer) await item.getByLabel(this.l('right.issuer')).fill(fields.issuer);
    if (fields.validUntil) {
      await item.getByLabel(this.l('right.validUntil'), { exact: true }).fill(fields.validUntil);
    }
  }

  /** An appointment: where and why, and its day (YYYY-MM-DD). */
  async appointment(text: string, date: string): Promise<void> {
    await this.page.getByRole('button', { name: `+ ${this.l('add.appointment')}` }).click();
    const item = this.last(this.l('note.appointmentLegend'));
    await item.getByLabel(this.l('note.appointmentText')).fill(text);
    await item.getByLabel(this.l('note.appointmentDate')).fill(date);
  }

  async note(text: string): Promise<void> {
    await this.page.getByRole('button', { name: `+ ${this.l('add.note')}` }).click();
    await this.last(this.l('note.legend')).getByLabel(this.l('note.text')).fill(text);
  }

  async previewAndSend(): Promise<void> {
    await this.page.getByRole('button', { name: this.l('preview.button') }).click();
    await expect(this.page.getByRole('heading', { name: this.l('preview.heading') })).toBeVisible();
    await this.page.getByRole('button', { name: this.l('send.button') }).click();
  }

  get sent(): Locator {
    return this.page.getByRole('heading', { name: this.l('sent.heading') });
  }
}
