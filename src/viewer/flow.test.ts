import { describe, expect, it } from 'vitest';
import { ShareError } from '../share/errors.ts';
import { encodeShlink } from '../share/shlink.ts';
import { summaryFromFiles } from './content.ts';
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
  it('asks the PIN again with the attempts left, and stops when none are left', () => {
    expect(stepForError(new ShareError('wrong-passcode', { remainingAttempts: 2 }))).toEqual({
      kind: 'pin',
      wrong: true,
      remainingAttempts: 2,
    });
    expect(stepForError(new ShareError('wrong-passcode', { remainingAttempts: 0 }))).toEqual({
      kind: 'stop',
      code: 'locked',
    });
    expect(stepForError(new ShareError('passcode-required', { remainingAttempts: 5 }))).toEqual({
      kind: 'pin',
      wrong: false,
      remainingAttempts: 5,
    });
  });

  it('offers a retry for network trouble only', () => {
    expect(stepForError(new ShareError('network'))).toEqual({ kind: 'retry', code: 'network' });
    expect(stepForError(new ShareError('offline'))).toEqual({ kind: 'retry', code: 'offline' });
    expect(stepForError(new ShareError('rate-limited'))).toEqual({
      kind: 'retry',
      code: 'rate-limited',
    });
    expect(stepForError(new ShareError('inactive'))).toEqual({ kind: 'stop', code: 'inactive' });
    expect(stepForError(new ShareError('undecryptable'))).toEqual({
      kind: 'stop',
      code: 'undecryptable',
    });
    expect(stepForError(new ShareError('unsupported-content'))).toEqual({
      kind: 'stop',
      code: 'unsupported',
    });
    expect(stepForError(new Error('boom'))).toEqual({ kind: 'stop', code: 'unsupported' });
  });
});

describe('the decrypted files', () => {
  const file = (contentType: string, body: string) => ({
    contentType,
    plaintext: new TextEncoder().encode(body),
  });

  it('takes the first Bundle as the summary and adds the documents of others', () => {
    const doc = (title: string) =>
      JSON.stringify({
        resourceType: 'Bundle',
        entry: [{ resource: { resourceType: 'DocumentReference', description: title } }],
      });
    const summary = summaryFromFiles([
      file('application/smart-health-card', '{"verifiableCredential":[]}'),
      file('application/fhir+json', doc('A')),
      file('application/fhir+json', 'not json'),
      file('application/fhir+json', doc('B')),
    ]);
    expect(summary.documents.map((d) => d.title)).toEqual(['A', 'B']);
  });

  it('says unsupported when nothing is readable', () => {
    expect(() =>
      summaryFromFiles([file('application/fhir+json', '{"resourceType":"Patient"}')]),
    ).toThrow(ShareError);
    expect(() => summaryFromFiles([])).toThrow(ShareError);
  });
});
