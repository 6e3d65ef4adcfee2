import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ShareError } from '../../share/errors.ts';
import { hasFlag, parseShlink } from '../../share/shlink.ts';
import { Button } from '../../ui/Button.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { CardGrewNotice } from '../emergency/CardGrewNotice.tsx';
import { BackLink } from '../shell/BackLink.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { importFailure } from './import-errors.ts';
import { PinStep } from './PinStep.tsx';
import { PreviewStep } from './PreviewStep.tsx';
import { StartStep } from './StartStep.tsx';
import { useImport, type Preview } from './useImport.ts';
import './import.css';

type Step =
  | { name: 'start' }
  | { name: 'pin'; link: string }
  | { name: 'preview'; shown: Preview; picked: ReadonlySet<string> }
  | { name: 'done'; count: number; cardGrew: boolean }
  | { name: 'export' };

/** Everything starts ticked except sensitive items: the patient unticks what to leave. */
function firstPicks(shown: Preview): Set<string> {
  const { items, papers } = shown.opened.batch;
  return new Set([
    ...items.filter((i) => !i.entry.sensitive).map((i) => i.key),
    ...papers.map((p) => p.key),
  ]);
}

/**
 * "Import or export": bring in what others give (a SMART Health Link pasted or scanned, a
 * FHIR file, a health card file), see every item in one's own language and keep what one
 * picks; or export one's summary as a standard IPS file. Nothing is written before the
 * patient confirms the picks.
 */
export function ImportScreen() {
  const { t } = useTranslation('import');
  const [step, setStep] = useState<Step>({ name: 'start' });
  const { busy, failure, setFailure, openLink, openFile, keep } = useImport();
  const restart = () => {
    setFailure(undefined);
    setStep({ name: 'start' });
  };
  const show = (shown: Preview | undefined) => {
    if (shown) setStep({ name: 'preview', shown, picked: firstPicks(shown) });
  };

  /** A `P` link asks for its code first; any other opens at once. */
  function startLink(text: string) {
    setFailure(undefined);
    try {
      if (hasFlag(parseShlink(text), 'P')) return setStep({ name: 'pin', link: text });
    } catch (err) {
      const shown = err instanceof ShareError ? err : new ShareError('malformed-link');
      return setFailure(importFailure(t, shown));
    }
    void openLink(text).then(show);
  }

  let content;
  switch (step.name) {
    case 'start':
      content = (
        <StartStep
          busy={busy}
          failure={failure}
          onLink={startLink}
          onFile={(file) => void openFile(file).then(show)}
          onExport={() => setStep({ name: 'export' })}
        />
      );
      break;
    case 'pin':
      content = (
        <PinStep
          busy={busy}
          failure={failure}
          onOpen={(pin) => void openLink(step.link, pin).then(show)}
          onCancel={restart}
        />
      );
      break;
    case 'preview':
      content = (
        <PreviewStep
          shown={step.shown}
          picked={step.picked}
          busy={busy}
          failure={failure}
          onToggle={(key, on) => {
            const picked = new Set(step.picked);
            if (on) picked.add(key);
            else picked.delete(key);
            setStep({ ...step, picked });
          }}
          onKeep={() =>
            void keep(step.shown, step.picked).then((kept) => {
              if (kept !== undefined) setStep({ name: 'done', ...kept });
            })
          }
          onCancel={restart}
        />
      );
      break;
    case 'done':
      content = (
        <>
          <Notice tone="info">{t('done.message', { count: step.count })}</Notice>
          {step.cardGrew && <CardGrewNotice />}
          <Link className="btn btn-primary" to="/">
            <Icon name="check" />
            <span>{t('done.back')}</span>
          </Link>
          <Button icon="add" variant="secondary" onClick={restart}>
            {t('done.another')}
          </Button>
        </>
      );
      break;
    case 'export':
      content = <ExportPanel onClose={restart} />;
      break;
  }
  const title = step.name === 'preview' ? t('preview.title') : t('title');
  return (
    <Screen title={title} start={<BackLink to="/" />}>
      {content}
    </Screen>
  );
}
