import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { label } from '../locales.ts';

/** A file handed to the picker: a path on disk, or bytes with a name. */
export type PickedFile = string | { name: string; mimeType: string; buffer: Buffer };

/** The documents list, the import form and the viewer, in the interface language `lng`. */
export class DocumentsPage {
  readonly list: Locator;
  readonly error: Locator;

  constructor(
    private readonly page: Page,
    private readonly lng = 'fr',
  ) {
    this.list = page.getByRole('list', { name: this.l('title') });
    this.error = page.getByRole('alert');
  }

  private l(path: string): string {
    return label(this.lng, 'documents', path);
  }

  /** From the summary, through its "my papers" button. */
  async openFromSummary(): Promise<void> {
    await this.page.getByRole('link', { name: this.l('open') }).click();
    await expect(this.page.getByRole('heading', { name: this.l('title') })).toBeVisible();
  }

  async startAdd(): Promise<void> {
    await this.page.getByRole('link', { name: this.l('add') }).click();
    await expect(this.page.getByRole('heading', { name: this.l('import.title') })).toBeVisible();
  }

  /** Picks files with the "choose photos or a PDF" button's input. */
  async pick(files: PickedFile[]): Promise<void> {
    const input = this.page.getByTestId('doc-file-input');
    await input.setInputFiles(files as Parameters<Locator['setInputFiles']>[0]);
  }

  /** The prepared pages listed on the import form. */
  pages(): Locator {
    return this.page.locator('.doc-page');
  }

  /** Names the document; `type` is the paper type as the list shows it. */
  async describe(title: string, type: string): Promise<void> {
    await this.page.getByLabel(this.l('field.title')).fill(title);
    await this.page.getByLabel(this.l('field.type')).selectOption({ label: type });
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: this.l('import.save') }).click();
  }

  /** Adds a document from files, and waits for its viewer. */
  async add(files: PickedFile[], pageCount: number, title: string, type: string): Promise<void> {
    await this.startAdd();
    await this.pick(files);
    await expect(this.pages()).toHaveCount(pageCount);
    await this.describe(title, type);
    await this.save();
    await expect(this.page.getByRole('heading', { name: title })).toBeVisible({ timeout: 60_000 });
  }

  item(title: string): Locator {
    return this.list.getByRole('listitem').filter({ hasText: title });
  }

  async open(title: string): Promise<void> {
    await this.item(title).getByRole('link').click();
    await expect(this.page.getByRole('heading', { name: title })).toBeVisible();
  }

  async backToList(): Promise<void> {
    await this.page.getByRole('link', { name: label(this.lng, 'common', 'back') }).click();
  }

  /** The photo on screen. */
  image(): Locator {
    return this.page.getByTestId('doc-image');
  }

  /** The bytes of the photo on screen, as decrypted in the page. */
  async shownImageBytes(): Promise<Buffer> {
    const src = await this.image().getAttribute('src');
    const base64 = await this.page.evaluate(async (url) => {
      const bytes = new Uint8Array(await (await fetch(url!)).arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) {
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      }
      return btoa(binary);
    }, src);
    return Buffer.from(base64, 'base64');
  }

  /** Waits until pdf.js has drawn `count` pages with something on them. */
  async expectPdfDrawn(count: number): Promise<void> {
    const canvases = this.page.locator('canvas.doc-pdf-page');
    await expect(canvases).toHaveCount(count);
    await expect
      .poll(
        () =>
          canvases.first().evaluate((c: HTMLCanvasElement) => {
            if (c.width === 0) return false;
            const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
            for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) return true;
            return false;
          }),
        { timeout: 30_000 },
      )
      .toBe(true);
  }
}
