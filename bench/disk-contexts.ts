/**
 * Browser contexts that keep their storage on disk, as a phone keeps Carnet's IndexedDB.
 *
 * Playwright's `browser.newContext()` is off the record: Chromium keeps that context's
 * IndexedDB in memory. There, measured with Chromium 156 on a 2-core machine, storing a
 * value larger than about 350 bytes costs about 1.6 times as much as a smaller one (1,000
 * rows of 320 bytes: 37 ms; of 360 bytes: 58 ms), while on disk rows of 100 to 1,000 bytes
 * all cost 51 to 73 ms. A sealed entry (about 430 bytes) falls above that step and the same
 * entry stored plain (about 300 bytes) below it, so the in-memory store charged a step no
 * phone has to the encryption. Every figure that times IndexedDB is therefore measured on
 * disk: each context is its own Chromium with a new profile directory, removed when it
 * closes.
 */
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
} from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../e2e/browser.ts';

/** Opens a new browser context, with nothing stored yet. */
export type OpenContext = (options?: BrowserContextOptions) => Promise<BrowserContext>;

/** Every profile directory made, and those being removed after their context closed. */
const made: string[] = [];
const removals: Promise<void>[] = [];

/**
 * Removes every profile directory made, once their contexts are closed: Chromium writes a
 * few small files there as it exits, after the removal that its closing started.
 */
export async function removeProfiles(): Promise<void> {
  await Promise.all(removals);
  await Promise.all(made.map(removeProfile));
}

/** A new context with its own profile on disk; its directory goes when it closes. */
export const diskContext: OpenContext = async (options = {}) => {
  const dir = mkdtempSync(join(tmpdir(), 'carnet-bench-profile-'));
  made.push(dir);
  try {
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: chromiumExecutable(),
      args: CHROMIUM_ARGS,
      ...options,
    });
    // What the context stored goes as soon as it closes; removing retries for a while, as
    // Chromium may still be writing there as it exits.
    context.on('close', () => removals.push(removeProfile(dir)));
    return context;
  } catch (err) {
    await removeProfile(dir);
    throw err;
  }
};

function removeProfile(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }).catch(
    () => undefined,
  );
}

/**
 * Contexts of `browser` kept in memory (off the record), for the figures reported beside
 * the on-disk ones (`*_in_memory`): how the same code fares where Chromium stores in memory.
 */
export function memoryContexts(browser: Browser): OpenContext {
  return (options) => browser.newContext(options);
}
