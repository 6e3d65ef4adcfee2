import type { CDPSession, Locator, Page } from '@playwright/test';
import { label } from '../locales.ts';

/**
 * The phone's own authenticator, played by Chromium's virtual WebAuthn authenticator (CDP):
 * CTAP2 over the internal transport, user-verifying (it answers as if the fingerprint
 * matched), with or without the PRF extension. It lives with the tab, across reloads.
 */
export class VirtualPhone {
  private authenticatorId: string | null = null;

  private constructor(private readonly cdp: CDPSession) {}

  /** Turns on the virtual WebAuthn environment for `page` (no real authenticator answers). */
  static async on(page: Page): Promise<VirtualPhone> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable', { enableUI: false });
    return new VirtualPhone(cdp);
  }

  /** Adds the phone's authenticator; `prf: false` is one without the PRF extension. */
  async add({ prf = true } = {}): Promise<void> {
    const { authenticatorId } = await this.cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        hasPrf: prf,
        automaticPresenceSimulation: true,
      },
    });
    this.authenticatorId = authenticatorId;
  }

  /** Removes it, with its credentials: a reset phone, or another phone holding a copy. */
  async remove(): Promise<void> {
    if (!this.authenticatorId) return;
    await this.cdp.send('WebAuthn.removeVirtualAuthenticator', {
      authenticatorId: this.authenticatorId,
    });
    this.authenticatorId = null;
  }

  /** How many signatures its credentials made: each assertion (each unlock) adds one. */
  async signatures(): Promise<number> {
    if (!this.authenticatorId) return 0;
    const { credentials } = await this.cdp.send('WebAuthn.getCredentials', {
      authenticatorId: this.authenticatorId,
    });
    return credentials.reduce((sum, c) => sum + c.signCount, 0);
  }

  /** How many credentials it holds. */
  async credentialCount(): Promise<number> {
    if (!this.authenticatorId) return 0;
    const { credentials } = await this.cdp.send('WebAuthn.getCredentials', {
      authenticatorId: this.authenticatorId,
    });
    return credentials.length;
  }
}

/** The setup screen that offers, after the PIN, to link the record to this phone. */
export class DeviceOfferPage {
  readonly heading: Locator;
  readonly refused: Locator;
  readonly unsupported: Locator;

  constructor(
    private readonly page: Page,
    private readonly lng = 'fr',
  ) {
    this.heading = page.getByRole('heading', { name: this.l('device.title') });
    this.refused = page.getByText(this.l('device.refused'));
    this.unsupported = page.getByText(this.l('device.unsupported'));
  }

  private l(path: string): string {
    return label(this.lng, 'onboarding', path);
  }

  /** "Link to this phone": the phone is asked, then the record is created. */
  async link(): Promise<void> {
    await this.page.getByRole('button', { name: this.l('device.link') }).click();
  }

  /** "Not now": the record is created with the PIN alone. */
  async skip(): Promise<void> {
    await this.page.getByRole('button', { name: this.l('device.skip') }).click();
  }

  /** After the phone could not link: go on with the PIN alone. */
  async continueWithoutPhone(): Promise<void> {
    await this.page.getByRole('button', { name: label(this.lng, 'common', 'continue') }).click();
  }
}

/** The settings' "link the record to this phone" section. */
export class DeviceSettingPage {
  readonly section: Locator;
  readonly linkedNow: Locator;
  readonly unlinkedNow: Locator;
  readonly on: Locator;
  readonly off: Locator;

  constructor(
    private readonly page: Page,
    private readonly lng = 'fr',
  ) {
    this.section = page.getByRole('region', { name: this.l('device.title') });
    this.linkedNow = page.getByText(this.l('device.linked'));
    this.unlinkedNow = page.getByText(this.l('device.unlinked'));
    this.on = page.getByText(this.l('device.on'));
    this.off = page.getByText(this.l('device.off'));
  }

  private l(path: string): string {
    return label(this.lng, 'settings', path);
  }

  /** From any unlocked screen, through the header's settings link. */
  async open(): Promise<void> {
    await this.page.getByRole('link', { name: label(this.lng, 'common', 'settings') }).click();
  }

  /** Types the current PIN and links (or unlinks, when linked). */
  async submit(pin: string, action: 'link' | 'unlink' = 'link'): Promise<void> {
    await this.section.getByLabel(this.l('device.current.pin')).fill(pin);
    await this.section.getByRole('button', { name: this.l(`device.${action}`) }).click();
  }
}
