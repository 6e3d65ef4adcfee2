import { formatIsoDate } from '../i18n/format.ts';
import { directionOf } from '../i18n/languages.ts';
import type { DoseLine, IpsItem } from '../share/ips-items.ts';
import { amount, isOneOf, languageName, translationIn } from './format.ts';
import { useT, type Translator, type ViewerKey } from './i18n.ts';

/** Statuses worth saying; "active" and "final" are the default and stay unsaid. */
const SAID_STATUSES = new Set([
  'recurrence',
  'relapse',
  'inactive',
  'remission',
  'resolved',
  'completed',
  'stopped',
  'on-hold',
  'not-taken',
  'not-done',
  'entered-in-error',
  'intended',
  'preliminary',
  'amended',
  'cancelled',
] as const);
const CRITICALITIES = new Set(['high', 'low', 'unable-to-assess'] as const);
const UNITS = new Set(['h', 'd', 'wk', 'mo', 'a'] as const);

function doseText(d: DoseLine, { t, lng }: Translator): string {
  if (d.text) return d.text;
  const parts: string[] = [];
  if (d.dose) parts.push(amount(d.dose, lng));
  if (d.route) parts.push(d.route.text);
  const f = d.frequency;
  if (f) {
    const unit = isOneOf(UNITS, f.unit) ? t(`item.unit.${f.unit}`) : f.unit;
    parts.push(
      f.period === 1
        ? t('item.timesPer', { count: f.count, unit })
        : t('item.timesEvery', { count: f.count, period: f.period, unit }),
    );
  }
  if (d.asNeeded) parts.push(t('item.asNeeded'));
  return parts.join(', ');
}

/** Types whose date is when something began (onset, start): "since". */
const SINCE_TYPES = new Set(['AllergyIntolerance', 'Condition', 'MedicationStatement']);

/** "since 2010", "on 2 Oct 2026", or "in March 2024" for a date without its day. */
function datePhrase(item: IpsItem): ViewerKey {
  if (SINCE_TYPES.has(item.resourceType)) return 'item.since';
  return (item.date?.length ?? 0) >= 10 ? 'item.on' : 'item.in';
}

/**
 * Code systems by the names doctors know them. A health card made for a QR code keeps
 * codes only (no display, no text): "CVX 207" says what "207" is.
 */
const SYSTEM_NAMES: Readonly<Record<string, string>> = {
  'http://hl7.org/fhir/sid/cvx': 'CVX',
  'http://loinc.org': 'LOINC',
  'http://snomed.info/sct': 'SNOMED CT',
  'http://hl7.org/fhir/sid/icd-10': 'ICD-10',
  'http://www.whocc.no/atc': 'ATC',
};

/** A label that is only a code, named with its system when it is a known one. */
function labelText(label: IpsItem['label']): string | undefined {
  if (!label) return undefined;
  const system = label.code?.system && SYSTEM_NAMES[label.code.system];
  return system && label.text === label.code?.code ? `${system} ${label.text}` : label.text;
}

/** The item's name: our own words for IPS "absent/unknown" codes, otherwise as written. */
function itemTitle(item: IpsItem, tr: Translator, byPatient = false): string {
  if (item.absent) {
    const code = item.label?.code?.code ?? 'other';
    // In the patient's own summary, "no information" means the patient did not say.
    if (byPatient && code.endsWith('-info')) return tr.t('absent.notCommunicated');
    // A cast: the code is the bundle's, any string. One without a label of ours comes back
    // as its key, and the line shows the bundle's own text instead.
    const own = tr.t(`absent.${code}` as ViewerKey);
    return own === `absent.${code}` ? (item.label?.text ?? tr.t('absent.other')) : own;
  }
  return labelText(item.label) ?? tr.t('item.unnamed', { type: item.resourceType });
}

interface ItemLineProps {
  item: IpsItem;
  /** The patient's language to show beside the item, when the toggle is on. */
  beside: string | null;
  /** The patient wrote the summary (see IpsSummary.authoredByPatient). */
  byPatient?: boolean;
}

/** "texte du patient, en arabe": whose words, in which language. */
function writtenBy(lang: string | undefined, byPatient: boolean, { t, lng }: Translator): string {
  if (!byPatient)
    return lang ? t('item.textIn', { language: languageName(lang, lng) }) : t('item.freeText');
  return lang
    ? t('item.patientTextIn', { language: languageName(lang, lng) })
    : t('item.patientText');
}

/** One line of a section: name, severity, dose or value, date, and the patient's words. */
export function ItemLine({ item, beside, byPatient = false }: ItemLineProps) {
  const tr = useT();
  const { t, lng } = tr;
  const high = item.criticality === 'high';
  const details = [
    item.identifier ? t('item.memberNumber', { number: item.identifier }) : null,
    item.until ? t('item.validUntil', { date: formatIsoDate(item.until, lng) }) : null,
    item.value ? amount(item.value, lng) : null,
    item.interpretation?.text ?? null,
    ...(item.dosage ?? []).map((d) => doseText(d, tr)),
    item.status && isOneOf(SAID_STATUSES, item.status) ? t(`item.status.${item.status}`) : null,
    item.date ? t(datePhrase(item), { date: formatIsoDate(item.date, lng) }) : null,
  ].filter((x): x is string => Boolean(x));
  const translation = beside && !item.absent ? translationIn(item.label, beside) : undefined;
  return (
    <li className={`v-item${high ? ' is-high' : ''}${item.absent ? ' is-absent' : ''}`}>
      <span
        className="v-item-title"
        dir="auto"
        {...(item.label?.freeText && item.label.lang ? { lang: item.label.lang } : {})}
      >
        {itemTitle(item, tr, byPatient)}
      </span>
      {item.label?.freeText && (
        <span className="v-tag">{writtenBy(item.label.lang, byPatient, tr)}</span>
      )}
      {item.criticality && isOneOf(CRITICALITIES, item.criticality) && (
        <span className={`v-tag v-crit-${item.criticality}`}>
          {high && <span aria-hidden="true">⚠ </span>}
          {t(`item.criticality.${item.criticality}`)}
        </span>
      )}
      {translation && beside && (
        <span className="v-translation" lang={beside} dir={directionOf(beside)}>
          {translation}
        </span>
      )}
      {item.label?.note && (
        <span className="v-item-note" dir="auto">
          {item.label.note}
        </span>
      )}
      {details.length > 0 && <span className="v-item-details">{details.join(' · ')}</span>}
      {item.reactions && (
        <span className="v-item-details" dir="auto">
          {t('item.reaction', { list: item.reactions.map((r) => r.text).join(', ') })}
        </span>
      )}
      {item.note && (
        <span className="v-item-note" dir="auto">
          {item.note}
        </span>
      )}
      {item.notes?.map((note, i) => (
        <span key={i} className="v-item-note v-patient-words">
          <span className="v-tag">{writtenBy(note.lang, byPatient, tr)}</span>{' '}
          <span dir="auto" {...(note.lang ? { lang: note.lang } : {})}>
            {note.text}
          </span>
        </span>
      ))}
    </li>
  );
}
