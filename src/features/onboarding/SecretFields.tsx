import { useTranslation } from 'react-i18next';
import type { SecretRuleProblem } from '../../crypto/secret-rules.ts';
import {
  PASSPHRASE_MIN_CHARS,
  PIN_MIN_DIGITS,
  newSecretProblem,
  sameSecret,
} from '../../crypto/secret-rules.ts';
import type { SecretKind } from '../../record/store.ts';
import { Field } from '../../ui/Field.tsx';

/** What is wrong with the two fields, as an `onboarding:secret.problem.*` key suffix. */
export type SecretFieldsProblem = SecretRuleProblem | 'mismatch';

/**
 * Checks a new secret typed twice: the vault's own rule first (crypto/secret-rules.ts, the
 * one the vault applies), then that both are the same once normalised, so a PIN typed once
 * in Arabic digits and once in Latin digits matches.
 */
export function secretFieldsProblem(
  kind: SecretKind,
  secret: string,
  confirm: string,
): SecretFieldsProblem | null {
  return newSecretProblem(secret, kind) ?? (sameSecret(secret, confirm, kind) ? null : 'mismatch');
}

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
  // No `pattern`: a PIN may be typed in Arabic-Indic, Persian or other digits, which the
  // rule reads as 0-9; `[0-9]*` would mark them invalid. `numeric` only picks the keypad.
  const inputProps =
    kind === 'pin'
      ? { inputMode: 'numeric' as const, autoComplete: 'off' }
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
                  count: k === 'pin' ? PIN_MIN_DIGITS : PASSPHRASE_MIN_CHARS,
                })}
              </small>
            </span>
          </label>
        ))}
      </fieldset>
      <Field
        label={t(`secret.new.${kind}`)}
        hint={t(`secret.rule.${kind}`, {
          count: kind === 'pin' ? PIN_MIN_DIGITS : PASSPHRASE_MIN_CHARS,
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
