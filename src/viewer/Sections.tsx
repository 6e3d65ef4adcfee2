import type { IpsSection, IpsSummary, SectionKind } from '../share/ips-read.ts';
import { useT } from './i18n.ts';
import { ItemLine } from './ItemLine.tsx';

/** IPS requires these three; when a bundle leaves one out, the screen says "nothing stated". */
const ALWAYS: readonly SectionKind[] = ['allergies', 'medications', 'problems'];

/** The summary's sections in the doctor's order, with the required ones always present. */
export function sectionsToShow(summary: IpsSummary): IpsSection[] {
  const missing = ALWAYS.filter((kind) => !summary.sections.some((s) => s.kind === kind)).map(
    (kind): IpsSection => ({ key: `missing-${kind}`, kind, title: null, items: [] }),
  );
  const order = ['allergies', 'medications', 'problems', 'immunizations', 'results', 'other'];
  return [...summary.sections, ...missing].sort(
    (a, b) => order.indexOf(a.kind) - order.indexOf(b.kind),
  );
}

interface SectionViewProps {
  section: IpsSection;
  beside: string | null;
}

/** One section: its heading, its lines, or why it is empty. */
export function SectionView({ section, beside }: SectionViewProps) {
  const { t } = useT();
  const title =
    section.kind === 'other' ? (section.title ?? t('section.other')) : t(`section.${section.kind}`);
  const id = `v-section-${section.key}`;
  return (
    <section className={`v-section v-section-${section.kind}`} aria-labelledby={id}>
      <h3 id={id} dir="auto">
        {title}
      </h3>
      {section.items.length > 0 ? (
        <ul className="v-items">
          {section.items.map((item) => (
            <ItemLine key={item.key} item={item} beside={beside} />
          ))}
        </ul>
      ) : (
        <p className="v-empty" dir="auto">
          {section.emptyReason?.text ?? section.narrative ?? t('section.none')}
        </p>
      )}
    </section>
  );
}
