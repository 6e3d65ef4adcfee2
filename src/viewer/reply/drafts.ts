import type {
  DocumentType,
  Dosage,
  DoseUnit,
  ReplyFileType,
  ReplyItem,
  RightScheme,
} from '../../share/reply-model.ts';
import type { Term } from '../../vocab/types.ts';
import type { ReplyStrings } from './strings.ts';

/**
 * The form's items while the doctor types them: every field a string, as inputs hold
 * it, turned into a ReplyItem (or the reason it is not one yet) only to preview and send.
 */

/** Dose units the form offers (record/types.ts DOSE_UNITS has a few more). */
export const FORM_UNITS = [
  'mg',
  'g',
  'µg',
  'mL',
  'IU',
  'tablet',
  'capsule',
  'drop',
  'puff',
  'sachet',
] as const;

export const FORM_DOCUMENT_TYPES = {
  medical: ['prescription', 'hospital-letter', 'lab-result', 'certificate'],
  admin: ['insurance-rights', 'admin-other'],
} as const satisfies Record<string, readonly DocumentType[]>;

export type Draft =
  | {
      kind: 'medication';
      id: number;
      term?: Term;
      amount: string;
      unit: DoseUnit;
      times: string;
      per: 'day' | 'week';
      days: string;
    }
  | { kind: 'vaccination'; id: number; term?: Term; lot: string; date: string }
  | { kind: 'result'; id: number; term?: Term; value: string; unit: string; date: string }
  | { kind: 'note'; id: number; text: string; date: string; appointment: boolean }
  | {
      kind: 'right';
      id: number;
      scheme: RightScheme;
      /** Words naming the paper: required for `other`, optional beside the others. */
      text: string;
      number: string;
      issuer: string;
      validFrom: string;
      validUntil: string;
    }
  | {
      kind: 'document';
      id: number;
      title: string;
      type: DocumentType;
      file?: { contentType: ReplyFileType; data: Uint8Array; cleaned: boolean };
    };

export type DraftKind = Draft['kind'];

const today = () => new Date().toISOString().slice(0, 10);

/** A fresh, empty draft of `kind`. */
export function newDraft(kind: DraftKind | 'appointment', id: number, admin: boolean): Draft {
  switch (kind) {
    case 'medication':
      return { kind, id, amount: '', unit: 'mg', times: '', per: 'day', days: '' };
    case 'vaccination':
      return { kind, id, lot: '', date: today() };
    case 'result':
      return { kind, id, value: '', unit: '', date: today() };
    case 'note':
      return { kind, id, text: '', date: '', appointment: false };
    case 'appointment':
      return { kind: 'note', id, text: '', date: '', appointment: true };
    case 'right':
      return {
        kind,
        id,
        scheme: 'AME',
        text: '',
        number: '',
        issuer: '',
        validFrom: '',
        validUntil: '',
      };
    case 'document':
      return { kind, id, title: '', type: admin ? 'insurance-rights' : 'hospital-letter' };
  }
}

const positive = (s: string): number | undefined => {
  const n = Number(s.replace(',', '.'));
  return s.trim() !== '' && Number.isFinite(n) && n > 0 ? n : undefined;
};
const whole = (s: string): number | undefined => {
  const n = positive(s);
  return n !== undefined && Number.isInteger(n) ? n : undefined;
};
const termOf = (t: Term) => ({ system: t.system, code: t.code, key: t.key });

/** The draft as a reply item, or null while something it needs is missing. */
export function itemOf(d: Draft): ReplyItem | null {
  switch (d.kind) {
    case 'medication': {
      if (!d.term) return null;
      const amount = positive(d.amount);
      const times = whole(d.times);
      const days = whole(d.days);
      const dosage: Dosage = {
        ...(amount !== undefined ? { amount, unit: d.unit } : {}),
        ...(times !== undefined ? { frequency: { per: d.per, times } } : {}),
      };
      return {
        kind: 'medication',
        term: termOf(d.term),
        ...(Object.keys(dosage).length ? { dosage } : {}),
        ...(days !== undefined ? { days } : {}),
      };
    }
    case 'vaccination':
      if (!d.term || !d.date) return null;
      return {
        kind: 'vaccination',
        term: termOf(d.term),
        date: d.date,
        ...(d.lot.trim() ? { lot: d.lot.trim() } : {}),
      };
    case 'result':
      if (!d.term || !d.value.trim()) return null;
      return {
        kind: 'result',
        term: termOf(d.term),
        value: d.value.trim(),
        ...(d.unit.trim() ? { unit: d.unit.trim() } : {}),
        ...(d.date ? { date: d.date } : {}),
      };
    case 'note':
      if (!d.text.trim()) return null;
      return { kind: 'note', text: d.text.trim(), ...(d.date ? { date: d.date } : {}) };
    case 'right': {
      const text = d.text.trim();
      if (d.scheme === 'other' && !text) return null;
      return {
        kind: 'right',
        scheme: d.scheme,
        ...(d.number.trim() ? { number: d.number.trim() } : {}),
        ...(d.issuer.trim() ? { issuer: d.issuer.trim() } : {}),
        ...(d.validFrom ? { validFrom: d.validFrom } : {}),
        ...(d.validUntil ? { validUntil: d.validUntil } : {}),
        ...(text ? { text } : {}),
      };
    }
    case 'document':
      if (!d.file) return null;
      return {
        kind: 'document',
        title: d.title.trim(),
        type: d.type,
        contentType: d.file.contentType,
        data: d.file.data,
      };
  }
}

/** Units written the same in every language (SI); the others have words. */
const SI_UNITS = ['mg', 'g', 'µg', 'mL'] as const;
type WordedUnit = Exclude<(typeof FORM_UNITS)[number], (typeof SI_UNITS)[number]>;

/** A unit as the form shows it: its symbol, or its word in the strings' language. */
export function unitLabel(s: ReplyStrings, unit: string): string {
  if ((SI_UNITS as readonly string[]).includes(unit)) return unit;
  return (FORM_UNITS as readonly string[]).includes(unit)
    ? s.t(`units.${unit as WordedUnit}`)
    : unit;
}

/** A dose in words, in the strings' language: "1 g, 3 fois par jour, pendant 7 jours". */
export function doseWords(s: ReplyStrings, dosage: Dosage | undefined, days?: number): string {
  const parts: string[] = [];
  if (dosage?.amount !== undefined && dosage.unit) {
    const unit = unitLabel(s, dosage.unit);
    parts.push(s.t('dose.amount', { amount: dosage.amount, unit }));
  }
  const f = dosage?.frequency;
  if (f && f.per !== 'hours') {
    parts.push(s.t(f.per === 'day' ? 'dose.perDay' : 'dose.perWeek', { count: f.times }));
  }
  if (days !== undefined) parts.push(s.t('dose.days', { count: days }));
  return parts.join(', ');
}

/** A paper's or right's name in the form's language ("Titre de séjour"). */
export function schemeLabel(s: ReplyStrings, scheme: RightScheme): string {
  return s.t(`right.schemes.${scheme}`);
}
