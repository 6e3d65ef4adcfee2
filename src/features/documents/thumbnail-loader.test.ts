import { describe, expect, it } from 'vitest';
import type { DocumentFile } from '../../record/documents.ts';
import type { ThumbnailEnv } from './thumbnail-loader.ts';
import { createThumbnailLoader } from './thumbnail-loader.ts';

/** A fake viewport: the test says which elements are near; reads resolve when told to. */
function fakes() {
  let notify: (changes: { target: Element; near: boolean }[]) => void = () => undefined;
  const observed = new Set<Element>();
  const live = new Set<string>();
  let urls = 0;
  const env: ThumbnailEnv = {
    observe(onChange) {
      notify = onChange;
      return { observe: (e) => observed.add(e), unobserve: (e) => observed.delete(e) };
    },
    createUrl: () => {
      const url = `blob:thumb-${++urls}`;
      live.add(url);
      return url;
    },
    revokeUrl: (url) => live.delete(url),
  };
  const reads: { fileId: string; resolve: () => void; reject: () => void }[] = [];
  const read = (file: DocumentFile) =>
    new Promise<Blob>((resolve, reject) =>
      reads.push({
        fileId: file.fileId,
        resolve: () => resolve(new Blob(['x'])),
        reject: () => reject(new Error('corrupt')),
      }),
    );
  const near = (elements: Element[], isNear = true) =>
    notify(elements.map((target) => ({ target, near: isNear })));
  return { env, read, reads, near, observed, live };
}

const file = (id: string): DocumentFile => ({ fileId: id, mime: 'image/webp' }) as DocumentFile;
const element = () => ({}) as Element;
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('thumbnail loader', () => {
  it('decrypts only rows near the viewport, a few at a time, in the order they came near', async () => {
    const f = fakes();
    const loader = createThumbnailLoader(f.read, f.env, 2);
    const rows = Array.from({ length: 5 }, element);
    const shown: string[] = [];
    rows.forEach((row, i) => loader.watch(row, file(`f${i}`), () => shown.push(`f${i}`)));
    expect(f.reads).toHaveLength(0);
    f.near([rows[0]!, rows[1]!, rows[2]!]);
    expect(f.reads.map((r) => r.fileId)).toEqual(['f0', 'f1']);
    f.reads[1]!.resolve();
    await settle();
    expect(shown).toEqual(['f1']);
    expect(f.reads.map((r) => r.fileId)).toEqual(['f0', 'f1', 'f2']);
    // Rows 3 and 4 never came near: never decrypted.
    f.reads[0]!.resolve();
    f.reads[2]!.resolve();
    await settle();
    expect(shown.sort()).toEqual(['f0', 'f1', 'f2']);
    expect(f.reads).toHaveLength(3);
  });

  it('skips a row scrolled away before its turn, and takes it when it comes back', async () => {
    const f = fakes();
    const loader = createThumbnailLoader(f.read, f.env, 1);
    const [a, b] = [element(), element()];
    loader.watch(a, file('a'), () => undefined);
    loader.watch(b, file('b'), () => undefined);
    f.near([a, b]);
    f.near([b], false);
    f.reads[0]!.resolve();
    await settle();
    expect(f.reads.map((r) => r.fileId)).toEqual(['a']);
    f.near([b]);
    expect(f.reads.map((r) => r.fileId)).toEqual(['a', 'b']);
  });

  it('revokes the URL when the row unmounts, and shows nothing for a row gone mid-read', async () => {
    const f = fakes();
    const loader = createThumbnailLoader(f.read, f.env, 4);
    const [a, b] = [element(), element()];
    const shown: string[] = [];
    const stopA = loader.watch(a, file('a'), (url) => shown.push(url));
    const stopB = loader.watch(b, file('b'), (url) => shown.push(url));
    f.near([a, b]);
    f.reads[0]!.resolve();
    await settle();
    expect(shown).toHaveLength(1);
    expect(f.live.size).toBe(1);
    stopA();
    expect(f.live.size).toBe(0);
    expect(f.observed.has(a)).toBe(false);
    stopB(); // unmounted while its file is being decrypted
    f.reads[1]!.resolve();
    await settle();
    expect(shown).toHaveLength(1);
    expect(f.live.size).toBe(0);
  });

  it('a file that fails to decrypt keeps its placeholder and does not stall the others', async () => {
    const f = fakes();
    const loader = createThumbnailLoader(f.read, f.env, 1);
    const [a, b] = [element(), element()];
    const shown: string[] = [];
    loader.watch(a, file('a'), () => shown.push('a'));
    loader.watch(b, file('b'), () => shown.push('b'));
    f.near([a, b]);
    f.reads[0]!.reject();
    await settle();
    f.reads[1]!.resolve();
    await settle();
    expect(shown).toEqual(['b']);
  });
});
