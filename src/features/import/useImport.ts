import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardCheck } from '../../share/health-card-verify.ts';
import type { OpenedImport } from '../../share/import-open.ts';
import { keepAndSeeCard } from '../emergency/card-news.ts';
import { useUnlocked } from '../session/session-context.ts';
import { importFailure } from './import-errors.ts';
import { keepImport, sourceTitleOf } from './keep-import.ts';

/** An import read and shown, waiting for the patient's picks. */
export interface Preview {
  readonly opened: OpenedImport;
  readonly cards: readonly { issuer: string; check: CardCheck }[];
}

/**
 * Opening a link or a file, and keeping what the patient picked. Reading loads its code on
 * demand (the share readers and jose stay out of the app's first load). `failure` is the
 * last error in words; every failure leaves the record as it was.
 */
export function useImport() {
  const { t, i18n } = useTranslation('import');
  const { store, refresh, activeProfileId } = useUnlocked();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();

  const attempt = useCallback(
    async <T>(run: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      setFailure(undefined);
      try {
        return await run();
      } catch (err) {
        setFailure(importFailure(t, err));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );

  /** Checks the health cards' signatures against their issuers' keys (through `get`). */
  const preview = async (opened: OpenedImport, get: typeof fetch): Promise<Preview> => {
    if (opened.cards.length === 0) return { opened, cards: [] };
    const { verifyHealthCard } = await import('../../share/health-card-verify.ts');
    const cards = await Promise.all(
      opened.cards.map(async (card) => ({
        issuer: card.issuer,
        check: await verifyHealthCard(card, get),
      })),
    );
    return { opened, cards };
  };

  /** Runs `read` with a fetch that reaches other servers through the import page. */
  const withLinkFetch = async <T>(read: (get: typeof fetch) => Promise<T>): Promise<T> => {
    const { linkFetch } = await import('./link-fetch.ts');
    const link = linkFetch();
    try {
      return await read(link.fetch);
    } finally {
      link.close();
    }
  };

  const openLink = (link: string, passcode?: string) =>
    attempt(async () => {
      const { openImportLink } = await import('../../share/import-open.ts');
      return withLinkFetch(async (get) =>
        preview(await openImportLink(link, { ...(passcode ? { passcode } : {}), fetch: get }), get),
      );
    });

  const openFile = (file: File) =>
    attempt(async () => {
      const { openImportFile, MAX_IMPORT_FILE_BYTES } = await import('../../share/import-open.ts');
      const { ShareError } = await import('../../share/errors.ts');
      // Refused before reading: a huge file never enters memory.
      if (file.size > MAX_IMPORT_FILE_BYTES) throw new ShareError('too-large');
      const opened = await openImportFile(file.name, new Uint8Array(await file.arrayBuffer()));
      return withLinkFetch((get) => preview(opened, get));
    });

  const keep = (shown: Preview, picked: ReadonlySet<string>) =>
    attempt(async () => {
      if (!activeProfileId) throw new Error('no profile');
      const { batch } = shown.opened;
      const now = new Date();
      const { result: ids, cardGrew } = await keepAndSeeCard(store, () =>
        keepImport(store, {
          opened: shown.opened,
          items: batch.items.filter((i) => picked.has(i.key)),
          papers: batch.papers.filter((p) => picked.has(p.key)),
          profileId: activeProfileId,
          sourceTitle: sourceTitleOf(t, shown.opened, i18n.resolvedLanguage ?? 'fr', now),
          untitled: t('preview.untitled'),
        }),
      );
      await refresh();
      return { count: ids.length, cardGrew };
    });

  return { busy, failure, setFailure, openLink, openFile, keep };
}
