import { describe, expect, it } from 'vitest';
import { RecordError } from '../../record/errors.ts';
import { ShareError } from '../../share/errors.ts';
import {
  codeFailureKey,
  isCancelled,
  isPermanentRelayFailure,
  relayFailureKey,
} from './backup-errors.ts';

describe('backup failures in words', () => {
  it('words relay failures for backups, not for shares', () => {
    expect(relayFailureKey(new ShareError('offline'))).toBe('backup:relay.error.offline');
    expect(relayFailureKey(new ShareError('too-large'))).toBe('backup:relay.error.tooLarge');
    expect(relayFailureKey(new ShareError('rate-limited'))).toBe('backup:relay.error.rateLimited');
    expect(relayFailureKey(new ShareError('inactive'))).toBe('backup:relay.error.network');
    expect(relayFailureKey(new RecordError('storage-full'))).toBe('errors:storage-full');
    expect(relayFailureKey(new Error('anything'))).toBe('errors:unexpected');
  });

  it('tells a code for another record from a typo', () => {
    expect(codeFailureKey(new RecordError('wrong-secret'))).toBe('backup:relay.wrongCode');
    expect(codeFailureKey(new RecordError('bad-recovery-code'))).toBe('errors:bad-recovery-code');
  });

  it('knows a cancel and a refusal that would repeat', () => {
    expect(isCancelled(new RecordError('cancelled'))).toBe(true);
    expect(isCancelled(new RecordError('locked'))).toBe(false);
    expect(isPermanentRelayFailure(new ShareError('too-large'))).toBe(true);
    expect(isPermanentRelayFailure(new ShareError('network'))).toBe(false);
  });
});
