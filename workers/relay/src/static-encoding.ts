/** A content coding the build writes beside a file (vite-plugins/precompress.ts). */
export interface Coding {
  /** Its name in Accept-Encoding and Content-Encoding. */
  readonly name: 'br' | 'gzip';
  /** The suffix of the precompressed file: `app.js.br`. */
  readonly suffix: '.br' | '.gz';
}

/** The codings the relay can send, best first: brotli is smaller for the same text. */
export const CODINGS: readonly Coding[] = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
];

/** The weight (RFC 9110 `q`, 0 to 1) of each coding an Accept-Encoding header names. */
function weights(header: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.trim().split('=');
      if (key === 'q') q = Number(value);
    }
    out.set(name.trim(), Number.isFinite(q) ? Math.min(Math.max(q, 0), 1) : 0);
  }
  return out;
}

/**
 * The codings `acceptEncoding` allows, most wanted first (ties in the relay's order): `br`
 * when the browser asks for it, `gzip` when it asks only for that, none when the header is
 * absent or refuses both. Identity is always acceptable, so it is never listed.
 */
export function acceptedCodings(acceptEncoding: string | undefined): Coding[] {
  if (!acceptEncoding) return [];
  const q = weights(acceptEncoding);
  const weight = (c: Coding) => q.get(c.name) ?? q.get('*') ?? 0;
  return CODINGS.filter((c) => weight(c) > 0).sort((a, b) => weight(b) - weight(a));
}
