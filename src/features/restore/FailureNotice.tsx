import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import type { RestoreFlowState } from './useRestore.ts';

/**
 * Why the last step failed, in words that say nothing changed on this phone. On a phone
 * that holds a record, after a refused check, also how to get back to that record: it is
 * unchanged, but locked (see useRestore), and opens again with its own PIN.
 */
export function FailureNotice({ flow }: { flow: RestoreFlowState }) {
  const { t } = useTranslation(['restore', 'errors']);
  if (!flow.failure) return null;
  return (
    <>
      <Notice tone="error">{t(flow.failure)}</Notice>
      {flow.touched && (
        <div className="restore-kept">
          <Notice tone="info">{t('kept')}</Notice>
          <Button icon="lock" variant="secondary" onClick={() => void flow.leave()}>
            {t('reopen')}
          </Button>
        </div>
      )}
    </>
  );
}
