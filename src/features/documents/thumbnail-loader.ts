/**
 * Thumbnails for the documents list, decrypted only for the rows near the viewport and
 * only a few at a time: the list (titles, types, dates) shows at once, the pictures the
 * patient can see come next, and a record of hundreds of papers never decrypts them all.
 */
import type { DocumentFile } from '../../record/documents.ts';

/** Thumbnails decrypted at once. More only queues work in the worker ahead of visible rows. */
const THUMBNAIL_CONCURRENCY = 6;

/** How far outside the viewport a row starts decrypting, so a scroll finds it ready. */
const THUMBNAIL_MARGIN = '300px 0px';

/** The few browser services the loader uses (replaced in tests). */
export interface ThumbnailEnv {
  /** Watches elements; calls back with those entering or leaving the extended viewport. */
  observe(onChange: (changes: { target: Element; near: boolean }[]) => void): {
    observe(element: Element): void;
    unobserve(element: Element): void;
  };
  createUrl(blob: Blob): string;
  revokeUrl(url: string): void;
}

/** Decrypts and shows thumbnails for watched elements. */
export interface ThumbnailLoader {
  /**
   * Decrypts `file` once `element` comes near the viewport, then calls `show` with a
   * `blob:` URL (never on failure: the row keeps its placeholder icon). The returned
   * function stops watching, drops a pending decryption, and revokes the URL.
   * SECURITY: the plaintext lives in this page's memory only while its row is mounted.
   */
  watch(element: Element, file: DocumentFile, show: (url: string) => void): () => void;
}

interface Watch {
  readonly file: DocumentFile;
  readonly show: (url: string) => void;
  state: 'far' | 'queued' | 'reading' | 'done' | 'stopped';
  url?: string;
}

/** The browser's IntersectionObserver and object URLs; every row counts as near without one. */
function browserThumbnailEnv(): ThumbnailEnv {
  return {
    observe(onChange) {
      if (typeof IntersectionObserver === 'undefined') {
        return {
          observe: (target) => queueMicrotask(() => onChange([{ target, near: true }])),
          unobserve: () => undefined,
        };
      }
      const observer = new IntersectionObserver(
        (entries) => onChange(entries.map((e) => ({ target: e.target, near: e.isIntersecting }))),
        { rootMargin: THUMBNAIL_MARGIN },
      );
      return {
        observe: (element) => observer.observe(element),
        unobserve: (element) => observer.unobserve(element),
      };
    },
    createUrl: (blob) => URL.createObjectURL(blob),
    revokeUrl: (url) => URL.revokeObjectURL(url),
  };
}

/**
 * A loader over `read` (the document store's `readFile`). Rows are decrypted in the order
 * they came near the viewport, at most `concurrency` at once; a row scrolled away before
 * its turn is skipped until it comes back.
 */
export function createThumbnailLoader(
  read: (file: DocumentFile) => Promise<Blob>,
  env: ThumbnailEnv = browserThumbnailEnv(),
  concurrency: number = THUMBNAIL_CONCURRENCY,
): ThumbnailLoader {
  const watches = new Map<Element, Watch>();
  const queue: Watch[] = [];
  let reading = 0;

  const pump = (): void => {
    while (reading < concurrency) {
      const next = queue.shift();
      if (!next) return;
      if (next.state !== 'queued') continue;
      next.state = 'reading';
      reading++;
      read(next.file)
        .then(
          (blob) => {
            if (next.state !== 'reading') return; // stopped meanwhile: nothing to show
            next.state = 'done';
            next.url = env.createUrl(blob);
            next.show(next.url);
          },
          () => {
            if (next.state === 'reading') next.state = 'done'; // the placeholder stays
          },
        )
        .finally(() => {
          reading--;
          pump();
        });
    }
  };

  const observer = env.observe((changes) => {
    for (const { target, near } of changes) {
      const w = watches.get(target);
      if (!w) continue;
      if (near && w.state === 'far') {
        w.state = 'queued';
        queue.push(w);
      } else if (!near && w.state === 'queued') {
        w.state = 'far'; // skipped by pump(); queued again if it comes back
      }
    }
    pump();
  });

  return {
    watch(element, file, show) {
      const w: Watch = { file, show, state: 'far' };
      watches.set(element, w);
      observer.observe(element);
      return () => {
        observer.unobserve(element);
        if (watches.get(element) === w) watches.delete(element);
        w.state = 'stopped';
        if (w.url) env.revokeUrl(w.url);
        w.url = undefined;
      };
    },
  };
}
