import { useTranslation } from 'react-i18next';
import { CLINICIAN_LANGUAGE } from '../../i18n/languages.ts';
import { Icon } from '../../ui/Icon.tsx';
import { useHelperMode } from './helper-mode.ts';
import './helper.css';

type HelperStep = 'intro' | 'secret' | 'device' | 'recovery' | 'profile' | 'papers' | 'handover';

/**
 * The helper's instruction for this step, always in French (the social worker's language),
 * whatever language the patient reads the screen in. Nothing outside the helper's path.
 */
interface HelperLineProps {
  step: HelperStep;
  /** The patient's name, for the lines that use it. */
  name?: string;
  /** Larger, for the hand-over, where it is the helper's last word. */
  large?: boolean;
}

export function HelperLine({ step, name, large }: HelperLineProps) {
  const helping = useHelperMode();
  const { t } = useTranslation('helper', { lng: CLINICIAN_LANGUAGE });
  if (!helping) return null;
  return (
    <p
      className={large ? 'helper-line is-large' : 'helper-line'}
      lang={CLINICIAN_LANGUAGE}
      dir="ltr"
      data-testid="helper-line"
    >
      <Icon name="person" />
      <span>
        <strong>{t('forHelper')}</strong> {t(`line.${step}`, { name })}
      </span>
    </p>
  );
}
