import { CryptoError } from '../../crypto/types.ts';
import { RecordError } from '../../record/errors.ts';
import { ShareError } from '../../share/errors.ts';
import type { PrefixedKey } from '../../i18n/keys.ts';

/** A key of the `errors` namespace, prefix included (`errors:wrong-secret`). */
export type ErrorKey = PrefixedKey<'errors'>;

/**
 * The `errors:` translation key for any failure. Core layers throw typed codes; this is
 * the one place that turns them into words. Unknown failures get a generic message, and
 * their content (which could hold data) is never shown.
 */
export function errorKey(err: unknown): ErrorKey {
  if (err instanceof ShareError) return `errors:share.${err.code}`;
  if (err instanceof RecordError || err instanceof CryptoError) return `errors:${err.code}`;
  if (err instanceof DOMException && err.name === 'QuotaExceededError')
    return 'errors:storage-full';
  return 'errors:unexpected';
}
