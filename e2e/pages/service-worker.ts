import type { CDPSession, Page, Worker } from '@playwright/test';
import { expect } from '@playwright/test';

/** A notification the service worker shows, as the page reads it back. */
export interface ShownNotification {
  title: string;
  body: string;
  lang: string;
  tag: string;
  icon: string;
}

/**
 * The app's service worker as the browser drives it while Carnet is closed: Periodic
 * Background Sync wake-ups dispatched through CDP (`ServiceWorker.dispatchPeriodicSyncEvent`,
 * the event the browser itself would fire), and the notifications it has shown, read through
 * `getNotifications` (the real ones: the context must be granted `notifications`).
 */
export class ServiceWorkerDriver {
  private browserSession: CDPSession | undefined;

  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
    private readonly registrationId: string,
  ) {}

  /** Waits for the page's service worker to be active and finds its registration. */
  static async of(page: Page): Promise<ServiceWorkerDriver> {
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const cdp = await page.context().newCDPSession(page);
    const origin = new URL(page.url()).origin;
    const found = new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const mine = registrations.find((r) => !r.isDeleted && r.scopeURL === `${origin}/`);
        if (mine) resolve(mine.registrationId);
      });
    });
    // Enabling the domain reports every registration there is.
    await cdp.send('ServiceWorker.enable');
    return new ServiceWorkerDriver(page, cdp, await found);
  }

  /**
   * The running worker, with a count of the events whose work (`waitUntil`) has ended, kept
   * in the worker's scope. A worker the browser stopped and started again has lost it: the
   * wait in periodicSync then fails, never passes wrongly.
   */
  private async worker(): Promise<Worker> {
    const context = this.page.context();
    const worker = context.serviceWorkers().at(-1) ?? (await context.waitForEvent('serviceworker'));
    await worker.evaluate(() => {
      const scope = self as unknown as { __ended?: number };
      if (scope.__ended !== undefined) return;
      scope.__ended = 0;
      const original = Object.getOwnPropertyDescriptor(ExtendableEvent.prototype, 'waitUntil')
        ?.value as (this: ExtendableEvent, work: Promise<unknown>) => void;
      ExtendableEvent.prototype.waitUntil = function (work: Promise<unknown>) {
        original.call(this, work);
        void work.finally(() => (scope.__ended = (scope.__ended ?? 0) + 1));
      };
    });
    return worker;
  }

  /**
   * Wakes the worker for periodic sync `tag`, as the browser does while Carnet is closed, and
   * resolves once the worker's work for it has ended (CDP answers as soon as it is sent).
   */
  async periodicSync(tag: string): Promise<void> {
    const worker = await this.worker();
    const ended = () => worker.evaluate(() => (self as unknown as { __ended: number }).__ended);
    const before = await ended();
    await this.cdp.send('ServiceWorker.dispatchPeriodicSyncEvent', {
      origin: new URL(this.page.url()).origin,
      registrationId: this.registrationId,
      tag,
    });
    await expect.poll(ended).toBeGreaterThan(before);
  }

  /** The notifications with `tag` the worker's registration shows now. */
  notifications(tag: string): Promise<ShownNotification[]> {
    return this.page.evaluate(async (t) => {
      const registration = await navigator.serviceWorker.ready;
      return (await registration.getNotifications({ tag: t })).map((n) => ({
        title: n.title,
        body: n.body,
        lang: n.lang,
        tag: n.tag,
        icon: n.icon,
      }));
    }, tag);
  }

  /**
   * The permissions Carnet's origin has from now on, every other one reset: `notifications`
   * and `periodicBackgroundSync` (CDP's names). Chrome grants the latter only to an installed
   * web app its owner uses; Playwright has no name for it, hence CDP directly.
   */
  async permissions(granted: ('notifications' | 'periodicBackgroundSync')[]): Promise<void> {
    const { targetInfo } = await this.cdp.send('Target.getTargetInfo');
    const browser = this.page.context().browser();
    if (!browser) throw new Error('no browser');
    // Kept open: Chromium drops a session's permission overrides when it detaches.
    this.browserSession ??= await browser.newBrowserCDPSession();
    await this.browserSession.send('Browser.grantPermissions', {
      permissions: granted,
      origin: new URL(this.page.url()).origin,
      ...(targetInfo.browserContextId ? { browserContextId: targetInfo.browserContextId } : {}),
    });
  }

  /** The periodic sync tags the app registered. */
  periodicSyncTags(): Promise<string[]> {
    return this.page.evaluate(async () => {
      const registration = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration & {
        periodicSync: { getTags(): Promise<string[]> };
      };
      return registration.periodicSync.getTags();
    });
  }

  /** Closes every notification shown (the patient swiped them away). */
  async clearNotifications(): Promise<void> {
    await this.page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      for (const n of await registration.getNotifications()) n.close();
    });
  }
}
