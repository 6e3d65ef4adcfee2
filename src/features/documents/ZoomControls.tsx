import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon.tsx';

/** Zoom steps, as a multiple of the screen's width. */
export const ZOOM_STEPS = [1, 1.5, 2, 3, 4] as const;

/** Zoom out / in buttons; the page pans by scrolling (or dragging with a finger). */
export function ZoomControls({ step, onStep }: { step: number; onStep: (step: number) => void }) {
  const { t } = useTranslation('documents');
  return (
    <div className="doc-zoom">
      <button
        type="button"
        className="btn btn-secondary btn-small"
        disabled={step <= 0}
        onClick={() => onStep(step - 1)}
      >
        <Icon name="zoomOut" />
        <span>{t('view.zoomOut')}</span>
      </button>
      <span aria-live="polite">{Math.round((ZOOM_STEPS[step] ?? 1) * 100)} %</span>
      <button
        type="button"
        className="btn btn-secondary btn-small"
        disabled={step >= ZOOM_STEPS.length - 1}
        onClick={() => onStep(step + 1)}
      >
        <Icon name="zoomIn" />
        <span>{t('view.zoomIn')}</span>
      </button>
    </div>
  );
}
