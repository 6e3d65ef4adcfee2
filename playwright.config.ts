import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './e2e/browser.ts';
import { foreignOrigin } from './e2e/foreign-origin.ts';

const port = Number(process.env.E2E_PORT ?? 8181);
/** The built app the tests run against (`vite build` output). */
const staticDir = process.env.E2E_STATIC_DIR ?? 'dist';
/**
 * The relay's data for this run: a fresh folder outside test-results/ (which every other
 * Playwright run empties), made once by the runner and inherited by its workers, which read
 * it back (e2e/replies.spec.ts looks there for plaintext).
 */
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), `carnet-e2e-${port}-`));

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://localhost:${port}`,
    viewport: { width: 360, height: 740 },
    serviceWorkers: 'allow',
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: 'node --import tsx workers/relay/src/main.ts',
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: process.env.E2E_DATA_DIR,
      STATIC_DIR: staticDir,
      // Every test shares one loopback address: lift the per-IP limits (tested in the relay's own tests).
      RELAY_CREATE_PER_MINUTE: '10000',
      RELAY_MANIFEST_PER_MINUTE: '10000',
      // The second SMART Health Links server of e2e/viewer-foreign.spec.ts: plain http on
      // loopback, so the viewer needs it named besides https.
      VIEWER_CONNECT_SRC: foreignOrigin(),
    },
  },
});
