import type { PrefixedKey } from '../../i18n/keys.ts';
import { ShareError } from '../../share/errors.ts';
import type { ErrorKey } from '../shell/errors.ts';
import { errorKey } from '../shell/errors.ts';

/** What the restore screens say when something fails: an `errors:` or a `restore:` key. */
export type RestoreMessage = ErrorKey | PrefixedKey<'restore'>;

/**
 * The words for a failed look-up or download of the relay copy. The relay's answers are
 * those of a share link (ShareError), but the words must be a backup's: "no copy for this
 * code", not "ask the patient for a new link". Anything else as errorKey words it.
 */
export function relayFailureKey(err: unknown): RestoreMessage {
  if (err instanceof ShareError) {
    if (err.code === 'inactive') return 'restore:relay.none';
    if (err.code === 'offline') return 'restore:relay.offline';
    if (err.code === 'network') return 'restore:relay.network';
  }
  return errorKey(err);
}
