import { useTranslation } from 'react-i18next';
import type { ImportCandidate, ImportPaper } from '../../share/import-map.ts';
import type { CardCheck } from '../../share/health-card-verify.ts';
import { Icon } from '../../ui/Icon.tsx';
import { SensitiveTag } from '../../ui/SensitiveTag.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { entryDetailLine, entryTitle } from '../entries/entry-text.ts';
import { KIND_ICONS } from '../summary/kind-icons.ts';
import type { Entry } from '../../record/types.ts';

interface ImportPreviewProps {
  items: readonly ImportCandidate[];
  papers: readonly ImportPaper[];
  picked: ReadonlySet<string>;
  onToggle: (key: string, on: boolean) => void;
  /** Signature checks of the health cards it held, by issuer. */
  cards: readonly { issuer: string; check: CardCheck }[];
}

/**
 * Every item of an import, in the patient's language (coded ones by their vocabulary
 * label, the rest as written), each with a checkbox. Codes Carnet does not know are said,
 * with the code, so the patient knows they are kept as they came.
 */
export function ImportPreview({ items, papers, picked, onToggle, cards }: ImportPreviewProps) {
  const { t, i18n } = useTranslation(['import', 'entry', 'vocab', 'summary']);
  const lng = i18n.resolvedLanguage ?? 'fr';
  return (
    <>
      {cards.map(({ issuer, check }) => (
        <Notice
          key={issuer}
          tone={
            check.state === 'invalid' ? 'error' : check.state === 'verified' ? 'info' : 'warning'
          }
        >
          {check.state === 'verified'
            ? t('preview.cardVerified', { issuer })
            : check.state === 'invalid'
              ? t('preview.cardInvalid', { issuer })
              : t('preview.cardUnverified', { issuer })}
        </Notice>
      ))}
      <ul className="import-items" aria-label={t('preview.title')}>
        {items.map(({ key, entry, unmapped }) => {
          const shown = { ...entry, id: key, profileId: '', createdAt: 0, updatedAt: 0 } as Entry;
          const detail = entryDetailLine(shown, t, lng);
          return (
            <li key={key}>
              <label className={`check-row${entry.sensitive ? ' check-sensitive' : ''}`}>
                <input
                  type="checkbox"
                  checked={picked.has(key)}
                  onChange={(e) => onToggle(key, e.target.checked)}
                />
                <Icon name={KIND_ICONS[entry.details.kind]} />
                <span>
                  <span dir="auto">{entryTitle(shown, t)}</span>
                  <small>{t(`entry:kinds.${entry.details.kind}`)}</small>
                  {detail && <small dir="auto">{detail}</small>}
                  {/* The code itself is kept for the doctor, never shown to the patient. */}
                  {unmapped && entry.term && <small>{t('preview.unknownCode')}</small>}
                  {entry.sensitive && <SensitiveTag label={t('preview.sensitive')} />}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      {papers.length > 0 && (
        <>
          <h3>{t('preview.papers')}</h3>
          <ul className="import-items">
            {papers.map((p) => (
              <li key={p.key}>
                <label className="check-row">
                  <input
                    type="checkbox"
                    checked={picked.has(p.key)}
                    onChange={(e) => onToggle(p.key, e.target.checked)}
                  />
                  <Icon name="paper" />
                  <span>
                    <span dir="auto">{p.title ?? t('preview.untitled')}</span>
                    <small>{t('preview.pages', { count: p.files.length })}</small>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
