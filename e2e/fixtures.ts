import { test as base, expect } from '@playwright/test';
import type { BrowserContext, Request } from '@playwright/test';

/** Every request a browser context made: URL, headers and body, for leak checks. */
export class RequestLog {
  readonly requests: { url: string; headers: Record<string, string>; body: string }[] = [];

  constructor(context: BrowserContext) {
    context.on('request', (r: Request) => {
      this.requests.push({ url: r.url(), headers: r.headers(), body: r.postData() ?? '' });
    });
  }

  /** Requests whose origin differs from `origin` (data: and blob: URLs never leave the device). */
  foreign(origin: string): string[] {
    return this.requests
      .map((r) => r.url)
      .filter(
        (u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin,
      );
  }

  /** Requests in which `needle` appears anywhere: URL, header or body. */
  containing(needle: string): string[] {
    return this.requests
      .filter(
        (r) =>
          r.url.includes(needle) ||
          r.body.includes(needle) ||
          Object.values(r.headers).some((h) => h.includes(needle)),
      )
      .map((r) => r.url);
  }
}

export const test = base.extend<{ requestLog: RequestLog }>({
  requestLog: async ({ context }, use) => {
    await use(new RequestLog(context));
  },
});

export { expect };
