import { vi } from 'vitest';

/**
 * For tests: stands in for the browser's XMLHttpRequest, which relay-client.ts uploads a
 * share's file with. Every upload succeeds as a complete share; each body is pushed onto
 * `uploads`. Undone by `vi.unstubAllGlobals()`.
 */
export function stubUploadXhr(uploads: string[]): void {
  class Xhr {
    status = 0;
    responseText = '';
    upload = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    ontimeout: (() => void) | null = null;
    open(): void {}
    setRequestHeader(): void {}
    send(body: string): void {
      uploads.push(body);
      queueMicrotask(() => {
        this.status = 200;
        this.responseText = '{"complete":true}';
        this.onload?.();
      });
    }
  }
  vi.stubGlobal('XMLHttpRequest', Xhr);
}
