import { CryptoError } from '../../crypto/types.ts';
import { RecordError, type RecordErrorCode } from '../../record/errors.ts';
import { ShareError } from '../../share/errors.ts';
import type { PrefixedKey } from '../../i18n/keys.ts';

/** A key of the `errors` namespace, prefix included (`errors:wrong-secret`). */
export type ErrorKey = PrefixedKey<'errors'>;

/**
 * Record codes that public/locales does not word yet (the backup's, from commit cdc0f3c):
 * until it does, they show as their bare code. The one exception to the check below; delete
 * it when errors.json has them, and the compiler checks them like every other code.
 */
type Unworded = Extract<RecordErrorCode, 'cancelled' | `backup-${string}`>;

/**
 * The `errors:` translation key for any failure. Core layers throw typed codes; this is
 * the one place that turns them into words. Unknown failures get a generic message, and
 * their content (which could hold data) is never shown.
 */
export function errorKey(err: unknown): ErrorKey {
  if (err instanceof ShareError) return `errors:share.${err.code}`;
  if (err instanceof RecordError || err instanceof CryptoError)
    return `errors:${err.code as Exclude<typeof err.code, Unworded>}`;
  if (err instanceof DOMException && err.name === 'QuotaExceededError')
    return 'errors:storage-full';
  return 'errors:unexpected';
}
