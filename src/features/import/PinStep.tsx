import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';

/** The code a `P` link needs, as the person who gave the link said it. */
export function PinStep({
  busy,
  failure,
  onOpen,
  onCancel,
}: {
  busy: boolean;
  failure: string | undefined;
  onOpen: (pin: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('import');
  const [pin, setPin] = useState('');
  return (
    <form
      className="import-section"
      onSubmit={(e) => {
        e.preventDefault();
        onOpen(pin.trim());
      }}
      noValidate
    >
      <h2>{t('pin.title')}</h2>
      <p>{t('pin.intro')}</p>
      <Field label={t('pin.label')}>
        {(props) => (
          <input
            {...props}
            name="import-pin"
            inputMode="numeric"
            autoComplete="off"
            value={pin}
            onChange={(e) => setPin(e.target.value)}
          />
        )}
      </Field>
      {failure && <Notice tone="error">{failure}</Notice>}
      {busy && <p role="status">{t('opening')}</p>}
      <div className="form-actions">
        <Button type="submit" icon="forward" disabled={busy || !pin.trim()}>
          {t('pin.open')}
        </Button>
        <Button icon="back" variant="secondary" disabled={busy} onClick={onCancel}>
          {t('pin.cancel')}
        </Button>
      </div>
    </form>
  );
}
