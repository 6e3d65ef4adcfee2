import { useTranslation } from 'react-i18next';
import type { Audience } from '../../record/shares.ts';
import { AUDIENCES } from '../../record/shares.ts';
import type { IconName } from '../../ui/Icon.tsx';
import { Icon } from '../../ui/Icon.tsx';

const AUDIENCE_ICONS: Record<Audience, IconName> = {
  doctor: 'clinician',
  social: 'right',
  custom: 'edit',
};

/** Who a share is for: a doctor, a social worker, or the patient's own choice. */
export function AudienceChoice({
  audience,
  onChoose,
}: {
  audience: Audience;
  onChoose: (audience: Audience) => void;
}) {
  const { t } = useTranslation('share');
  return (
    <fieldset className="choice">
      <legend>{t('who.legend')}</legend>
      {AUDIENCES.map((a) => (
        <label key={a} className="choice-option">
          <input
            type="radio"
            name="audience"
            checked={audience === a}
            onChange={() => onChoose(a)}
          />
          <Icon name={AUDIENCE_ICONS[a]} />
          <span>
            <strong>{t(`who.${a}`)}</strong>
            <small>{t(`who.${a}Hint`)}</small>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
