// First: the app's own store runs here, in Node, on an in-memory IndexedDB.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import type { Browser } from '@playwright/test';
import QRCode from 'qrcode';
import { floorVault } from '../src/crypto/test-helpers.ts';
import { openCarnetDb } from '../src/db/index.ts';
import { createLocalStore } from '../src/record/local-store.ts';
import type { CarnetStore } from '../src/record/store.ts';
import type { Entry, Profile } from '../src/record/types.ts';
import { drawnJpeg, makePdf } from './document-fixtures.ts';

/**
 * Phone A, made in Node by the app's own code (src/record over fake-indexeddb, as the unit
 * tests run it): a Dari-speaking patient and her child, their entries, a photo and a PDF,
 * and the backup file phone A saves with its recovery code. The browser plays phone B,
 * which restores it through the app's screens only. Nothing here reaches into phone B.
 */

/** One paper of phone A's, and the SHA-256 (hex) of its bytes. */
interface PaperFixture {
  readonly title: string;
  readonly mime: 'image/jpeg' | 'application/pdf';
  readonly sha256: string;
}

/** A backup file as phone A saved it, with what phone B must find in it. */
export interface BackupFixture {
  /** The file's bytes, exactly as `store.backup.save()` wrote them. */
  readonly file: Buffer;
  /** The recovery code printed on phone A's sheet. */
  readonly code: string;
  readonly profiles: readonly Profile[];
  readonly entries: readonly Entry[];
  readonly papers: readonly PaperFixture[];
  /** When the backup was made (epoch ms). */
  readonly createdAt: number;
}

let phones = 0;

