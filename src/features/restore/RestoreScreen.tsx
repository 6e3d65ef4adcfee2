import { useNavigate } from 'react-router';
import { useUnlocked } from '../session/session-context.ts';
import { RestoreFlow } from './RestoreFlow.tsx';

/**
 * `/restore`, reached from the settings: a backup in place of the record this phone holds.
 * The flow asks before replacing it; until then the record is untouched.
 */
export function RestoreScreen() {
  // Only while unlocked: the record's routes exist only then.
  useUnlocked();
  const navigate = useNavigate();
  return (
    <RestoreFlow
      mode="replace"
      onExit={() => void navigate('/settings')}
      onDone={() => void navigate('/', { replace: true })}
    />
  );
}
