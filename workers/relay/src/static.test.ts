import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setUpRelay } from './testing/setup.ts';

const dist = mkdtempSync(join(tmpdir(), 'carnet-dist-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Carnet</title>');
writeFileSync(join(dist, 'assets', 'app-1234.js'), 'export {};');
const relay = setUpRelay('SQLite', { staticDir: dist }, { per: 'file' });

afterAll(() => {
  rmSync(dist, { recursive: true, force: true });
});

describe('the app around the share API', () => {
  it('serves the shell, hashed assets and client-side routes with security headers', async () => {
    const shell = await relay.api.request('/');
    expect(shell.headers.get('Content-Type')).toContain('text/html');
    expect(shell.headers.get('Cache-Control')).toBe('no-cache');
    expect(shell.headers.get('X-Frame-Options')).toBe('DENY');
    const asset = await relay.api.request('/assets/app-1234.js');
    expect(asset.headers.get('Cache-Control')).toContain('immutable');
    const route = await relay.api.request('/v');
    expect(await route.text()).toContain('<title>Carnet</title>');
  });

  it("revalidates the service worker's imported script, so a fix reaches phones at once", async () => {
    writeFileSync(join(dist, 'sw-notifications.js'), 'self.addEventListener("x", () => {});');
    try {
      const res = await relay.api.request('/sw-notifications.js');
      expect(res.status).toBe(200);
      expect(res.headers.get('Cache-Control')).toBe('no-cache');
    } finally {
      rmSync(join(dist, 'sw-notifications.js'));
    }
  });

  it('keeps /api JSON and never serves outside the build folder', async () => {
    const missing = await relay.api.request('/api/shl/unknown/thing');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'not_found' });
    for (const path of [
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
      '/assets/..%2f..%2f..%2fetc%2fhosts',
    ]) {
      const res = await relay.api.request(path);
      const body = await res.text();
      expect(body).not.toContain('root:');
      expect(body).not.toContain('localhost');
    }
    expect((await relay.api.request('/nothing.png')).status).toBe(404);
  });

  it("serves the doctor's viewer at /v and /v/ with the shell's headers", async () => {
    writeFileSync(join(dist, 'viewer.html'), '<!doctype html><title>Viewer</title>');
    try {
      for (const path of ['/v', '/v/']) {
        const res = await relay.api.request(path);
        expect(res.status).toBe(200);
        expect(res.headers.get('Content-Type')).toContain('text/html');
        expect(res.headers.get('Cache-Control')).toBe('no-cache');
        expect(res.headers.get('Content-Security-Policy')).toContain("default-src 'self'");
        expect(await res.text()).toContain('<title>Viewer</title>');
      }
      expect(await (await relay.api.request('/v/other')).text()).toContain('<title>Carnet</title>');
    } finally {
      rmSync(join(dist, 'viewer.html'));
    }
  });
});
