import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetails, PaperDocument } from '../../record/documents.ts';
import { validateDocument } from '../../record/documents.ts';
import { RecordError } from '../../record/errors.ts';
import type { FieldErrors } from '../../record/validate.ts';
import { hasErrors } from '../../record/validate.ts';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useUnlocked } from '../session/session-context.ts';
import type { ErrorKey } from '../shell/errors.ts';
import { documentErrorKey } from './document-errors.ts';
import { DocumentFields } from './DocumentFields.tsx';
import { EntryLinks } from './EntryLinks.tsx';

/** Rename, re-date, re-type a paper and link it to entries. Its pages stay as they are. */
export function DocumentEditForm({
  doc,
  onDone,
}: {
  doc: PaperDocument;
  onDone: (saved: boolean) => Promise<void>;
}) {
  const { t } = useTranslation(['documents', 'common', 'errors']);
  const { store, state } = useUnlocked();
  const [details, setDetails] = useState<DocumentDetails>(doc);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ErrorKey | undefined>();
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    const found = validateDocument(details);
    setErrors(found);
    if (hasErrors(found)) return setFailure('errors:form-invalid');
    setBusy(true);
    try {
      // Links to another person's entries go when the paper moves to a different person.
      const entryIds = details.entryIds.filter((id) =>
        state.entries.some((e) => e.id === id && e.profileId === details.profileId),
      );
      await store.documents.update(doc.id, { ...details, entryIds });
      await onDone(true);
    } catch (err) {
      if (err instanceof RecordError && err.details.fields) setErrors(err.details.fields);
      setFailure(documentErrorKey(err));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void save(e)} noValidate>
      <DocumentFields value={details} errors={errors} onChange={setDetails} />
      <EntryLinks
        profileId={details.profileId}
        value={details.entryIds}
        onChange={(entryIds) => setDetails({ ...details, entryIds })}
      />
      {failure && <Notice tone="error">{t(failure)}</Notice>}
      <div className="form-actions">
        <Button type="submit" icon="check" disabled={busy}>
          {t('common:save')}
        </Button>
        <Button variant="ghost" disabled={busy} onClick={() => void onDone(false)}>
          {t('common:cancel')}
        </Button>
      </div>
    </form>
  );
}
