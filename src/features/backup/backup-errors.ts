import type { PrefixedKey } from '../../i18n/keys.ts';
import { RecordError } from '../../record/errors.ts';
import { ShareError } from '../../share/errors.ts';
import type { ErrorKey } from '../shell/errors.ts';
import { errorKey } from '../shell/errors.ts';

/** A key of the `backup` namespace, prefix included. */
type BackupKey = PrefixedKey<'backup'>;

/**
 * Why a relay copy failed, in words about the backup: the relay client's codes are worded
 * for shares in errors.json ("too big for a share"), which would mislead here. Anything
 * else (storage full, vault locked) keeps its general wording.
 */
export function relayFailureKey(err: unknown): BackupKey | ErrorKey {
  if (err instanceof ShareError) {
    switch (err.code) {
      case 'offline':
        return 'backup:relay.error.offline';
      case 'rate-limited':
        return 'backup:relay.error.rateLimited';
      case 'too-large':
        return 'backup:relay.error.tooLarge';
      default:
        return 'backup:relay.error.network';
    }
  }
  return errorKey(err);
}

/** True when the same copy would be refused again: wait for a change before retrying. */
export function isPermanentRelayFailure(err: unknown): boolean {
  return err instanceof ShareError && err.code === 'too-large';
}

/** True when the patient stopped the operation (nothing is wrong; say so, not an error). */
export function isCancelled(err: unknown): boolean {
  return err instanceof RecordError && err.code === 'cancelled';
}

/**
 * The message for a recovery code typed to turn the relay copy on: a code that is well
 * formed but opens another record gets the backup's own words (it may be an old sheet).
 */
export function codeFailureKey(err: unknown): BackupKey | ErrorKey {
  if (err instanceof RecordError && err.code === 'wrong-secret') return 'backup:relay.wrongCode';
  return errorKey(err);
}
