import type { DocumentType } from '../record/documents.ts';
import type { CodedTerm, Dosage, IsoDate, RightScheme } from '../record/types.ts';

/**
 * What a clinician (or a social worker) sends back through a share, as both sides handle
 * it in memory: the viewer's form writes one, reply-fhir.ts turns it into a FHIR R4
 * collection Bundle and back, the patient's review screen shows and imports its items.
 */

/** The sender, as they typed it. SECURITY: self-declared, never verified; shown as such. */
interface ReplyAuthor {
  readonly name: string;
  /** RPPS number (11 digits), when given. */
  readonly rpps?: string;
}

/** A coded item: the vocabulary term when the code is known, and the code as written. */
interface Coded {
  /** Known to Carnet's vocabulary: shown in the patient's language. */
  readonly term?: CodedTerm;
  /** Words for a code Carnet does not know (shown as written, in French). */
  readonly text?: string;
}

export type ReplyItem =
  | (Coded & {
      readonly kind: 'medication';
      readonly dosage?: Dosage;
      /** How many days to take it, when said. */
      readonly days?: number;
    })
  | (Coded & { readonly kind: 'vaccination'; readonly date: IsoDate; readonly lot?: string })
  | (Coded & {
      readonly kind: 'result';
      readonly value: string;
      readonly unit?: string;
      readonly date?: IsoDate;
    })
  | {
      /** An administrative paper or right (AME decision, residence permit...), as in shares. */
      readonly kind: 'right';
      readonly scheme: RightScheme;
      /** The paper's or card's number, as printed on it. */
      readonly number?: string;
      /** Who issued it (a CPAM, the prefecture, OFPRA...). */
      readonly issuer?: string;
      readonly validFrom?: IsoDate;
      readonly validUntil?: IsoDate;
      /** Words naming it (required for `other`), in the reply's language. */
      readonly text?: string;
    }
  | {
      readonly kind: 'note';
      /** Free text, in the reply's language. */
      readonly text: string;
      /** The day it is about (an appointment), when there is one. */
      readonly date?: IsoDate;
    }
  | {
      readonly kind: 'document';
      readonly title: string;
      readonly type: DocumentType;
      readonly contentType: ReplyFileType;
      readonly data: Uint8Array;
    };

export interface Reply {
  readonly author: ReplyAuthor;
  /** The day it was written, `YYYY-MM-DD`. */
  readonly date: IsoDate;
  /** BCP 47 language of the free text in it (the viewer's language: usually `fr`). */
  readonly lang: string;
  readonly items: readonly ReplyItem[];
}

/** Attachments a reply may carry: a letter or prescription as a PDF or a photo. */
export const REPLY_FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type ReplyFileType = (typeof REPLY_FILE_TYPES)[number];

/** Largest attachment, bytes (10 MB, as the doctor's form says). */
export const REPLY_FILE_MAX_BYTES = 10 * 1024 * 1024;

/** Bounds a reply read from the relay must keep; anything past them is hostile. */
export const REPLY_LIMITS = {
  /** Most items in one reply. */
  items: 50,
  /** Most attachments in one reply. */
  files: 5,
  /** Longest free text (a note), characters. */
  text: 5000,
  /** Longest short text (a name, a lot, a value, a title), characters. */
  short: 200,
} as const;

// The record's shapes a reply reuses, for the viewer (which may not import record/).
export type { DocumentType } from '../record/documents.ts';
export type { Dosage, DoseUnit, RightScheme } from '../record/types.ts';
export { RIGHT_SCHEMES } from '../record/types.ts';