/** A store on its own in-memory database, as on a phone of its own. */
function phone(): CarnetStore {
  const name = `e2e-phone-${process.pid}-${phones++}`;
  return createLocalStore(floorVault(), () => openCarnetDb(name));
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const NOW = Date.UTC(2026, 2, 14, 9, 30);

const amina: Profile = {
  id: 'prs-self',
  name: 'آمنه رحیمی',
  officialName: { family: 'RAHIMI', given: 'Amina' },
  relation: 'self',
  sex: 'female',
  language: 'prs',
  interpreterNeeded: true,
  createdAt: NOW - 9000,
  updatedAt: NOW - 9000,
};
const yusuf: Profile = {
  ...amina,
  id: 'prs-child',
  name: 'یوسف رحیمی',
  officialName: { family: 'RAHIMI', given: 'Yusuf' },
  relation: 'child',
  sex: 'male',
  birthDate: '2019-05',
  createdAt: NOW - 8000,
  updatedAt: NOW - 8000,
};

const entry = (id: string, profileId: string, fields: Partial<Entry>): Entry => ({
  id,
  profileId,
  provenance: 'patient',
  sensitive: false,
  createdAt: NOW - 5000,
  updatedAt: NOW - 5000,
  details: { kind: 'note' },
  ...fields,
});

/** Free text as phone A's patient wrote it, in Dari. */
export const DARI_NOTE = 'سردردهای شبانه از ماه گذشته';
export const DARI_CONDITION = 'کم‌خونی';

const ENTRIES: readonly Entry[] = [
  entry('e-allergy', amina.id, {
    term: { system: 'atc', code: 'J01C', key: 'allergy.penicillins' },
    details: { kind: 'allergy', severity: 'severe' },
  }),
  entry('e-metformin', amina.id, {
    term: { system: 'atc', code: 'A10BA02', key: 'medication.metformin' },
    details: {
      kind: 'medication',
      dosage: { amount: 500, unit: 'mg', frequency: { per: 'day', times: 2 } },
      current: true,
    },
  }),
  entry('e-anaemia', amina.id, {
    text: DARI_CONDITION,
    textLang: 'prs',
    details: { kind: 'condition', active: true, since: '2024' },
  }),
  entry('e-note', amina.id, { text: DARI_NOTE, textLang: 'prs', details: { kind: 'note' } }),
  entry('e-mmr', yusuf.id, {
    term: { system: 'atc', code: 'J07BD52', key: 'vaccine.mmr' },
    details: { kind: 'vaccination', date: '2020-06-02', doseNumber: 1 },
    provenance: 'paper',
  }),
];

/** A JPEG as a phone camera makes one (no EXIF), drawn by a browser context of its own. */
export async function cameraPhoto(browser: Browser, text: string): Promise<Buffer> {
  const context = await browser.newContext();
  try {
    return await drawnJpeg(await context.newPage(), text, {
      width: 1200,
      height: 1600,
      quality: 0.92,
    });
  } finally {
    await context.close();
  }
}

/** The marker the PDF's one page shows. */
const PDF_MARKER = 'ANALYSE-SANG-7Q4K';

/**
 * Phone A: a PIN, Amina and her son, five entries, a photographed letter and a PDF lab
 * result; its backup file and recovery code. `padPdfBytes` makes the PDF (and so the
 * backup) that much larger, for a restore that takes a while.
 */
export async function phoneABackup(
  photo: Buffer,
  options: { padPdfBytes?: number } = {},
): Promise<BackupFixture> {
  const a = phone();
  const code = await a.create('246810', 'pin');
  for (const p of [amina, yusuf]) await a.saveProfile(p);
  for (const e of ENTRIES) await a.saveEntry(e);
  const pdf = makePdf(PDF_MARKER, options.padPdfBytes ?? 0);
  const papers: PaperFixture[] = [
    { title: 'نامه شفاخانه', mime: 'image/jpeg', sha256: sha256(photo) },
    { title: 'آزمایش خون', mime: 'application/pdf', sha256: sha256(pdf) },
  ];
  const bytes = [photo, pdf];
  for (const [i, paper] of papers.entries()) {
    await a.documents.add({
      profileId: amina.id,
      title: paper.title,
      type: i === 0 ? 'hospital-letter' : 'lab-result',
      lang: 'prs',
      entryIds: [],
      sensitive: false,
      files: [{ blob: new Blob([new Uint8Array(bytes[i]!)]), mime: paper.mime }],
    });
  }
  const file = await a.backup.save({ now: NOW });
  await a.lock();
  return {
    file: Buffer.from(await file.arrayBuffer()),
    code,
    profiles: [amina, yusuf],
    entries: ENTRIES,
    papers,
    createdAt: NOW,
  };
}

/** Another record altogether (phone C): its own vault key and recovery code. */
export async function otherVaultBackup(): Promise<{ file: Buffer; code: string }> {
  const c = phone();
  const code = await c.create('135790', 'pin');
  await c.saveProfile({ ...amina, id: 'c-self', name: 'Someone Else' });
  for (const e of ENTRIES) await c.saveEntry({ ...e, profileId: 'c-self' });
  const file = await c.backup.save({ now: NOW + 60_000 });
  await c.lock();
  return { file: Buffer.from(await file.arrayBuffer()), code };
}

/** Magic (8 bytes), version (1), header length (4): the header starts here. */
const LEAD = 8 + 1 + 4;
const headerEnd = (file: Buffer) => LEAD + file.readUInt32BE(9);

/** The ways a backup file goes wrong, each of which phone B must refuse. */
export const broken = {
  /** One byte in the middle of the file, XOR 0x20. */
  flipped(file: Buffer): Buffer {
    const out = Buffer.from(file);
    const at = Math.floor(out.length / 2);
    out[at] = out[at]! ^ 0x20;
    return out;
  },
  /** The file cut off at three fifths, as by a copy that stopped. */
  truncated(file: Buffer): Buffer {
    return Buffer.from(file.subarray(0, Math.floor((file.length * 3) / 5)));
  },
  /** `file`'s header (and recovery wrap) before `other`'s rows, index and MAC. */
  spliced(file: Buffer, other: Buffer): Buffer {
    return Buffer.concat([file.subarray(0, headerEnd(file)), other.subarray(headerEnd(other))]);
  },
  /** A format version this Carnet does not know (byte 8). */
  newerVersion(file: Buffer): Buffer {
    const out = Buffer.from(file);
    out[8] = 2;
    return out;
  },
};

/**
 * Puts `file` on the relay at `origin` as phone A's "copy on the Carnet server": under the
 * locator and token that phone A's code derives (the same the app derives), `PUT
 * /api/backup/<locator>` with the token as a bearer.
 */
export async function uploadToRelay(origin: string, file: Buffer, code: string): Promise<void> {
  const access = await phone().backup.relayAccess(code);
  const res = await fetch(`${origin}/api/backup/${access.locator}`, {
    method: 'PUT',
    headers: {
      'Content-Type': 'application/octet-stream',
      Authorization: `Bearer ${access.token}`,
    },
    body: new Uint8Array(file),
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`relay answered ${res.status}`);
}

/**
 * A camera's picture of the recovery sheet's QR code, as a Y4M video Chromium's fake camera
 * plays (`--use-file-for-fake-video-capture`): one grey-scale 640 x 480 frame, looped. The
 * code is drawn as ui/QrCode.tsx draws it on the sheet (error correction M, 4-module margin).
 */
export function recoverySheetVideo(code: string): Buffer {
  const width = 640;
  const height = 480;
  const { modules } = QRCode.create(code, { errorCorrectionLevel: 'M' });
  const scale = Math.floor(400 / (modules.size + 8));
  const size = (modules.size + 8) * scale;
  const left = (width - size) >> 1;
  const top = (height - size) >> 1;
  const luma = Buffer.alloc(width * height, 120);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const mx = Math.floor(x / scale) - 4;
      const my = Math.floor(y / scale) - 4;
      const inside = mx >= 0 && my >= 0 && mx < modules.size && my < modules.size;
      luma[(top + y) * width + left + x] = inside && modules.get(my, mx) === 1 ? 20 : 235;
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`, 'latin1');
  return Buffer.concat([header, Buffer.from('FRAME\n', 'latin1'), luma, chroma]);
}
