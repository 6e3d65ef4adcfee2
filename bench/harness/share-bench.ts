/**
 * share_create_ratio: build + encrypt + upload a share (summary of 50 entries and 5 MB of
 * documents) / upload the bundle's JSON length in bytes, unencrypted, to the same relay,
 * same run. The bytes each one sends are reported too.
 */
import { newId } from '../../src/record/ids.ts';
import type { Entry } from '../../src/record/types.ts';
import { createShare } from '../../src/share/create.ts';
import { buildIps } from '../../src/share/ips-build.ts';
import { median, sampleProfile } from './samples.ts';

const profile = sampleProfile({ language: 'prs', interpreterNeeded: true });

function entries(n: number): Entry[] {
  return Array.from({ length: n }, (_, i) => ({
    id: newId(),
    profileId: 'p',
    text: `Traitement ${i}`,
    details: { kind: 'medication', dose: '500 mg', frequency: '2 fois par jour', current: true },
    provenance: 'paper',
    sensitive: false,
    createdAt: 0,
    updatedAt: 0,
  }));
}

/** Random bytes (incompressible, like a JPEG), filled 64 KiB at a time. */
function randomBytes(size: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i += 65536)
    crypto.getRandomValues(out.subarray(i, Math.min(size, i + 65536)));
  return out;
}

/** The length of each body the app sends with XHR (a share's files), as it sends it. */
function xhrBodies(): { lengths: number[]; stop(): void } {
  const lengths: number[] = [];
  type Body = Parameters<XMLHttpRequest['send']>[0];
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with its own `this` below
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (body?: Body) {
    if (typeof body === 'string') lengths.push(body.length);
    send.call(this, body);
  };
  return {
    lengths,
    stop: () => {
      XMLHttpRequest.prototype.send = send;
    },
  };
}

/** Sends the bytes it uploads (a JWE-shaped body `bytes` long plus a few). */
async function plainUpload(bytes: number): Promise<number> {
  // The same number of bytes, in the same requests, without building or encrypting.
  const filler = 'A'.repeat(bytes);
  const jwe = `eyJhbGciOiJkaXIifQ..${filler.slice(0, 16)}.${filler}.AAAAAAAAAAAAAAAAAAAAAA`;
  const r = await fetch('/api/shl', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      files: [{ contentType: 'application/fhir+json', length: jwe.length }],
      exp: Math.floor(Date.now() / 1000) + 3600,
    }),
  });
  if (r.status !== 201) throw new Error(`plain create answered ${r.status}`);
  const created = (await r.json()) as { managementToken: string; uploads: string[] };
  const put = await fetch(created.uploads[0]!, {
    method: 'PUT',
    headers: {
      'Content-Type': 'application/jose',
      Authorization: `Bearer ${created.managementToken}`,
    },
    body: jwe,
  });
  if (put.status !== 200) throw new Error(`plain upload answered ${put.status}`);
  return jwe.length;
}

async function shareCreateRatio(rounds = 5) {
  const doc = randomBytes(5 * 1024 * 1024);
  const made: number[] = [];
  const plain: number[] = [];
  let bytes = 0;
  let plainSent = 0;
  const sent = xhrBodies();
  for (let r = 0; r < rounds + 1; r++) {
    let t = performance.now();
    const bundle = buildIps({
      profile,
      audience: 'doctor',
      entries: entries(50),
      documents: [
        {
          title: 'Scan',
          type: 'hospital-letter',
          typeLabel: 'Courrier',
          pages: [{ contentType: 'image/jpeg', data: doc }],
        },
      ],
      words: { labels: { fr: {} }, dose: { fr: () => '' }, schemes: {} },
      now: new Date(),
    });
    let m = performance.now() - t;
    // The baseline's size: the harness's own work, not the share's, so not timed.
    bytes = JSON.stringify(bundle).length;
    t = performance.now();
    await createShare({
      bundle,
      exp: Math.floor(Date.now() / 1000) + 3600,
      origin: location.origin,
    });
    m += performance.now() - t;
    t = performance.now();
    plainSent = await plainUpload(bytes);
    const p = performance.now() - t;
    if (r > 0) {
      made.push(m);
      plain.push(p);
    }
  }
  sent.stop();
  return {
    share_create_ratio: median(made) / median(plain),
    share_create_ms_5mb: median(made),
    share_plain_upload_ms_5mb: median(plain),
    share_sent_bytes_5mb: sent.lengths.at(-1) ?? 0,
    share_plain_sent_bytes_5mb: plainSent,
  };
}

declare global {
  interface Window {
    carnetShareBench: { shareCreateRatio: typeof shareCreateRatio };
  }
}

window.carnetShareBench = { shareCreateRatio };
