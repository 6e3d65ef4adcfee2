import * as v from 'valibot';
import { DOCUMENT_TYPES } from './documents.ts';
import {
  ALLERGY_SEVERITIES,
  DECLARABLE_KINDS,
  DOSE_UNITS,
  ENTRY_KINDS,
  PROVENANCES,
  RIGHT_SCHEMES,
  SEXES,
  BLOOD_GROUPS,
} from './types.ts';

/**
 * The shape of every record Carnet stores, as valibot schemas: the TypeScript types are
 * inferred from these (types.ts, documents.ts, shares.ts), and sealed rows are checked
 * against them when opened (sealed-table.ts). They check shape and closed lists only;
 * what a person may type (lengths, dates in the past) is validate.ts's job, so a record
 * written by an earlier version always opens. A new field is optional, forever.
 */

/** An ISO calendar date, `YYYY-MM-DD`, or a partial `YYYY-MM` / `YYYY`. */
const IsoDateSchema = v.string();
const text = v.string();
const epochMs = v.number();

/** A term from a code system (ICD-10, WHO ATC, LOINC, SNOMED CT...). */
export const CodedTermSchema = v.object({
  system: v.string(),
  code: v.string(),
  /** Stable vocabulary key, the label's translation key in `vocab:`. */
  key: v.string(),
});

const DoseFrequencySchema = v.variant('per', [
  v.object({ per: v.picklist(['day', 'week']), times: v.number() }),
  v.object({ per: v.literal('hours'), every: v.number() }),
]);

/** A structured dose; every part optional. */
export const DosageSchema = v.object({
  /** How much per intake, in `unit`. */
  amount: v.optional(v.number()),
  unit: v.optional(v.picklist(DOSE_UNITS)),
  frequency: v.optional(DoseFrequencySchema),
  /** Taken only when needed. */
  asNeeded: v.optional(v.boolean()),
  /** A `route.*` vocabulary key (SNOMED CT route). */
  route: v.optional(v.string()),
});

/** Kind-specific fields. Optional fields are absent, never empty strings. */
export const EntryDetailsSchema = v.variant('kind', [
  v.object({ kind: v.literal('condition'), since: v.optional(IsoDateSchema), active: v.boolean() }),
  v.object({
    kind: v.literal('allergy'),
    /** Coded reactions: `reaction.*` vocabulary keys (SNOMED CT manifestations). */
    reactions: v.optional(v.array(v.string())),
    /** What happened, in the patient's words (language: the entry's textLang). */
    reaction: v.optional(text),
    severity: v.picklist(ALLERGY_SEVERITIES),
  }),
  v.object({
    kind: v.literal('medication'),
    dosage: v.optional(DosageSchema),
    /** Further instructions in the patient's words. */
    instructions: v.optional(text),
    /** Free-text dose written before doses were structured; kept, shown as written. */
    dose: v.optional(text),
    /** Free-text frequency written before doses were structured; kept, shown as written. */
    frequency: v.optional(text),
    since: v.optional(IsoDateSchema),
    prescriber: v.optional(text),
    current: v.boolean(),
  }),
  v.object({
    kind: v.literal('vaccination'),
    date: v.optional(IsoDateSchema),
    doseNumber: v.optional(v.number()),
  }),
  v.object({
    kind: v.literal('result'),
    value: v.optional(text),
    unit: v.optional(text),
    date: v.optional(IsoDateSchema),
  }),
  v.object({
    kind: v.literal('right'),
    scheme: v.picklist(RIGHT_SCHEMES),
    /** The paper's or card's number, as printed on it. */
    number: v.optional(text),
    /** Who issued it (a CPAM, the prefecture, OFPRA, an association for a domiciliation). */
    issuer: v.optional(text),
    /** First and last day it is valid. */
    validFrom: v.optional(IsoDateSchema),
    validUntil: v.optional(IsoDateSchema),
  }),
  v.object({ kind: v.literal('note'), date: v.optional(IsoDateSchema) }),
]);

/**
 * Who sent an item back through a share (write-back): the name exactly as they typed it
 * (self-declared, never verified), an RPPS number if they gave one, when they sent it.
 */
