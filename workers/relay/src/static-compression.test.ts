import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, brotliCompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { acceptedCodings } from './static-encoding.ts';
import { setUpRelay } from './testing/setup.ts';

const SCRIPT = `export const words = ${JSON.stringify('carnet de santé '.repeat(200))};\n`;
const dist = mkdtempSync(join(tmpdir(), 'carnet-dist-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Carnet</title>');
const asset = join(dist, 'assets', 'app-1234.js');
writeFileSync(asset, SCRIPT);
// As vite-plugins/precompress.ts writes them, just after the file itself.
writeFileSync(`${asset}.br`, brotliCompressSync(SCRIPT));
writeFileSync(`${asset}.gz`, gzipSync(SCRIPT));
const relay = setUpRelay('SQLite', { staticDir: dist }, { per: 'file' });

afterAll(() => {
  rmSync(dist, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) =>
  relay.api.request(path, { headers });
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe('compressed files', () => {
  it('sends brotli when the browser asks for it', async () => {
    const res = await get('/assets/app-1234.js', { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Encoding')).toBe('br');
    expect(res.headers.get('Vary')).toBe('Accept-Encoding');
    expect(res.headers.get('Content-Type')).toContain('text/javascript');
    expect(res.headers.get('Cache-Control')).toContain('immutable');
    const body = await bytes(res);
    expect(Number(res.headers.get('Content-Length'))).toBe(body.length);
    expect(body.length).toBeLessThan(SCRIPT.length / 4);
    expect(brotliDecompressSync(body).toString()).toBe(SCRIPT);
  });

  it('sends gzip when only gzip is accepted', async () => {
    const res = await get('/assets/app-1234.js', { 'Accept-Encoding': 'gzip' });
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(res.headers.get('Vary')).toBe('Accept-Encoding');
    expect(gunzipSync(await bytes(res)).toString()).toBe(SCRIPT);
  });

  it('sends the file as it is otherwise, still saying that the answer varies', async () => {
    for (const headers of [
      {} as Record<string, string>,
      { 'Accept-Encoding': 'identity' },
      { 'Accept-Encoding': 'br;q=0' },
    ]) {
      const res = await get('/assets/app-1234.js', headers);
      expect(res.headers.get('Content-Encoding')).toBeNull();
      expect(res.headers.get('Vary')).toBe('Accept-Encoding');
      expect((await bytes(res)).toString()).toBe(SCRIPT);
    }
  });

  it('sends a file without variants as it is, with no Vary', async () => {
    const res = await get('/index.html', { 'Accept-Encoding': 'br' });
    expect(res.headers.get('Content-Encoding')).toBeNull();
    expect(res.headers.get('Vary')).toBeNull();
    expect(await res.text()).toContain('<title>Carnet</title>');
  });

  it('answers 304 to a revalidation, per coding', async () => {
    const first = await get('/index.html');
    const etag = first.headers.get('ETag');
    expect(etag).toBeTruthy();
    const again = await get('/index.html', { 'If-None-Match': etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('Cache-Control')).toBe('no-cache');

    const br = await get('/assets/app-1234.js', { 'Accept-Encoding': 'br' });
    const brTag = br.headers.get('ETag')!;
    expect(
      (await get('/assets/app-1234.js', { 'Accept-Encoding': 'br', 'If-None-Match': brTag }))
        .status,
    ).toBe(304);
    // The gzip bytes are another representation: the brotli validator does not match them.
    const gz = await get('/assets/app-1234.js', {
      'Accept-Encoding': 'gzip',
      'If-None-Match': brTag,
    });
    expect(gz.status).toBe(200);
    expect(gz.headers.get('Content-Encoding')).toBe('gzip');
  });

  it('ignores a variant older than its file (the file was replaced after the build)', async () => {
    const sw = join(dist, 'sw.js');
    writeFileSync(sw, SCRIPT);
    writeFileSync(`${sw}.br`, brotliCompressSync(SCRIPT));
    const later = new Date(Date.now() + 60_000);
    const edited = `${SCRIPT}// next version\n`;
    writeFileSync(sw, edited);
    utimesSync(sw, later, later);
    const res = await get('/sw.js', { 'Accept-Encoding': 'br' });
    expect(res.headers.get('Content-Encoding')).toBeNull();
    expect(await res.text()).toBe(edited);
  });
});

describe('Accept-Encoding', () => {
  const names = (header: string | undefined) => acceptedCodings(header).map((c) => c.name);

  it('prefers brotli, follows the weights, and honours refusals', () => {
    expect(names('gzip, deflate, br, zstd')).toEqual(['br', 'gzip']);
    expect(names('gzip;q=1.0, br;q=0.5')).toEqual(['gzip', 'br']);
    expect(names('br;q=0, gzip')).toEqual(['gzip']);
    expect(names('*')).toEqual(['br', 'gzip']);
    expect(names('*;q=0.5, gzip;q=0')).toEqual(['br']);
    expect(names('identity')).toEqual([]);
    expect(names('')).toEqual([]);
    expect(names(undefined)).toEqual([]);
    expect(names('br;q=abc')).toEqual([]);
  });
});
