import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../../ui/Icon.tsx';
import { useUnlocked } from '../session/session-context.ts';

/** Whose record is on screen: the patient or one of their children. */
export function ProfileSwitcher() {
  const { t } = useTranslation('summary');
  const { state, activeProfileId, selectProfile } = useUnlocked();
  return (
    <nav className="profile-switcher" aria-label={t('profiles.label')}>
      <ul>
        {state.profiles.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className={`profile-chip${p.id === activeProfileId ? ' is-current' : ''}`}
              aria-pressed={p.id === activeProfileId}
              onClick={() => selectProfile(p.id)}
            >
              <Icon name="person" />
              <span>{p.name}</span>
            </button>
          </li>
        ))}
        <li>
          <Link className="profile-chip profile-add" to="/profile/new">
            <Icon name="add" />
            <span>{t('profiles.addChild')}</span>
          </Link>
        </li>
      </ul>
    </nav>
  );
}