const AddedBySchema = v.object({
  name: v.string(),
  rpps: v.optional(v.string()),
  /** The date the sender put on the reply, `YYYY-MM-DD`. */
  date: IsoDateSchema,
});

/** One item of the record. Either `term` or `text` names it (both may be present). */
export const EntrySchema = v.object({
  id: v.string(),
  profileId: v.string(),
  /** What the entry is: a coded term where one exists... */
  term: v.optional(CodedTermSchema),
  /** ...and/or free text, shown as written and labelled with its language. */
  text: v.optional(text),
  /** BCP 47 tag of the language `text` (and other free text fields) was written in. */
  textLang: v.optional(v.string()),
  details: EntryDetailsSchema,
  /** Where it came from; a doctor weighs a copied lab result above a remembered one. */
  provenance: v.picklist(PROVENANCES),
  /** Sensitive items are left out of shares unless picked. */
  sensitive: v.boolean(),
  /** With provenance `clinician`, when it came back through a share: who sent it. */
  addedBy: v.optional(AddedBySchema),
  createdAt: epochMs,
  updatedAt: epochMs,
});

/** A name as written on official papers, in Latin letters. */
const OfficialNameSchema = v.object({
  family: v.string(),
  /** Given names, space-separated as on the papers. */
  given: v.optional(v.string()),
});

/** The patient or one of their children. */
export const ProfileSchema = v.object({
  id: v.string(),
  /** The name as the person writes it, in their own script. */
  name: v.string(),
  /** The name in Latin letters as on official papers, which a French doctor can read. */
  officialName: v.optional(OfficialNameSchema),
  relation: v.picklist(['self', 'child']),
  birthDate: v.optional(IsoDateSchema),
  sex: v.picklist(SEXES),
  /** The language the person speaks best (BCP 47). */
  language: v.string(),
  interpreterNeeded: v.boolean(),
  /** Only when known from a lab card or a hospital paper; never guessed. */
  bloodGroup: v.optional(v.picklist(BLOOD_GROUPS)),
  /**
   * The reminders already notified for this person (record/reminders.ts `reminderKey`:
   * which paper or vaccine, its date, which threshold), so each fires once. Kept here,
   * sealed in the vault, rather than in clear device storage.
   */
  remindersShown: v.optional(v.array(v.string())),
  /**
   * The patient's own "I have no known allergies / medicines / problems", with when each
   * was said (epoch ms). See record/declarations.ts.
   */
  declaredNone: v.optional(
    v.object(
      Object.fromEntries(DECLARABLE_KINDS.map((k) => [k, v.optional(epochMs)])) as Record<
        (typeof DECLARABLE_KINDS)[number],
        v.OptionalSchema<typeof epochMs, undefined>
      >,
    ),
  ),
  createdAt: epochMs,
  updatedAt: epochMs,
});

/** One stored file of a document: a photographed page, or a whole PDF. */
export const DocumentFileSchema = v.object({
  /** Opaque random id of the sealed file. */
  fileId: v.string(),
  /** MIME type of the plaintext. */
  mime: v.string(),
  /** Plaintext size in bytes. */
  size: v.number(),
});

/** A paper document's metadata; its pages are sealed files. */
export const PaperDocumentSchema = v.object({
  id: v.string(),
  profileId: v.string(),
  title: v.string(),
  /** The date printed on the paper, when known. */
  date: v.optional(IsoDateSchema),
  type: v.picklist(DOCUMENT_TYPES),
  /** BCP 47 tag of the language the paper is written in, when known. */
  lang: v.optional(v.string()),
  /** Pages in order: photos, or one PDF. Never empty. */
  files: v.pipe(v.array(DocumentFileSchema), v.minLength(1)),
  /** The small sealed image the list shows, when one could be made. */
  thumbnail: v.optional(DocumentFileSchema),
  /** Entries this paper supports (a lab result for a condition). */
  entryIds: v.array(v.string()),
  /** Sensitive papers are never shared unpicked. */
  sensitive: v.boolean(),
  provenance: v.picklist(PROVENANCES),
  /** With provenance `clinician`, when it came back through a share: who sent it. */
  addedBy: v.optional(AddedBySchema),
  createdAt: epochMs,
  updatedAt: epochMs,
});

