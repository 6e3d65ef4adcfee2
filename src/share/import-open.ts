import { utf8Decode } from '../crypto/encoding.ts';
import { ShareError } from './errors.ts';
import { cardsInFile, decodeHealthCard, HEALTH_CARD_LIMITS } from './health-card.ts';
import { MAX_PLAINTEXT_BYTES } from './jwe.ts';
import { mapFhir, type ImportBatch } from './import-map.ts';
import { openShareLink, type SharedFile } from './open-link.ts';
import { hasFlag, parseShlink } from './shlink.ts';

/**
 * What the patient brings in, opened on the phone: a SMART Health Link (pasted or scanned),
 * a FHIR JSON file, or a health card file. The result is read but not stored: the import
 * screen previews it and writes only what the patient keeps. Every failure is a
 * ShareError; its code is the message the screen shows.
 */

/** Where an import came from, for its provenance ("from <label / issuer>, <date>"). */
interface ImportSource {
  /** The link's own label, or the file's name. */
  readonly label?: string;
  /** The server the link's content came from (`example.org`). */
  readonly host?: string;
  /** Health cards: who signed them (`iss`), as the card states it. */
  readonly issuers?: readonly string[];
}

/** A file as it arrived, kept (sealed) beside what was imported from it. */
interface OriginalFile {
  readonly mime: string;
  readonly data: Uint8Array;
}

export interface OpenedImport {
  readonly batch: ImportBatch;
  readonly source: ImportSource;
  readonly originals: readonly OriginalFile[];
  /** The health cards it held: their JWS and issuer, to check their signatures. */
  readonly cards: readonly {
    readonly jws: string;
    readonly issuer: string;
    readonly kid?: string;
  }[];
}

const FHIR_JSON = 'application/fhir+json';
const HEALTH_CARD = 'application/smart-health-card';

/** The largest file the patient may pick, bytes: what one link may open to. */
export const MAX_IMPORT_FILE_BYTES = MAX_PLAINTEXT_BYTES;

/**
 * Opens a link: checks it, fetches and decrypts its files, reads them.
 * SECURITY: the key stays on the phone (open-link.ts); the request names the recipient
 * only as "Carnet", never the patient.
 */
export async function openImportLink(
  text: string,
  options: { passcode?: string; now?: number; fetch?: typeof fetch } = {},
): Promise<OpenedImport> {
  const payload = parseShlink(text);
  if (payload.exp !== undefined && payload.exp * 1000 < (options.now ?? Date.now())) {
    throw new ShareError('expired');
  }
  if (hasFlag(payload, 'P') && !options.passcode) throw new ShareError('passcode-required');
  const opened = await openShareLink(payload, {
    recipient: 'Carnet',
    ...(options.passcode ? { passcode: options.passcode } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const read = await readFiles(opened.files);
  return {
    ...read,
    source: {
      ...(payload.label ? { label: payload.label } : {}),
      host: new URL(payload.url).host,
      ...issuersOf(read.cards),
    },
  };
}

/** Reads a file the patient picked: a FHIR Bundle or resource, or a health card file. */
export async function openImportFile(name: string, bytes: Uint8Array): Promise<OpenedImport> {
  if (bytes.byteLength > MAX_IMPORT_FILE_BYTES) throw new ShareError('too-large');
  const json = parseJson(bytes);
  const type = cardsInFile(json).length > 0 ? HEALTH_CARD : FHIR_JSON;
  const read = await readFiles([{ contentType: type, plaintext: bytes }], [json]);
  const label = name.replace(/\.(json|smart-health-card|fhir)$/i, '').slice(0, 80);
  return { ...read, source: { ...(label ? { label } : {}), ...issuersOf(read.cards) } };
}

function issuersOf(cards: OpenedImport['cards']): Pick<ImportSource, 'issuers'> {
  const issuers = [...new Set(cards.map((c) => c.issuer))];
  return issuers.length > 0 ? { issuers } : {};
}

/** The FHIR inside the files, health cards unwrapped; other types are counted as left out. */
async function readFiles(
  files: readonly SharedFile[],
  parsed?: readonly unknown[],
): Promise<Omit<OpenedImport, 'source'>> {
  const jsons: unknown[] = [];
  const cards: { jws: string; issuer: string; kid?: string }[] = [];
  const originals: OriginalFile[] = [];
  let leftOut = 0;
  for (const [i, file] of files.entries()) {
    const type = file.contentType.split(';')[0]?.trim().toLowerCase();
    if (type !== FHIR_JSON && type !== HEALTH_CARD && type !== 'application/json') {
      leftOut++;
      continue;
    }
    const json = parsed?.[i] ?? parseJson(file.plaintext);
    originals.push({ mime: type === HEALTH_CARD ? HEALTH_CARD : FHIR_JSON, data: file.plaintext });
    if (type !== HEALTH_CARD) {
      jsons.push(json);
      continue;
    }
    const listed = cardsInFile(json);
    leftOut += Math.max(0, listed.length - HEALTH_CARD_LIMITS.cards);
    for (const jws of listed.slice(0, HEALTH_CARD_LIMITS.cards)) {
      const card = await decodeHealthCard(jws);
      if (!card) {
        leftOut++;
        continue;
      }
      cards.push({ jws: card.jws, issuer: card.issuer, ...(card.kid ? { kid: card.kid } : {}) });
      jsons.push(card.bundle);
    }
  }
  const batch = mapFhir(jsons);
  return { batch: { ...batch, omitted: batch.omitted + leftOut }, originals, cards };
}

/** UTF-8 JSON, or `unsupported-content`: the screen says the file is not one it can read. */
function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(utf8Decode(bytes)) as unknown;
  } catch {
    throw new ShareError('unsupported-content');
  }
}
