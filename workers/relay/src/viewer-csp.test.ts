import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configFromEnv, viewerConnectSrcFromEnv } from './config.ts';
import { setUpRelay } from './testing/setup.ts';

// The doctor's viewer opens links whose manifest is on any https server; the patient app
// still talks to its own origin only.

const dist = mkdtempSync(join(tmpdir(), 'carnet-dist-'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Carnet</title>');
writeFileSync(join(dist, 'viewer.html'), '<!doctype html><title>Viewer</title>');
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

describe('the Content-Security-Policy of the viewer', () => {
  it('lets /v fetch from any https server, and nothing else changes', async () => {
    const app = await policyOf(relay.api.request('/'));
    expect(app['connect-src']).toBe("'self'");
    for (const path of ['/v', '/v/', '/viewer.html']) {
      const res = await relay.api.request(path);
      const viewer = await policyOf(res);
      expect([path, viewer['connect-src']]).toEqual([path, "'self' https:"]);
      // Scripts, styles, frames, forms: exactly as strict as the app's.
      expect({ ...viewer, 'connect-src': "'self'" }).toEqual(app);
      expect(res.headers.get('X-Frame-Options')).toBe('DENY');
    }
    for (const path of ['/api/health', '/v/other', '/settings', '/api/shl/x']) {
      expect([path, (await policyOf(relay.api.request(path)))['connect-src']]).toEqual([
        path,
        "'self'",
      ]);
    }
  });

  it('adds the origins of VIEWER_CONNECT_SRC to the viewer only, with HSTS kept', async () => {
    const api = relay.client({
      staticDir: dist,
      publicUrl: 'https://carnet.example.org',
      viewerConnectSrc: viewerConnectSrcFromEnv('http://127.0.0.1:9214, http://localhost:9300'),
    });
    const viewer = await api.request('/v');
    expect((await policyOf(viewer))['connect-src']).toBe(
      "'self' https: http://127.0.0.1:9214 http://localhost:9300",
    );
    expect(viewer.headers.get('Strict-Transport-Security')).toBe('max-age=31536000');
    expect((await policyOf(api.request('/')))['connect-src']).toBe("'self'");
  });
});

describe('VIEWER_CONNECT_SRC', () => {
  it('takes origins, separated by spaces or commas, as the URL parser writes them', () => {
    expect(configFromEnv({}).viewerConnectSrc).toEqual([]);
    expect(viewerConnectSrcFromEnv(' HTTP://127.0.0.1:9214/ ,https://Shl.Example.org ')).toEqual([
      'http://127.0.0.1:9214',
      'https://shl.example.org',
    ]);
  });

  it('refuses anything but an http(s) origin, so nothing else can enter the policy', () => {
    for (const bad of [
      'https://shl.example.org/path',
      'https://shl.example.org?x=1',
      "'unsafe-inline'",
      '*',
      'javascript:alert(1)',
      'ws://127.0.0.1:9',
      "https://x.example;script-src 'unsafe-eval'",
      'https://user:pw@x.example',
    ]) {
      expect(() => configFromEnv({ VIEWER_CONNECT_SRC: bad }), bad).toThrow(/VIEWER_CONNECT_SRC/);
    }
  });
});
