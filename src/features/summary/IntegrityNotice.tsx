import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../ui/Button.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useUnlocked } from '../session/session-context.ts';
import { useAction } from '../shell/useAction.ts';
import { useStoreQuery } from '../shell/useStoreQuery.ts';

/**
 * What the check at unlock found (record/integrity.ts), when the record is not as Carnet
 * left it: how many items changed outside Carnet, what to do, and, once read, a way to keep
 * the record as it is (asked twice). Nothing while the check runs, when all is well, or
 * when it could not run: the record opens either way.
 */
export function IntegrityNotice() {
  const { t } = useTranslation(['summary', 'common']);
  const { store } = useUnlocked();
  const check = useStoreQuery(useCallback(() => store.integrity.report(), [store]));
  const [confirming, setConfirming] = useState(false);
  const { busy, failure, run } = useAction();
  if (check.status !== 'done' || check.data.status === 'intact') return null;
  const report = check.data;
  const keep = () =>
    run(async () => {
      await store.integrity.accept();
      check.reload();
    });

  return (
    <div className="integrity-notice" data-testid="integrity-notice">
      <Notice tone="warning">
        <p>
          <strong>
            {report.status === 'changed'
              ? t('integrity.changed', { count: report.missing + report.added + report.changed })
              : t('integrity.unverifiable')}
          </strong>
        </p>
        <p>{t('integrity.advice')}</p>
        <div className="integrity-actions">
          <Link className="btn btn-secondary btn-small" to="/restore">
            <Icon name="paper" />
            <span>{t('integrity.restore')}</span>
          </Link>
          {!confirming && (
            <Button variant="ghost" className="btn-small" onClick={() => setConfirming(true)}>
              {t('integrity.keep')}
            </Button>
          )}
        </div>
        {confirming && (
          <div className="integrity-confirm">
            <p>{t('integrity.keepConfirm')}</p>
            <div className="integrity-actions">
              <Button
                variant="secondary"
                icon="check"
                className="btn-small"
                disabled={busy}
                onClick={() => void keep()}
              >
                {t('integrity.keepYes')}
              </Button>
              <Button
                variant="ghost"
                className="btn-small"
                disabled={busy}
                onClick={() => setConfirming(false)}
              >
                {t('common:cancel')}
              </Button>
            </div>
          </div>
        )}
        {failure && <Notice tone="error">{failure}</Notice>}
      </Notice>
    </div>
  );
}
