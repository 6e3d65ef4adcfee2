import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PaperDocument } from '../../record/documents.ts';
import { Icon } from '../../ui/Icon.tsx';
import { useSession } from '../session/session-context.ts';

/** The papers linked to an entry (a lab result to a condition), each one tap away. */
export function LinkedPapers({ entryId }: { entryId: string }) {
  const { t } = useTranslation('documents');
  const { store } = useSession();
  const [papers, setPapers] = useState<PaperDocument[]>([]);

  useEffect(() => {
    let live = true;
    store.documents.list().then(
      (list) => live && setPapers(list.documents.filter((d) => d.entryIds.includes(entryId))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [store, entryId]);

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
