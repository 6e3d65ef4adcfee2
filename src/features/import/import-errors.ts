import type { TFunction } from 'i18next';
import { ShareError } from '../../share/errors.ts';
import { UnreachableServer } from '../../share/open-link.ts';

/**
 * An import's failure in the patient's words. Each one says that nothing changed: opening
 * and reading write nothing, and keeping is all or nothing (keep-import.ts).
 */
export function importFailure(t: TFunction<'import'>, err: unknown): string {
  if (err instanceof UnreachableServer) return t('error.unreachable', { host: err.host });
  if (err instanceof ShareError) {
    const left = err.details.remainingAttempts;
    if (err.code === 'wrong-passcode' && left !== undefined) {
      return t('error.wrong-passcode-left', { count: left });
    }
    return t(`error.${err.code}`);
  }
  return t('error.save');
}
