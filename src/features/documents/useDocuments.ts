import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DocumentList } from '../../record/document-store.ts';
import type { DocumentFile } from '../../record/documents.ts';
import { useUnlocked } from '../session/session-context.ts';
import type { ErrorKey } from '../shell/errors.ts';
import { documentErrorKey } from './document-errors.ts';
import type { ThumbnailLoader } from './thumbnail-loader.ts';
import { createThumbnailLoader } from './thumbnail-loader.ts';

/** The decrypted document list (metadata only), and a way to read it again after a change. */
export function useDocumentList() {
  const { store } = useUnlocked();
  const [list, setList] = useState<DocumentList | null>(null);
  const [failure, setFailure] = useState<ErrorKey | undefined>();
  const reload = useCallback(
    () =>
      store.documents.list().then(
        (next) => {
          setList(next);
          setFailure(undefined);
        },
        (err: unknown) => setFailure(documentErrorKey(err)),
      ),
    [store],
  );
  useEffect(() => {
    void reload();
  }, [reload]);
  return { list, failure, reload };
}

/**
 * A `blob:` URL for one decrypted file, revoked when the screen no longer shows it.
 * SECURITY: the plaintext lives only in this page's memory, for as long as it is shown.
 */
export function useFileUrl(file: DocumentFile | undefined) {
  const { store } = useUnlocked();
  const [result, setResult] = useState<{ fileId: string; url?: string; failure?: ErrorKey }>();
  useEffect(() => {
    if (!file) return;
    let url: string | undefined;
    let cancelled = false;
    store.documents.readFile(file).then(
      (blob) => {
        if (cancelled) return;
        url = URL.createObjectURL(blob);
        setResult({ fileId: file.fileId, url });
      },
      (err: unknown) =>
        !cancelled && setResult({ fileId: file.fileId, failure: documentErrorKey(err) }),
    );
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [store, file]);
  return result && file && result.fileId === file.fileId ? result : undefined;
}

/** One loader per list screen: thumbnails decrypted near the viewport, a few at a time. */
export function useThumbnailLoader(): ThumbnailLoader {
  const { store } = useUnlocked();
  return useMemo(() => createThumbnailLoader((file) => store.documents.readFile(file)), [store]);
}

/**
 * A list row's thumbnail: a ref for the element to watch and, once that element is near
 * the viewport and its file decrypted, a `blob:` URL (revoked when the row unmounts).
 */
export function useLazyThumbnail(loader: ThumbnailLoader, file: DocumentFile | undefined) {
  const [element, setElement] = useState<Element | null>(null);
  const [shown, setShown] = useState<{ fileId: string; url: string }>();
  useEffect(() => {
    if (!element || !file) return;
    return loader.watch(element, file, (url) => setShown({ fileId: file.fileId, url }));
  }, [loader, element, file]);
  const url = shown && file && shown.fileId === file.fileId ? shown.url : undefined;
  return { ref: setElement, url };
}
