import { useCallback, useEffect, useRef, useState } from 'react';
import type { NewDocumentFile } from '../../record/document-store.ts';
import type { ErrorKey } from '../shell/errors.ts';
import { documentErrorKey } from './document-errors.ts';
import { prepareImage, preparePdf, sniff } from './prepare.ts';
import type { PickedKind } from './prepare.ts';

/** A picked page, prepared for storage, with a preview URL of its thumbnail. */
export interface PreparedPage {
  readonly key: number;
  readonly kind: PickedKind;
  readonly source: Blob;
  readonly page: NewDocumentFile;
  readonly thumbnail?: NewDocumentFile;
  readonly previewUrl?: string;
}

async function prepare(key: number, source: Blob, keepOriginal: boolean): Promise<PreparedPage> {
  const kind = await sniff(source);
  const ready =
    kind === 'pdf' ? await preparePdf(source) : await prepareImage(source, keepOriginal);
  const previewUrl = ready.thumbnail ? URL.createObjectURL(ready.thumbnail.blob) : undefined;
  return { key, kind, source, ...ready, ...(previewUrl ? { previewUrl } : {}) };
}

/**
 * The pages of the document being added. Each picked file is checked and prepared at once,
 * so a refused file is reported before anything is stored. A PDF is a document of its own.
 */
export function usePages() {
  const [keepOriginal, setKeep] = useState(false);
  const [pages, setPages] = useState<PreparedPage[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ErrorKey | 'documents:import.pdfAlone' | undefined>();
  const nextKey = useRef(1);
  const urls = useRef(new Set<string>());

  const track = useCallback((page: PreparedPage) => {
    if (page.previewUrl) urls.current.add(page.previewUrl);
    return page;
  }, []);

  const add = useCallback(
    async (files: readonly File[]) => {
      setBusy(true);
      setFailure(undefined);
      try {
        const ready: PreparedPage[] = [];
        for (const file of files)
          ready.push(track(await prepare(nextKey.current++, file, keepOriginal)));
        setPages((current) => {
          const all = [...current, ...ready];
          if (all.some((p) => p.kind === 'pdf') && all.length > 1) {
            setFailure('documents:import.pdfAlone');
            return current;
          }
          return all;
        });
      } catch (err) {
        setFailure(documentErrorKey(err));
      } finally {
        setBusy(false);
      }
    },
    [keepOriginal, track],
  );

  const remove = useCallback((key: number) => {
    setPages((current) => current.filter((p) => p.key !== key));
  }, []);

  /** Choosing to keep the original (or not) re-prepares the photos already taken. */
  const setKeepOriginal = async (keep: boolean) => {
    setKeep(keep);
    setBusy(true);
    try {
      const next = await Promise.all(
        pages.map((p) =>
          p.kind === 'image' ? prepare(p.key, p.source, keep) : Promise.resolve(p),
        ),
      );
      setPages(next.map(track));
    } catch (err) {
      setFailure(documentErrorKey(err));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    const all = urls.current;
    return () => {
      for (const url of all) URL.revokeObjectURL(url);
    };
  }, []);

  return { pages, busy, failure, add, remove, keepOriginal, setKeepOriginal };
}
