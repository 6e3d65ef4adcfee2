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

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: this.l('entry.button') }).click();
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

  async previewAndSend(): Promise<void> {
    await this.page.getByRole('button', { name: this.l('preview.button') }).click();
    await expect(this.page.getByRole('heading', { name: this.l('preview.heading') })).toBeVisible();
    await this.page.getByRole('button', { name: this.l('send.button') }).click();
  }

  get sent(): Locator {
    return this.page.getByRole('heading', { name: this.l('sent.heading') });
  }
}
