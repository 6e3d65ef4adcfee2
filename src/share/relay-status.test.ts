import { describe, expect, it } from 'vitest';
import { relayFailure, type RelayCall } from './relay-status.ts';

const manage: RelayCall = { kind: 'manage' };
const open = (passcodeSent: boolean, body?: unknown): RelayCall => ({
  kind: 'open',
  passcodeSent,
  body,
});

function read(status: number, call: RelayCall): [string, number | undefined] {
  const err = relayFailure(status, call);
  return [err.code, err.details.remainingAttempts];
}

describe('relayFailure', () => {
  it('reads the statuses every call shares alike', () => {
    for (const call of [manage, open(false), open(true)]) {
      expect(read(404, call)).toEqual(['inactive', undefined]);
      expect(read(429, call)).toEqual(['rate-limited', undefined]);
      for (const status of [400, 403, 415, 500, 502, 0]) {
        expect(read(status, call)).toEqual(['network', undefined]);
      }
    }
  });

  it('reads 413 as too large only for the patient app’s own calls', () => {
    expect(read(413, manage)).toEqual(['too-large', undefined]);
    expect(read(413, open(false))).toEqual(['network', undefined]);
  });

  it('reads 401 as a PIN to give or a wrong PIN, with the attempts left, only when opening', () => {
    const body = { error: 'wrong_passcode', message: 'Wrong passcode.', remainingAttempts: 3 };
    expect(read(401, open(true, body))).toEqual(['wrong-passcode', 3]);
    expect(read(401, open(false, { remainingAttempts: 5 }))).toEqual(['passcode-required', 5]);
    for (const odd of [undefined, null, 'nope', { remainingAttempts: '3' }]) {
      expect(read(401, open(true, odd))).toEqual(['wrong-passcode', undefined]);
    }
    expect(read(401, manage)).toEqual(['network', undefined]);
  });
});
