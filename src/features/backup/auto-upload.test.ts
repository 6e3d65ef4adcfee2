import { describe, expect, it } from 'vitest';
import type { UploadFacts } from './auto-upload.ts';
import { MIN_UPLOAD_GAP_MS, relayUploadDue } from './auto-upload.ts';

const HOUR = MIN_UPLOAD_GAP_MS;
const T0 = Date.UTC(2025, 5, 1, 9, 0, 0);

/** The relay copy on, online, a copy at T0, a change just after it, and two hours gone. */
const due: UploadFacts = {
  relayOn: true,
  online: true,
  lastRelayAt: T0,
  lastChange: T0 + 1000,
  now: T0 + 2 * HOUR,
};

describe('when a relay copy is sent on its own', () => {
  it('after a change, once an hour has passed since the last copy', () => {
    expect(relayUploadDue(due)).toBe(true);
    expect(relayUploadDue({ ...due, now: T0 + HOUR })).toBe(true);
  });

  it('not within the hour, however many changes', () => {
    expect(relayUploadDue({ ...due, now: T0 + HOUR - 1 })).toBe(false);
    expect(relayUploadDue({ ...due, lastChange: T0 + HOUR - 2, now: T0 + HOUR - 1 })).toBe(false);
  });

  it('not without a change since the last copy, however long ago it was', () => {
    expect(relayUploadDue({ ...due, lastChange: T0, now: T0 + 100 * HOUR })).toBe(false);
    expect(relayUploadDue({ ...due, lastChange: T0 - 5, now: T0 + 100 * HOUR })).toBe(false);
  });

  it('never while the copy is off or the phone is offline', () => {
    expect(relayUploadDue({ ...due, relayOn: false })).toBe(false);
    expect(relayUploadDue({ ...due, online: false })).toBe(false);
    expect(relayUploadDue({ ...due, lastRelayAt: undefined, online: false })).toBe(false);
  });

  it('at once when the copy is on and none reached the relay yet, even an empty record', () => {
    expect(relayUploadDue({ ...due, lastRelayAt: undefined })).toBe(true);
    expect(relayUploadDue({ ...due, lastRelayAt: undefined, lastChange: 0 })).toBe(true);
  });

  it('retries after a passing failure, at the next check', () => {
    const lastFailure = { at: T0 + 2 * HOUR - 1000, permanent: false };
    expect(relayUploadDue({ ...due, lastFailure })).toBe(true);
    expect(relayUploadDue({ ...due, lastRelayAt: undefined, lastFailure })).toBe(true);
  });

  it('after a "too large" refusal, waits for a change made after it', () => {
    const lastFailure = { at: T0 + 2 * HOUR - 1000, permanent: true };
    expect(relayUploadDue({ ...due, lastFailure })).toBe(false);
    expect(relayUploadDue({ ...due, lastRelayAt: undefined, lastFailure })).toBe(false);
    const changed = { ...due, lastFailure, lastChange: lastFailure.at + 1, now: T0 + 3 * HOUR };
    expect(relayUploadDue(changed)).toBe(true);
  });

  it('is not held back for long by a clock set back before the last copy', () => {
    expect(relayUploadDue({ ...due, now: T0 - 10 * HOUR })).toBe(true);
  });
});
