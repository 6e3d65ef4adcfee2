import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { isImportedRecord, type PaperDocument } from '../../record/documents.ts';
import { ImageViewer } from './ImageViewer.tsx';
import { RecordFileView } from './RecordFileView.tsx';

// pdf.js is large: it loads only when a PDF is opened.
const PdfViewer = lazy(() => import('./PdfViewer.tsx').then((m) => ({ default: m.PdfViewer })));

/**
 * Shows a document's pages: photos with zoom and pan, or a PDF drawn by pdf.js; an imported
 * record is said for what it is, with a copy to save (RecordFileView).
 */
export function DocumentViewer({ doc }: { doc: PaperDocument }) {
  const { t } = useTranslation('common');
  const first = doc.files[0];
  if (isImportedRecord(doc)) return <RecordFileView doc={doc} />;
  if (first?.mime === 'application/pdf') {
    return (
      <Suspense fallback={<p role="status">{t('loading')}</p>}>
        <PdfViewer file={first} title={doc.title} />
      </Suspense>
    );
  }
  return <ImageViewer files={doc.files} title={doc.title} />;
}
