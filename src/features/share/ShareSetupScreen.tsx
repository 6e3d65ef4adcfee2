import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DEFAULT_DURATION_H, SHARE_DURATIONS_H } from '../../record/shares.ts';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { BackLink } from '../shell/BackLink.tsx';
import { errorKey } from '../shell/errors.ts';
import { AudienceChoice } from './AudienceChoice.tsx';
import { ShareItems } from './ShareItems.tsx';
import { randomSharePin, useCreateShare } from './useCreateShare.ts';
import { useOnline } from './useOnline.ts';
import { useShareChoice } from './useShareChoice.ts';
import './share.css';

/**
 * The hours of SHARE_DURATIONS_H, each labelled `howLong.h<hours>`. It is cast to this:
 * record/shares.ts writes 24 * 7 and 24 * 30, which TypeScript types as `number`.
 */
type DurationH = 1 | 24 | 168 | 720;

/** "Show to a doctor": who it is for, what, for how long, and a PIN. */
export function ShareSetupScreen() {
  const { t } = useTranslation(['share', 'common', 'errors']);
  const navigate = useNavigate();
  const choice = useShareChoice();
  const [hours, setHours] = useState<number>(DEFAULT_DURATION_H);
  const [withPin, setWithPin] = useState(true);
  const [failure, setFailure] = useState<string | undefined>();
  const online = useOnline();
  const { create, progress } = useCreateShare();
  const { profile } = choice;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!profile) return;
    setFailure(undefined);
    try {
      const share = await create({
        profile,
        audience: choice.audience,
        ...choice.chosen(),
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
        <AudienceChoice audience={choice.audience} onChoose={choice.chooseAudience} />
        <h2>{t('what.legend')}</h2>
        <ShareItems {...choice.offered} picked={choice.picked} onToggle={choice.toggle} />
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
              <span>{t(`howLong.h${h as DurationH}`)}</span>
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
