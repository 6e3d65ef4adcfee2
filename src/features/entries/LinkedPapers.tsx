import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PaperDocument } from '../../record/documents.ts';
import { Icon } from '../../ui/Icon.tsx';
import { useSession } from '../session/session-context.ts';
import { dataOr, useStoreQuery } from '../shell/useStoreQuery.ts';

/** The papers linked to an entry (a lab result to a condition), each one tap away. */
export function LinkedPapers({ entryId }: { entryId: string }) {
  const { t } = useTranslation('documents');
  const { store } = useSession();
  const papers = dataOr<PaperDocument[]>(
    useStoreQuery(
      useCallback(
        async () =>
          (await store.documents.list()).documents.filter((d) => d.entryIds.includes(entryId)),
        [store, entryId],
      ),
    ),
    [],
  );

  if (papers.length === 0) return null;
  return (
    <section className="linked-papers" aria-labelledby="linked-papers">
      <h2 id="linked-papers">
        <Icon name="paper" />
        <span>{t('field.links')}</span>
      </h2>
      <ul className="plain-list">
        {papers.map((p) => (
          <li key={p.id}>
            <Link to={`/documents/${p.id}`}>{p.title}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
