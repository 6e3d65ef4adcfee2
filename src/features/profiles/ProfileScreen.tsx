import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Screen } from '../../ui/Screen.tsx';
import { BackLink } from '../shell/BackLink.tsx';
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
      start={<BackLink to="/" />}
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
