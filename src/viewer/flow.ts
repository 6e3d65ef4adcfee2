import { ShareError } from '../share/errors.ts';
import type { UnreachableServer } from '../share/open-link.ts';
import { hasFlag, parseShlink, type ShlPayload } from '../share/shlink.ts';
import type { ShareContent } from './content.ts';

/**
 * The viewer's steps, as plain data, and the pure rules that move between them. The
 * hook in useViewer.ts runs the requests; everything here is testable without a browser.
 */

/** Messages the viewer can end on; each maps to `viewer:error.<code>`. */
export type StopCode =
  | 'malformed'
  | 'no-link'
  | 'expired'
  | 'inactive'
  | 'locked'
  | 'undecryptable'
  | 'unsupported'
  | 'too-large'
  | 'closed';

/** Problems worth a retry button; `unreachable` names the server that did not answer. */
export type RetryCode = 'network' | 'offline' | 'rate-limited' | 'unreachable';

export type Step =
  | { readonly kind: 'stop'; readonly code: StopCode }
  | { readonly kind: 'name' }
  | { readonly kind: 'pin'; readonly wrong: boolean; readonly remainingAttempts?: number }
  | { readonly kind: 'loading' }
  | { readonly kind: 'retry'; readonly code: RetryCode; readonly host?: string }
  | { readonly kind: 'summary'; readonly content: ShareContent };

/** What the link said, once read. */
export type LinkReading =
  | { readonly ok: true; readonly payload: ShlPayload }
  | { readonly ok: false; readonly code: 'malformed' | 'no-link' | 'closed' };

/** Reads the fragment the page was opened with (`#shlink:/...`, or nothing). */
export function readFragment(hash: string): LinkReading {
  const fragment = hash.replace(/^#/, '');
  if (fragment.trim() === '') return { ok: false, code: 'no-link' };
  try {
    return { ok: true, payload: parseShlink(`#${fragment}`) };
  } catch {
    return { ok: false, code: 'malformed' };
  }
}

/** True when the link's own `exp` (epoch seconds) has passed at `nowMs`. */
export function isExpired(payload: ShlPayload, nowMs: number): boolean {
  return payload.exp !== undefined && payload.exp * 1000 <= nowMs;
}

/**
 * The first step for a link: stop on a bad or expired link, ask the reader's name if
 * this device does not know it, ask the PIN for `P` links, otherwise open at once.
 */
export function firstStep(reading: LinkReading, nowMs: number, recipient: string | null): Step {
  if (!reading.ok) return { kind: 'stop', code: reading.code };
  if (isExpired(reading.payload, nowMs)) return { kind: 'stop', code: 'expired' };
  if (!recipient) return { kind: 'name' };
  return nextAfterName(reading.payload);
}

/** After the name: the PIN for `P` links, otherwise opening. */
export function nextAfterName(payload: ShlPayload): Step {
  return hasFlag(payload, 'P') ? { kind: 'pin', wrong: false } : { kind: 'loading' };
}

/**
 * The server an UnreachableServer (share/open-link.ts) names. Read by shape, not with
 * `instanceof`: this module is on the first screen, the share reader loads later (reader.ts).
 */
function unreachableHost(error: ShareError): string | undefined {
  const { host } = error as Partial<UnreachableServer>;
  return typeof host === 'string' ? host : undefined;
}

/**
 * The step a failed open leads to. A server other than the page's own (`ownHost`) that
 * does not answer is named: checking the doctor's connection would not help, since this
 * page just came over it.
 */
export function stepForError(error: unknown, ownHost: string): Step {
  if (!(error instanceof ShareError)) return { kind: 'stop', code: 'unsupported' };
  const host = unreachableHost(error);
  if (host !== undefined && host !== ownHost) return { kind: 'retry', code: 'unreachable', host };
  const left = error.details.remainingAttempts;
  switch (error.code) {
    case 'wrong-passcode':
      if (left === 0) return { kind: 'stop', code: 'locked' };
      return {
        kind: 'pin',
        wrong: true,
        ...(left !== undefined ? { remainingAttempts: left } : {}),
      };
    case 'passcode-required':
      if (left === 0) return { kind: 'stop', code: 'locked' };
      return {
        kind: 'pin',
        wrong: false,
        ...(left !== undefined ? { remainingAttempts: left } : {}),
      };
    case 'malformed-link':
      return { kind: 'stop', code: 'malformed' };
    case 'expired':
      return { kind: 'stop', code: 'expired' };
    case 'inactive':
      return { kind: 'stop', code: 'inactive' };
    case 'undecryptable':
      return { kind: 'stop', code: 'undecryptable' };
    case 'offline':
      return { kind: 'retry', code: 'offline' };
    case 'rate-limited':
      return { kind: 'retry', code: 'rate-limited' };
    case 'network':
      return { kind: 'retry', code: 'network' };
    case 'too-large':
      return { kind: 'stop', code: 'too-large' };
    case 'unsupported-content':
      return { kind: 'stop', code: 'unsupported' };
  }
}
