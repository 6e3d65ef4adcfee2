import type { IpsSection, IpsSummary, SectionKind } from '../share/ips-read.ts';
import { useT, type Translator } from './i18n.ts';
import { ItemLine } from './ItemLine.tsx';

/** IPS requires these three; when a bundle leaves one out, the screen says "nothing stated". */
const ALWAYS: readonly SectionKind[] = ['allergies', 'medications', 'problems'];

/** Whether a summary is a social worker's: rights and administrative papers only. */
export function isAdministrative(summary: IpsSummary): boolean {
  return summary.audience === 'social';
}

/**
 * The summary's sections in the doctor's order, with the required ones always present;
 * an administrative share shows its own sections only.
 */
export function sectionsToShow(summary: IpsSummary): IpsSection[] {
  const missing = isAdministrative(summary)
    ? []
    : ALWAYS.filter((kind) => !summary.sections.some((s) => s.kind === kind)).map(
        (kind): IpsSection => ({ key: `missing-${kind}`, kind, title: null, items: [] }),
      );
  const order = [
    'allergies',
    'medications',
    'problems',
    'immunizations',
    'results',
    'coverage',
    'other',
  ];
  return [...summary.sections, ...missing].sort(
    (a, b) => order.indexOf(a.kind) - order.indexOf(b.kind),
  );
}

interface SectionViewProps {
  section: IpsSection;
  beside: string | null;
  /** The patient wrote the summary: an empty section was not communicated, never "none". */
  byPatient: boolean;
  /** h3 in the summary; h4 inside a health card, under its own heading. */
  level?: 3 | 4;
}

/** Why a section is empty, in words that never turn "not shared" into "none". */
function emptyText(section: IpsSection, byPatient: boolean, t: Translator['t']): string {
  if (byPatient) return t('section.notCommunicated');
  return section.emptyReason?.text ?? section.narrative ?? t('section.none');
}

/** One section: its heading, its lines, or why it is empty. */
export function SectionView({ section, beside, byPatient, level = 3 }: SectionViewProps) {
  const Heading = level === 3 ? 'h3' : 'h4';
  const { t } = useT();
  const title =
    section.kind === 'other' ? (section.title ?? t('section.other')) : t(`section.${section.kind}`);
  const id = `v-section-${section.key}`;
  return (
    <section className={`v-section v-section-${section.kind}`} aria-labelledby={id}>
      <Heading id={id} dir="auto">
        {title}
      </Heading>
      {section.items.length > 0 ? (
        <ul className="v-items">
          {section.items.map((item) => (
            <ItemLine key={item.key} item={item} beside={beside} byPatient={byPatient} />
          ))}
        </ul>
      ) : (
        <p className="v-empty" dir="auto">
          {emptyText(section, byPatient, t)}
        </p>
      )}
      {section.omitted !== undefined && section.omitted > 0 && (
        <p className="v-muted v-omitted">{t('section.omitted', { count: section.omitted })}</p>
      )}
    </section>
  );
}
