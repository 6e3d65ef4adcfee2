import { describe, expect, it } from 'vitest';
import { ShareError } from '../share/errors.ts';
import { UnreachableServer } from '../share/open-link.ts';
import { encodeShlink } from '../share/shlink.ts';
import { firstStep, isExpired, nextAfterName, readFragment, stepForError } from './flow.ts';

const key = Buffer.alloc(32, 1).toString('base64url');
const NOW = 1_800_000_000_000;
const link = (extra: Record<string, unknown> = {}) =>
  `#${encodeShlink({ url: 'https://carnet.example/api/shl/x', key, exp: NOW / 1000 + 3600, ...extra })}`;

describe('reading the fragment', () => {
  it('reads a link, and tells a bare page from a malformed link', () => {
    const reading = readFragment(link({ flag: 'P' }));
    expect(reading.ok && reading.payload.flag).toBe('P');
    expect(readFragment('')).toEqual({ ok: false, code: 'no-link' });
    expect(readFragment('#')).toEqual({ ok: false, code: 'no-link' });
    for (const bad of [
      '#shlink:/',
      '#shlink:/%%%',
      '#hello',
      `#shlink:/${Buffer.from('{"url":1}').toString('base64url')}`,
    ]) {
      expect(readFragment(bad)).toEqual({ ok: false, code: 'malformed' });
    }
  });
});

describe('the first step', () => {
  it('stops on a bad or expired link before any request', () => {
    expect(firstStep(readFragment('#x'), NOW, 'Dr M')).toEqual({ kind: 'stop', code: 'malformed' });
    expect(firstStep(readFragment(''), NOW, 'Dr M')).toEqual({ kind: 'stop', code: 'no-link' });
    const expired = readFragment(link({ exp: NOW / 1000 - 1 }));
    expect(firstStep(expired, NOW, 'Dr M')).toEqual({ kind: 'stop', code: 'expired' });
  });

  it('asks the name once, then the PIN for P links, else opens', () => {
    expect(firstStep(readFragment(link()), NOW, null)).toEqual({ kind: 'name' });
    expect(firstStep(readFragment(link({ flag: 'P' })), NOW, 'Dr M')).toEqual({
      kind: 'pin',
      wrong: false,
    });
    expect(firstStep(readFragment(link()), NOW, 'Dr M')).toEqual({ kind: 'loading' });
    const reading = readFragment(link({ flag: 'LP' }));
    if (reading.ok) expect(nextAfterName(reading.payload)).toEqual({ kind: 'pin', wrong: false });
  });

  it('treats a link without exp as never expiring by itself', () => {
    expect(isExpired({ url: 'https://x.example/a', key }, NOW)).toBe(false);
    expect(isExpired({ url: 'https://x.example/a', key, exp: NOW / 1000 }, NOW)).toBe(true);
  });
});

describe('after a failed open', () => {
  /** The viewer's own host (its relay's). */
  const OWN = 'carnet.example';
  const step = (error: unknown) => stepForError(error, OWN);

  it('asks the PIN again with the attempts left, and stops when none are left', () => {
    expect(step(new ShareError('wrong-passcode', { remainingAttempts: 2 }))).toEqual({
      kind: 'pin',
      wrong: true,
      remainingAttempts: 2,
    });
    expect(step(new ShareError('wrong-passcode', { remainingAttempts: 0 }))).toEqual({
      kind: 'stop',
      code: 'locked',
    });
    expect(step(new ShareError('passcode-required', { remainingAttempts: 5 }))).toEqual({
      kind: 'pin',
      wrong: false,
      remainingAttempts: 5,
    });
  });

  it('offers a retry for network trouble only', () => {
    expect(step(new ShareError('network'))).toEqual({ kind: 'retry', code: 'network' });
    expect(step(new ShareError('offline'))).toEqual({ kind: 'retry', code: 'offline' });
    expect(step(new ShareError('rate-limited'))).toEqual({
      kind: 'retry',
      code: 'rate-limited',
    });
    expect(step(new ShareError('inactive'))).toEqual({ kind: 'stop', code: 'inactive' });
    expect(step(new ShareError('undecryptable'))).toEqual({
      kind: 'stop',
      code: 'undecryptable',
    });
    expect(step(new ShareError('unsupported-content'))).toEqual({
      kind: 'stop',
      code: 'unsupported',
    });
    expect(step(new Error('boom'))).toEqual({ kind: 'stop', code: 'unsupported' });
  });

  it("names a server of another origin that does not answer, not the doctor's connection", () => {
    expect(step(new UnreachableServer('shl.example.org'))).toEqual({
      kind: 'retry',
      code: 'unreachable',
      host: 'shl.example.org',
    });
    expect(step(new UnreachableServer('127.0.0.1:9214'))).toMatchObject({ host: '127.0.0.1:9214' });
    // Its own relay not answering, while the page just came from it: the connection.
    expect(step(new UnreachableServer(OWN))).toEqual({ kind: 'retry', code: 'network' });
  });

  it('stops on a share too large to open', () => {
    expect(step(new ShareError('too-large'))).toEqual({ kind: 'stop', code: 'too-large' });
  });
});
