import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isDeclarable, withdrawNone } from '../../record/declarations.ts';
import { newId } from '../../record/ids.ts';
import type { EntryKind } from '../../record/types.ts';
import { ENTRY_KINDS } from '../../record/types.ts';
import type { FieldErrors } from '../../record/validate.ts';
import { hasErrors, validateEntry } from '../../record/validate.ts';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Screen } from '../../ui/Screen.tsx';
import type { CardNews } from '../emergency/card-news.ts';
import { cardNewsState, saveAndSeeCard } from '../emergency/card-news.ts';
import { BackLink } from '../shell/BackLink.tsx';
import { useUnlocked } from '../session/session-context.ts';
import { useAction } from '../shell/useAction.ts';
import type { EntryDraft } from './entry-draft.ts';
import { draftFromEntry, emptyDraft, entryFromDraft } from './entry-draft.ts';
import { EntryCommonFields } from './EntryCommonFields.tsx';
import { EntryFields } from './EntryFields.tsx';
import { LinkedPapers } from './LinkedPapers.tsx';
import './entries.css';

/** Add or edit one entry. Nothing is saved until the whole entry is valid. */
export function EntryScreen() {
  const { t, i18n } = useTranslation(['entry', 'common', 'errors']);
  const { id, kind: kindParam } = useParams();
  const navigate = useNavigate();
  const { state, store, refresh, activeProfileId } = useUnlocked();
  const existing = id ? state.entries.find((e) => e.id === id) : undefined;
  const kind = (existing?.details.kind ?? kindParam) as EntryKind | undefined;
  const [draft, setDraft] = useState<EntryDraft | null>(() =>
    existing
      ? draftFromEntry(existing)
      : kind && ENTRY_KINDS.includes(kind)
        ? emptyDraft(kind, i18n.resolvedLanguage ?? 'fr')
        : null,
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const { busy, failure, setFailure, run: runAction } = useAction();
  const [confirmDelete, setConfirmDelete] = useState(false);

  const back = <BackLink to="/" />;
  if (!draft || !activeProfileId || (id && !existing)) {
    return (
      <Screen title={t('common:notFound')} start={back}>
        <Notice tone="error">{t('errors:not-found')}</Notice>
      </Screen>
    );
  }

  // On failure the form keeps everything typed: nothing is lost. What a save did to the
  // emergency card goes to the summary, which says it once.
  const run = (action: () => Promise<CardNews | undefined | void>) =>
    runAction(async () => {
      const news = await action();
      await refresh();
      await navigate('/', { state: cardNewsState(news ?? undefined) });
    });

  function save(e: FormEvent) {
    e.preventDefault();
    if (!draft || !activeProfileId) return;
    const now = Date.now();
    const entry = entryFromDraft(
      draft,
      {
        id: existing?.id ?? newId(),
        profileId: existing?.profileId ?? activeProfileId,
        createdAt: existing?.createdAt ?? now,
      },
      now,
    );
    const found = validateEntry(entry, now);
    setErrors(found);
    if (hasErrors(found)) {
      setFailure(t('errors:form-invalid'));
      return;
    }
    const kindOf = entry.details.kind;
    const profile = state.profiles.find((p) => p.id === entry.profileId);
    void run(async () => {
      const news = await saveAndSeeCard(store, existing, entry, () => store.saveEntry(entry));
      // An allergy added after "no known allergies" ends that statement.
      if (profile && isDeclarable(kindOf) && profile.declaredNone?.[kindOf] !== undefined) {
        await store.saveProfile(withdrawNone(profile, kindOf, now));
      }
      return news;
    });
  }

  const title = existing ? t(`edit.${draft.kind}`) : t(`add.${draft.kind}`);
  return (
    <Screen title={title} start={back}>
      <form onSubmit={save} noValidate>
        <EntryCommonFields draft={draft} errors={errors} onChange={setDraft} />
        <EntryFields draft={draft} errors={errors} onChange={setDraft} />
        {failure && <Notice tone="error">{failure}</Notice>}
        <div className="form-actions">
          <Button type="submit" icon="check" disabled={busy}>
            {t('common:save')}
          </Button>
          {existing && !confirmDelete && (
            <Button
              variant="danger"
              icon="trash"
              disabled={busy}
              onClick={() => setConfirmDelete(true)}
            >
              {t('common:delete')}
            </Button>
          )}
        </div>
        {existing && confirmDelete && (
          <div className="confirm" role="alertdialog" aria-labelledby="confirm-delete">
            <p id="confirm-delete">{t('deleteConfirm')}</p>
            <Button
              variant="danger"
              icon="trash"
              disabled={busy}
              onClick={() => void run(() => store.deleteEntry(existing.id))}
            >
              {t('deleteYes')}
            </Button>
            <Button variant="secondary" icon="close" onClick={() => setConfirmDelete(false)}>
              {t('common:cancel')}
            </Button>
          </div>
        )}
      </form>
      {existing && <LinkedPapers entryId={existing.id} />}
    </Screen>
  );
}
