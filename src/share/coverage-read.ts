import type { RightScheme } from '../record/types.ts';
import { RIGHT_SCHEMES } from '../record/types.ts';
import { FHIR } from './fhir-types.ts';
import { obj, objs, str } from './json.ts';

/**
 * A paper or right read from a FHIR Coverage, the reverse of how Carnet writes one: a share
 * (ips-resources.ts) and a reply (reply-fhir.ts) both put "<name> — <words>" as the type's
 * text, the number as `subscriberId`, the validity as `period` and who issued it as the
 * payor, and the kind as a code. The import and the reply reader both read it here.
 */

/** The scheme code a reply writes (reply-fhir.ts); a share writes FHIR.carnetPaperKind. */
export const RIGHT_SYSTEM = 'urn:carnet:right-scheme';

/** The health cover a Coverage from another system is known by: its name starts so. */
const NAMED_COVER = /^(AME|PUMa|CSS)\b/i;

/** What Carnet writes as the payor when the patient did not say who issued the cover. */
const DEFAULT_PAYOR = 'assurance maladie';

export interface CoverageRead {
  scheme: RightScheme;
  /** The words beside the kind's name; for a paper of another kind, its whole name. */
  text?: string;
  number?: string;
  issuer?: string;
  /** ISO dates (YYYY, YYYY-MM or YYYY-MM-DD). */
  validFrom?: string;
  validUntil?: string;
}

/**
 * How a field's value is taken: the reply reader passes its own, which refuse what is too
 * long or malformed; the import takes what it finds.
 */
export interface CoverageReaders {
  text: (value: unknown, max?: number) => string | undefined;
  date: (value: unknown) => string | undefined;
}

/**
 * The kind of paper: Carnet's paper-kind code first (a share's), then a reply's scheme
 * code, then a health cover's name in any case ("AME — ...", "css"); else another kind.
 */
function schemeOf(type: Record<string, unknown> | undefined, name: string): RightScheme {
  const codings = objs(type?.coding);
  for (const system of [FHIR.carnetPaperKind, RIGHT_SYSTEM]) {
    const code = str(codings.find((c) => str(c.system) === system)?.code);
    const scheme = RIGHT_SCHEMES.find((s) => s === code);
    if (scheme) return scheme;
  }
  const named = NAMED_COVER.exec(name)?.[1]?.toLowerCase();
  return RIGHT_SCHEMES.find((s) => s.toLowerCase() === named) ?? 'other';
}

/** One Coverage as a paper or right; the reader decides what to refuse. */
export function readCoverage(r: Record<string, unknown>, read: CoverageReaders): CoverageRead {
  const type = obj(r.type);
  const name = read.text(type?.text) ?? '';
  const scheme = schemeOf(type, name);
  const [label = '', ...words] = name.split(' — ');
  // Another kind of paper is named by its words alone ("other" when it had none).
  const text =
    scheme === 'other' ? (name === scheme ? undefined : name) : words.join(' — ') || undefined;
  const number = read.text(r.subscriberId, 60);
  // Who issued it, unless it is only what Carnet writes when the patient did not say.
  const payor = read.text(objs(r.payor)[0]?.display);
  const issuer =
    payor &&
    payor.toLowerCase() !== DEFAULT_PAYOR &&
    payor !== name &&
    payor !== label &&
    payor !== text
      ? payor
      : undefined;
  const validFrom = read.date(obj(r.period)?.start);
  const validUntil = read.date(obj(r.period)?.end);
  return {
    scheme,
    ...(text ? { text } : {}),
    ...(number ? { number } : {}),
    ...(issuer ? { issuer } : {}),
    ...(validFrom ? { validFrom } : {}),
    ...(validUntil ? { validUntil } : {}),
  };
}
