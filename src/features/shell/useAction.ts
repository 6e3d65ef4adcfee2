import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorKey } from './errors.ts';

/**
 * One user action at a time (save, unlock, create...): `busy` while it runs, and on
 * failure a translated message in `failure`, with nothing typed lost. Resolves to whether
 * the action succeeded; `onError` sees the failure first (e.g. to start a countdown).
 */
export function useAction() {
  const { t } = useTranslation(['errors']);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();

  const run = useCallback(
    async (action: () => Promise<void>, onError?: (err: unknown) => void): Promise<boolean> => {
      setBusy(true);
      setFailure(undefined);
      try {
        await action();
        return true;
      } catch (err) {
        onError?.(err);
        setFailure(t(errorKey(err)));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );

  return { busy, failure, setFailure, run };
}
