import { useCallback, useState } from 'react';
import { DEFAULT_SETTINGS } from '../../record/store.ts';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon.tsx';
import { useSession } from '../session/session-context.ts';
import { useStoreQuery } from '../shell/useStoreQuery.ts';

const CHOICES = [1, 2, 5, 10, 15] as const;

/** How long Carnet stays open without a touch. */
export function LockSetting() {
  const { t } = useTranslation('settings');
  const { store } = useSession();
  const saved = useStoreQuery(useCallback(() => store.settings(), [store]));
  const [chosen, setChosen] = useState<number | null>(null);
  const minutes =
    chosen ??
    (saved.status === 'loading'
      ? null
      : saved.status === 'done'
        ? saved.data.lockAfterMinutes
        : DEFAULT_SETTINGS.lockAfterMinutes);

  return (
    <section className="settings-section" aria-labelledby="settings-lock">
      <h2 id="settings-lock">
        <Icon name="lock" />
        <span>{t('lock.title')}</span>
      </h2>
      <label className="field">
        <span className="field-label">{t('lock.after')}</span>
        <select
          name="lockAfter"
          value={minutes ?? DEFAULT_SETTINGS.lockAfterMinutes}
          disabled={minutes === null}
          onChange={(e) => {
            const value = Number(e.target.value);
            setChosen(value);
            void store.saveSettings({ lockAfterMinutes: value });
          }}
        >
          {CHOICES.map((m) => (
            <option key={m} value={m}>
              {t('lock.minutes', { count: m })}
            </option>
          ))}
        </select>
      </label>
      <p className="field-hint">{t('lock.hiddenHint')}</p>
    </section>
  );
}
