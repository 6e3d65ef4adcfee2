import { useState, type FormEvent } from 'react';
import { useT } from './i18n.ts';
import { RECIPIENT_MAX } from './recipient.ts';

interface NameFormProps {
  initial: string | null;
  onSubmit: (name: string) => void;
}

/** Asks the reader's name once per device; the patient sees it in their list of opens. */
export function NameForm({ initial, onSubmit }: NameFormProps) {
  const { t } = useT();
  const [name, setName] = useState(initial ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) onSubmit(name);
  };
  return (
    <form className="v-card v-form" onSubmit={submit}>
      <h2>{t('name.heading')}</h2>
      <p>{t('name.intro')}</p>
      <label htmlFor="v-name">{t('name.label')}</label>
      <input
        id="v-name"
        className="v-input"
        value={name}
        onChange={(e) => setName(e.target.value)}
        placeholder={t('name.placeholder')}
        maxLength={RECIPIENT_MAX}
        autoComplete="name"
        required
        autoFocus
      />
      <button type="submit" className="v-button" disabled={!name.trim()}>
        {t('name.submit')}
      </button>
    </form>
  );
}
