import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { viewerConnectSrcFromEnv } from './config.ts';
import { setUpRelay } from './testing/setup.ts';

// The import page (/import-fetch.html) fetches a link the patient chose to import from
// another server; the patient app around it keeps connect-src 'self' and frames it.

const dist = mkdtempSync(join(tmpdir(), 'carnet-dist-'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Carnet</title>');
writeFileSync(join(dist, 'import-fetch.html'), '<!doctype html><title>Import</title>');
const relay = setUpRelay('SQLite', { staticDir: dist }, { per: 'file' });

afterAll(() => {
  rmSync(dist, { recursive: true, force: true });
});

/** The directives of a response's Content-Security-Policy, by name. */
async function policyOf(res: Response | Promise<Response>): Promise<Record<string, string>> {
  const header = (await res).headers.get('Content-Security-Policy') ?? '';
  return Object.fromEntries(
    header.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

describe('the Content-Security-Policy of the import page', () => {
  it('lets the page connect to https servers and load nothing but its own script', async () => {
    const res = await relay.api.request('/import-fetch.html');
    expect(res.status).toBe(200);
    expect(await policyOf(res)).toEqual({
      'default-src': "'none'",
      'script-src': "'self'",
      'connect-src': "'self' https:",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'self'",
    });
    // Framed by Carnet's own pages only, and never used stale.
    expect(res.headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
  });

  it('leaves the app and every other path as they were', async () => {
    for (const path of ['/', '/import', '/import-fetch', '/api/health', '/assets/x.js']) {
      const res = await relay.api.request(path);
      const policy = await policyOf(res);
      expect([path, policy['connect-src'], policy['frame-ancestors']]).toEqual([
        path,
        "'self'",
        "'none'",
      ]);
      expect([path, res.headers.get('X-Frame-Options')]).toEqual([path, 'DENY']);
    }
  });

  it('adds the origins of VIEWER_CONNECT_SRC, with HSTS kept', async () => {
    const api = relay.client({
      staticDir: dist,
      publicUrl: 'https://carnet.example.org',
      viewerConnectSrc: viewerConnectSrcFromEnv('http://127.0.0.1:9214'),
    });
    const res = await api.request('/import-fetch.html');
    expect((await policyOf(res))['connect-src']).toBe("'self' https: http://127.0.0.1:9214");
    expect(res.headers.get('Strict-Transport-Security')).toBe('max-age=31536000');
    expect((await policyOf(api.request('/')))['connect-src']).toBe("'self'");
  });
});
