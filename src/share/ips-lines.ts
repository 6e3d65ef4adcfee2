import type { Entry } from '../record/types.ts';
import type { ResourceWords } from './ips-resources.ts';
import { hasDosage } from './ips-dosage.ts';

/**
 * The narrative line of each entry, in French: what a reader without structured-data
 * support sees in each section. It says the name, then dose or value, date and status.
 */

/** `2024-03-02` -> `02/03/2024`; `2024-03` -> `03/2024`; `2024` as is. */
export function frenchDate(iso: string): string {
  return iso.split('-').reverse().join('/');
}

function nameOf(entry: Entry, w: ResourceWords): string {
  const label = entry.term ? (w.labels.fr[entry.term.key] ?? entry.term.code) : undefined;
  if (label && entry.text) return `${label} (${entry.text})`;
  return label ?? entry.text ?? '';
}

function detailsOf(entry: Entry, w: ResourceWords): (string | undefined)[] {
  const d = entry.details;
  const since = (date?: string) => (date ? `depuis ${frenchDate(date)}` : undefined);
  const on = (date?: string) => (date ? `le ${frenchDate(date)}` : 'date inconnue');
  switch (d.kind) {
    case 'allergy':
      return [
        { severe: 'réaction grave', mild: 'réaction légère', unknown: undefined }[d.severity],
        ...(d.reactions ?? []).map((r) => w.labels.fr[r] ?? r),
        d.reaction,
      ];
    case 'medication':
      return [
        hasDosage(d.dosage) ? w.dose.fr(d.dosage) : undefined,
        d.instructions,
        d.dose,
        d.frequency,
        since(d.since),
        d.current ? 'en cours' : 'arrêté',
      ];
    case 'condition':
      return [since(d.since), d.active ? 'actif' : 'résolu'];
    case 'vaccination':
      return [d.doseNumber ? `dose ${d.doseNumber}` : undefined, on(d.date)];
    case 'result':
      return [[d.value, d.unit].filter(Boolean).join(' ') || undefined, on(d.date)];
    case 'right':
      return [
        w.schemes[d.scheme],
        d.number ? `n° ${d.number}` : undefined,
        d.issuer ? `délivré par ${d.issuer}` : undefined,
        d.validFrom ? `valable à partir du ${frenchDate(d.validFrom)}` : undefined,
        d.validUntil ? `valable jusqu’au ${frenchDate(d.validUntil)}` : undefined,
      ];
    case 'note':
      return [d.date ? frenchDate(d.date) : undefined];
  }
}

/** "Metformine — 500 mg, 2 fois par jour — depuis 03/2020 — en cours". */
export function lineOf(entry: Entry, w: ResourceWords): string {
  const parts = [nameOf(entry, w), ...detailsOf(entry, w)];
  return [...new Set(parts.filter((p): p is string => !!p && p.trim() !== ''))].join(' — ');
}
