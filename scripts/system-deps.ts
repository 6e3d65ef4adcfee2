// Makes sure the programs the tests drive are on this machine: Chromium for Playwright and
// redis-server for the relay's scale-out store. Installs them with apt-get when run as root,
// otherwise says exactly what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { chromium as Chromium } from '@playwright/test';

const require = createRequire(import.meta.url);

function playwrightChromium(): string | null {
  try {
    const { chromium } = require('@playwright/test') as { chromium: typeof Chromium };
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Returns the Debian packages still needed. */
export function missingPackages(): string[] {
  const missing: string[] = [];
  const browser =
    (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) ||
    playwrightChromium() ||
    existsSync('/usr/bin/chromium');
  if (!browser) missing.push('chromium');
  if (!onPath('redis-server')) missing.push('redis-server');
  return missing;
}

/** Installs what is missing, or explains how to. Returns true when everything is present. */
export function ensureSystemDeps(): boolean {
  const missing = missingPackages();
  if (missing.length === 0) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !onPath('apt-get')) {
    console.error(
      `The tests need ${missing.join(' and ')}. Install ${missing.length > 1 ? 'them' : 'it'} ` +
        `(Debian: sudo apt-get install ${missing.join(' ')}), or set CHROMIUM_PATH to a Chromium binary.`,
    );
    return false;
  }
  console.log(`Installing ${missing.join(', ')} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    stdio: 'inherit',
    env,
  });
  return missingPackages().length === 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit(ensureSystemDeps() ? 0 : 1);
}
