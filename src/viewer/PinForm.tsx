import { useState, type FormEvent } from 'react';
import { useT } from './i18n.ts';

interface PinFormProps {
  recipient: string | null;
  wrong: boolean;
  remainingAttempts?: number;
  onSubmit: (pin: string) => void;
  onChangeName: () => void;
}

/** Asks the PIN the patient says aloud; after a wrong one, says how many tries are left. */
export function PinForm({
  recipient,
  wrong,
  remainingAttempts,
  onSubmit,
  onChangeName,
}: PinFormProps) {
  const { t } = useT();
  const [pin, setPin] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pin) onSubmit(pin);
  };
  const problem = wrong
    ? remainingAttempts !== undefined
      ? t('pin.wrong', { count: remainingAttempts })
      : t('pin.wrongNoCount')
    : null;
  return (
    <form className="v-card v-form" onSubmit={submit}>
      <h2>{t('pin.heading')}</h2>
      <p>{t('pin.intro')}</p>
      <label htmlFor="v-pin">{t('pin.label')}</label>
      <input
        id="v-pin"
        className="v-input v-pin"
        value={pin}
        onChange={(e) => setPin(e.target.value)}
        inputMode="numeric"
        autoComplete="off"
        aria-invalid={wrong}
        aria-describedby={problem ? 'v-pin-problem' : undefined}
        required
        autoFocus
      />
      {problem && (
        <p id="v-pin-problem" className="v-problem" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="v-button" disabled={!pin}>
        {t('pin.submit')}
      </button>
      {recipient && (
        <p className="v-muted">
          {t('name.you', { name: recipient })}{' '}
          <button type="button" className="v-link" onClick={onChangeName}>
            {t('name.change')}
          </button>
        </p>
      )}
    </form>
  );
}
