import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatIsoDate } from '../../i18n/format.ts';
import { isImportedRecord, type PaperDocument } from '../../record/documents.ts';
import { Icon } from '../../ui/Icon.tsx';
import type { ThumbnailLoader } from './thumbnail-loader.ts';
import { useLazyThumbnail } from './useDocuments.ts';

/**
 * One paper in the list: title, type, date and pages at once, its thumbnail once the row
 * is near the viewport (see thumbnail-loader.ts). Memoised: filtering re-renders the list,
 * not every row.
 */
export const DocumentListItem = memo(function DocumentListItem({
  doc,
  profileName,
  thumbnails,
}: {
  doc: PaperDocument;
  profileName?: string | undefined;
  thumbnails: ThumbnailLoader;
}) {
  const { t, i18n } = useTranslation('documents');
  const thumb = useLazyThumbnail(thumbnails, doc.thumbnail);
  const isPdf = doc.files[0]?.mime === 'application/pdf';
  const isRecord = isImportedRecord(doc);
  return (
    <li className="doc-item">
      <Link className="doc-link" to={`/documents/${doc.id}`}>
        <span className="doc-thumb" ref={thumb.ref}>
          {thumb.url ? <img src={thumb.url} alt="" /> : <Icon name="paper" />}
        </span>
        <span className="doc-main">
          <span className="doc-title" dir="auto">
            {doc.title}
          </span>
          <span className="doc-detail">
            {t(`types.${doc.type}`)}
            {doc.date && ` · ${formatIsoDate(doc.date, i18n.resolvedLanguage ?? 'fr')}`}
          </span>
          <span className="doc-detail">
            {isRecord
              ? t('record.file')
              : isPdf
                ? t('pdf')
                : t('pages', { count: doc.files.length })}
            {profileName && ` · ${profileName}`}
          </span>
        </span>
        {doc.sensitive && (
          <span className="tag tag-sensitive">
            <Icon name="sensitive" />
            {t('sensitive')}
          </span>
        )}
      </Link>
    </li>
  );
});
