import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Icon } from '../../ui/Icon.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { useUnlocked } from '../session/session-context.ts';
import { ProfileForm } from './ProfileForm.tsx';

/** Add a child (or the patient, if missing), or edit a profile. */
export function ProfileScreen() {
  const { t } = useTranslation(['summary', 'common']);
  const { id } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const { state, refresh, selectProfile } = useUnlocked();
  const existing = id ? state.profiles.find((p) => p.id === id) : undefined;
  const relation = search.get('self') ? 'self' : 'child';
  return (
    <Screen
      title={
        existing ? existing.name : t(relation === 'self' ? 'profiles.addSelf' : 'profiles.addChild')
      }
      start={
        <Link className="icon-button" to="/" aria-label={t('common:back')}>
          <Icon name="back" />
        </Link>
      }
    >
      <ProfileForm
        relation={relation}
        existing={existing}
        onSaved={async (profile) => {
          await refresh();
          selectProfile(profile.id);
          await navigate('/');
        }}
      />
    </Screen>
  );
}
