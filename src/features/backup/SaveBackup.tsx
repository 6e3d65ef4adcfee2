import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useSession } from '../session/session-context.ts';
import { errorKey } from '../shell/errors.ts';
import { useBackup } from './backup-context.ts';
import { isCancelled } from './backup-errors.ts';
import { canShareFile, downloadFile, shareFile } from './deliver.ts';

type SaveState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'saving'; readonly percent: number }
  | { readonly phase: 'ready'; readonly file: File; readonly at: number }
  | { readonly phase: 'done'; readonly how: 'shared' | 'downloaded'; readonly name: string }
  | { readonly phase: 'cancelled' }
  | { readonly phase: 'failed'; readonly message: string };

/**
 * "Save a backup": writes the whole record as one file (progress, cancel), then hands it
 * over with the share sheet or as a download, and remembers when (lastFileAt).
 */
export function SaveBackup() {
  const { t } = useTranslation(['backup', 'errors']);
  const { store } = useSession();
  const { sync } = useBackup();
  const [state, setState] = useState<SaveState>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);
  // Leaving the screen stops a backup under way.
  useEffect(() => () => abort.current?.abort(), []);

  const handOver = async (file: File, at: number, how: 'share' | 'download') => {
    let result = how === 'share' ? await shareFile(file) : downloadFile(file);
    if (result === 'unsupported') result = downloadFile(file);
    if (result === 'dismissed') return setState({ phase: 'ready', file, at });
    await sync.fileSaved(at).catch(() => undefined);
    setState({ phase: 'done', how: result, name: file.name });
  };

  const start = async () => {
    const controller = new AbortController();
    abort.current = controller;
    const at = Date.now();
    let shown = 0;
    setState({ phase: 'saving', percent: 0 });
    try {
      const file = await store.backup.save({
        now: at,
        signal: controller.signal,
        onProgress: (done, total) => {
          const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
          if (percent !== shown) setState({ phase: 'saving', percent: (shown = percent) });
        },
      });
      // Cancelled after the last part was written: still no file for the patient.
      if (controller.signal.aborted) return setState({ phase: 'cancelled' });
      abort.current = null;
      await handOver(file, at, canShareFile(file) ? 'share' : 'download');
    } catch (err) {
      setState(
        isCancelled(err) || controller.signal.aborted
          ? { phase: 'cancelled' }
          : { phase: 'failed', message: t(errorKey(err)) },
      );
    } finally {
      if (abort.current === controller) abort.current = null;
    }
  };

  return (
    <div className="backup-save">
      {state.phase === 'saving' ? (
        <div className="backup-progress">
          <p role="status">{t('save.working')}</p>
          <progress max={100} value={state.percent} aria-label={t('save.progress')} />
          <Button variant="secondary" icon="back" onClick={() => abort.current?.abort()}>
            {t('save.cancel')}
          </Button>
        </div>
      ) : (
        <Button icon="paper" onClick={() => void start()}>
          {t('save.start')}
        </Button>
      )}
      <p className="field-hint">{t('save.hint')}</p>
      {state.phase === 'ready' && (
        <div className="backup-ready">
          <p>{t('save.ready', { name: state.file.name })}</p>
          <div className="form-actions">
            {canShareFile(state.file) && (
              <Button icon="forward" onClick={() => void handOver(state.file, state.at, 'share')}>
                {t('save.send')}
              </Button>
            )}
            <Button
              variant="secondary"
              icon="paper"
              onClick={() => void handOver(state.file, state.at, 'download')}
            >
              {t('save.download')}
            </Button>
          </div>
        </div>
      )}
      {state.phase === 'done' && (
        <Notice tone="success">{t(`save.${state.how}`, { name: state.name })}</Notice>
      )}
      {state.phase === 'cancelled' && <Notice>{t('save.cancelled')}</Notice>}
      {state.phase === 'failed' && <Notice tone="error">{state.message}</Notice>}
    </div>
  );
}
