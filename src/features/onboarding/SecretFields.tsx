import { useTranslation } from 'react-i18next';
import type { SecretKind } from '../../record/store.ts';
import { Field } from '../../ui/Field.tsx';
import { MIN_PASSPHRASE_CHARS, MIN_PIN_DIGITS } from './secret-rules.ts';

interface SecretFieldsProps {
  kind: SecretKind;
  onKind: (kind: SecretKind) => void;
  secret: string;
  onSecret: (value: string) => void;
  confirm: string;
  onConfirm: (value: string) => void;
  error?: string;
}

/** Choose PIN or passphrase, type it twice. Used at setup and when changing it. */
export function SecretFields(props: SecretFieldsProps) {
  const { t } = useTranslation('onboarding');
  const { kind } = props;
  const inputProps =
    kind === 'pin'
      ? { inputMode: 'numeric' as const, autoComplete: 'off', pattern: '[0-9]*' }
      : { autoComplete: 'off' };
  return (
    <>
      <fieldset className="choice">
        <legend>{t('secret.kindLegend')}</legend>
        {(['pin', 'passphrase'] as const).map((k) => (
          <label key={k} className="choice-option">
            <input
              type="radio"
              name="secret-kind"
              value={k}
              checked={kind === k}
              onChange={() => props.onKind(k)}
            />
            <span>
              <strong>{t(`secret.kind.${k}`)}</strong>
              <small>
                {t(`secret.kindHint.${k}`, {
                  count: k === 'pin' ? MIN_PIN_DIGITS : MIN_PASSPHRASE_CHARS,
                })}
              </small>
            </span>
          </label>
        ))}
      </fieldset>
      <Field
        label={t(`secret.new.${kind}`)}
        hint={t(`secret.rule.${kind}`, {
          count: kind === 'pin' ? MIN_PIN_DIGITS : MIN_PASSPHRASE_CHARS,
        })}
      >
        {(a11y) => (
          <input
            {...a11y}
            {...inputProps}
            type="password"
            name="new-secret"
            value={props.secret}
            onChange={(e) => props.onSecret(e.target.value)}
          />
        )}
      </Field>
      <Field label={t(`secret.confirm.${kind}`)} error={props.error}>
        {(a11y) => (
          <input
            {...a11y}
            {...inputProps}
            type="password"
            name="confirm-secret"
            value={props.confirm}
            onChange={(e) => props.onConfirm(e.target.value)}
          />
        )}
      </Field>
    </>
  );
}