/** Who opened a share, and when (epoch ms); `recipient` is untrusted text. */
const AccessSchema = v.object({ recipient: v.string(), at: v.number() });
type Access = v.InferOutput<typeof AccessSchema>;

/** An optional field that is dropped, not fatal, when stored in a wrong shape. */
const lenient = <T extends v.GenericSchema>(schema: T) => v.fallback(v.optional(schema), undefined);

/** A share as the patient's phone remembers it. */
export const ShareRecordSchema = v.object({
  id: v.string(),
  profileId: v.string(),
  audience: v.picklist(['doctor', 'social', 'custom']),
  /** The relay's id and management token (revoke, access log). */
  relayId: v.string(),
  managementToken: v.string(),
  /** The viewer link with its key. SECURITY: sealed at rest; never logged or sent. */
  link: v.string(),
  /** The PIN to say aloud, shown again on the patient's phone only. */
  passcode: v.optional(v.string()),
  /** Expiry, epoch seconds. */
  exp: v.number(),
  createdAt: epochMs,
  revokedAt: v.optional(epochMs),
  /** Who opened it and when, oldest first, as last merged from the relay. Only grows. */
  accesses: lenient(
    v.pipe(
      v.array(v.unknown()),
      v.transform((items) => items.filter((a): a is Access => v.is(AccessSchema, a))),
    ),
  ),
  /** When the phone learned that the relay blocked the share after wrong PINs. */
  blockedAt: lenient(epochMs),
  /** Last time the relay answered a status check for this share. */
  lastStatusAt: lenient(epochMs),
  /** What went in, for the list: counts only. */
  counts: v.object({ entries: v.number(), documents: v.number(), sensitive: v.number() }),
  /**
   * The share's reply channel (src/share/reply-keys.ts): its token and private key, a JWK.
   * SECURITY: sealed at rest like the link; never logged or sent. Absent on older shares.
   */
  reply: v.optional(v.object({ token: v.string(), privateJwk: v.string() })),
});

/** The patient's backup settings: one sealed row, id `backup`, in the `prefs` table. */
export const BackupPrefsSchema = v.object({
  id: v.literal('backup'),
  /**
   * The relay copy, when the patient turned it on: where it lives and what opens it (both
   * derived from the recovery code), and since when. SECURITY: sealed like every record.
   */
  relay: v.optional(v.object({ locator: v.string(), token: v.string(), since: epochMs })),
  /** When the last backup file was saved, and the last relay copy written. */
  lastFileAt: v.optional(epochMs),
  lastRelayAt: v.optional(epochMs),
});

/** How many entries a section of the summary holds in all, by kind (record/summary.ts). */
const SectionTotalsSchema = v.object(
  Object.fromEntries(ENTRY_KINDS.map((k) => [k, v.number()])) as Record<
    (typeof ENTRY_KINDS)[number],
    v.NumberSchema<undefined>
  >,
);

/**
 * The summary's first view, kept so that a long record's summary draws at unlock before
 * every entry is read: one sealed row, id `summary`, in the `prefs` table (see
 * record/summary-snapshot.ts). A new layout is a new `format`: an older one is not used.
 */
export const SummarySnapshotSchema = v.object({
  id: v.literal('summary'),
  format: v.literal(1),
  /** Which state of the record it was made from (summary-snapshot.ts, `recordBasis`). */
  basis: v.string(),
  /** The patient's calendar day it was made on, `YYYY-MM-DD`. */
  madeOn: IsoDateSchema,
  /** Every profile, as the record held them. */
  profiles: v.array(ProfileSchema),
  /** The entries the summary's first view shows or its reminders need, of every profile. */
  entries: v.array(EntrySchema),
  /** Each profile's section sizes: profile id -> kind -> how many entries in all. */
  totals: v.record(v.string(), SectionTotalsSchema),
  /** Rows of the record that did not open when it was made (the same rows: same count). */
  unreadable: v.number(),
});
