import { errorKey, type ErrorKey } from '../shell/errors.ts';
import { ImportError } from './import-error.ts';

/** The `errors:` key for a failure on the documents screens (import refusals included). */
export function documentErrorKey(err: unknown): ErrorKey {
  if (err instanceof ImportError) return `errors:${err.code}`;
  return errorKey(err);
}
