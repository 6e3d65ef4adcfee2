import { CryptoError } from '../crypto/types.ts';
import type { CryptoErrorCode } from '../crypto/types.ts';
import { DbError } from '../db/errors.ts';
import type { DbErrorCode } from '../db/errors.ts';
import type { RecordErrorCode } from './errors.ts';
import { RecordError } from './errors.ts';

const FROM_CRYPTO: Record<CryptoErrorCode, RecordErrorCode> = {
  locked: 'locked',
  'wrong-secret': 'wrong-secret',
  'weak-secret': 'weak-secret',
  'bad-recovery-code': 'bad-recovery-code',
  // Changing the secret without the current one, outside a recovery-code unlock: the
  // current secret was not proved, which the patient hears as a wrong one.
  'secret-required': 'wrong-secret',
  'kdf-below-floor': 'corrupt',
  'bad-envelope': 'corrupt',
  'unsupported-version': 'corrupt',
  'crypto-unavailable': 'unavailable',
  'bad-input': 'unavailable',
};

const FROM_DB: Record<DbErrorCode, RecordErrorCode> = {
  'quota-exceeded': 'storage-full',
  unavailable: 'unavailable',
  'version-too-new': 'unavailable',
  // Retried by the index writer; only a tab that keeps losing the race ever sees it.
  conflict: 'unavailable',
  failed: 'unavailable',
};

/** Translates a lower layer's typed failure into the record layer's one error type. */
function toRecordError(err: unknown): RecordError {
  if (err instanceof RecordError) return err;
  if (err instanceof CryptoError) return new RecordError(FROM_CRYPTO[err.code]);
  if (err instanceof DbError) return new RecordError(FROM_DB[err.code]);
  return new RecordError('unavailable');
}

/** Runs `action`, rethrowing any failure as a RecordError. */
export async function recordOp<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (err) {
    throw toRecordError(err);
  }
}
