import { useTranslation } from 'react-i18next';
import { formatIsoDate } from '../../i18n/format.ts';
import { declareNone, withdrawNone } from '../../record/declarations.ts';
import type { DeclarableKind, Profile } from '../../record/types.ts';
import { Button } from '../../ui/Button.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useUnlocked } from '../session/session-context.ts';
import { useAction } from '../shell/useAction.ts';

interface NoneDeclarationProps {
  profile: Profile;
  kind: DeclarableKind;
  /** Only part of the record is read yet: the statement is shown, not made or taken back. */
  waiting?: boolean;
}

/**
 * An empty allergies, medicines or problems section: "nothing recorded", and the
 * patient's own statement "I have no known allergies" to make or take back. Only this
 * statement lets a doctor read "no known allergies"; an empty section alone never does.
 */
export function NoneDeclaration({ profile, kind, waiting = false }: NoneDeclarationProps) {
  const { t, i18n } = useTranslation(['summary', 'entry']);
  const { store, refresh } = useUnlocked();
  const { busy, failure, run } = useAction();
  const at = profile.declaredNone?.[kind];
  const save = (next: Profile) =>
    run(async () => {
      await store.saveProfile(next);
      await refresh();
    });
  if (at === undefined) {
    return (
      <div className="none-declaration">
        <p className="empty">{t(`entry:none.${kind}`)}</p>
        {!waiting && (
          <Button
            variant="secondary"
            icon="check"
            className="btn-small"
            disabled={busy}
            onClick={() => void save(declareNone(profile, kind, Date.now()))}
          >
            {t(`declaration.make.${kind}`)}
          </Button>
        )}
        {failure && <Notice tone="error">{failure}</Notice>}
      </div>
    );
  }
  const date = formatIsoDate(
    new Date(at).toISOString().slice(0, 10),
    i18n.resolvedLanguage ?? 'fr',
  );
  return (
    <div className="none-declaration is-declared">
      <p>
        <Icon name="check" />
        <strong>{t(`declaration.made.${kind}`)}</strong>{' '}
        <small>{t('declaration.on', { date })}</small>
      </p>
      {!waiting && (
        <Button
          variant="ghost"
          className="btn-small"
          disabled={busy}
          onClick={() => void save(withdrawNone(profile, kind, Date.now()))}
        >
          {t('declaration.withdraw')}
        </Button>
      )}
      {failure && <Notice tone="error">{failure}</Notice>}
    </div>
  );
}
