import type { FormEvent } from 'react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { standingDeclarations } from '../../record/declarations.ts';
import type { PaperDocument } from '../../record/documents.ts';
import type { Audience } from '../../record/shares.ts';
import {
  AUDIENCES,
  DEFAULT_DURATION_H,
  SHARE_DURATIONS_H,
  declarationItem,
  defaultDeclarations,
  defaultDocuments,
  defaultSelection,
  isAdminPaper,
} from '../../record/shares.ts';
import { Button } from '../../ui/Button.tsx';
import type { IconName } from '../../ui/Icon.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { BackLink } from '../shell/BackLink.tsx';
import { useUnlocked } from '../session/session-context.ts';
import { errorKey } from '../shell/errors.ts';
import { ShareItems } from './ShareItems.tsx';
import { randomSharePin, useCreateShare } from './useCreateShare.ts';
import { useOnline } from './useOnline.ts';

const AUDIENCE_ICONS: Record<Audience, IconName> = {
  doctor: 'clinician',
  social: 'right',
  custom: 'edit',
};

/** "Show to a doctor": who it is for, what, for how long, and a PIN. */
export function ShareSetupScreen() {
  const { t } = useTranslation(['share', 'common', 'errors']);
  const navigate = useNavigate();
  const { state, store, activeProfileId } = useUnlocked();
  const profile = state.profiles.find((p) => p.id === activeProfileId);
  const entries = useMemo(
    () => state.entries.filter((e) => e.profileId === activeProfileId),
    [state.entries, activeProfileId],
  );
  const declarations = useMemo(
    () => (profile ? standingDeclarations(profile, state.entries) : []),
    [profile, state.entries],
  );
  const [documents, setDocuments] = useState<PaperDocument[]>([]);
  const [audience, setAudience] = useState<Audience>('doctor');
  const [picked, setPicked] = useState<Set<string>>(
    () =>
      new Set([
        ...defaultSelection(entries, 'doctor'),
        ...defaultDeclarations(declarations, 'doctor'),
      ]),
  );
  // A social worker sees administrative items only: rights and administrative papers.
  const offered = useMemo(
    () =>
      audience === 'social'
        ? {
            entries: entries.filter((e) => e.details.kind === 'right'),
            documents: documents.filter(isAdminPaper),
            declarations: [],
          }
        : { entries, documents, declarations },
    [audience, entries, documents, declarations],
  );
  const [hours, setHours] = useState<number>(DEFAULT_DURATION_H);
  const [withPin, setWithPin] = useState(true);
  const [failure, setFailure] = useState<string | undefined>();
  const online = useOnline();
  const { create, progress } = useCreateShare();

  useEffect(() => {
    let live = true;
    store.documents.list().then(
      (list) => {
        if (!live) return;
        const mine = list.documents.filter((d) => d.profileId === activeProfileId);
        setDocuments(mine);
        // Papers arrive after the first render: add the doctor's default papers once.
        setPicked((p) => new Set([...p, ...defaultDocuments(mine, 'doctor')]));
      },
      () => live && setDocuments([]),
    );
    return () => {
      live = false;
    };
  }, [store, activeProfileId]);

  const chooseAudience = (a: Audience) => {
    setAudience(a);
    setPicked(
      new Set([
        ...defaultSelection(entries, a),
        ...defaultDocuments(documents, a),
        ...defaultDeclarations(declarations, a),
      ]),
    );
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!profile) return;
    setFailure(undefined);
    try {
      const share = await create({
        profile,
        audience,
        entries: offered.entries.filter((x) => picked.has(x.id)),
        documents: offered.documents.filter((d) => picked.has(d.id)),
        declaredNone: offered.declarations.filter((k) => picked.has(declarationItem(k))),
        hours,
        ...(withPin ? { passcode: randomSharePin() } : {}),
      });
      await navigate(`/shares/${share.id}`);
    } catch (err) {
      // Nothing is lost: the choices stay on screen for another try.
      setFailure(t(errorKey(err)));
    }
  }

  const busy = progress !== null;
  return (
    <Screen title={t('setup.title')} start={<BackLink to="/" />}>
      {!online && <Notice tone="warning">{t('errors:share.offline')}</Notice>}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="choice">
          <legend>{t('who.legend')}</legend>
          {AUDIENCES.map((a) => (
            <label key={a} className="choice-option">
              <input
                type="radio"
                name="audience"
                checked={audience === a}
                onChange={() => chooseAudience(a)}
              />
              <Icon name={AUDIENCE_ICONS[a]} />
              <span>
                <strong>{t(`who.${a}`)}</strong>
                <small>{t(`who.${a}Hint`)}</small>
              </span>
            </label>
          ))}
        </fieldset>
        <h2>{t('what.legend')}</h2>
        <ShareItems
          entries={offered.entries}
          documents={offered.documents}
          declarations={offered.declarations}
          picked={picked}
          onToggle={(id, on) =>
            setPicked((p) => {
              const next = new Set(p);
              if (on) next.add(id);
              else next.delete(id);
              return next;
            })
          }
        />
        <fieldset className="choice">
          <legend>{t('howLong.legend')}</legend>
          {SHARE_DURATIONS_H.map((h) => (
            <label key={h} className="choice-option">
              <input
                type="radio"
                name="duration"
                checked={hours === h}
                onChange={() => setHours(h)}
              />
              <span>{t(`howLong.h${h}`)}</span>
            </label>
          ))}
        </fieldset>
        <label className="check-row">
          <input
            type="checkbox"
            name="with-pin"
            checked={withPin}
            onChange={(e) => setWithPin(e.target.checked)}
          />
          <span>
            {t('pin.add')}
            <small>{t('pin.hint')}</small>
          </span>
        </label>
        {failure && <Notice tone="error">{failure}</Notice>}
        {busy && (
          <progress
            className="upload-progress"
            max={1}
            value={progress}
            aria-label={t('setup.uploading')}
          />
        )}
        <Button type="submit" icon="clinician" disabled={busy || !online || !profile}>
          {busy ? t('setup.uploading') : t('setup.create')}
        </Button>
      </form>
    </Screen>
  );
}
