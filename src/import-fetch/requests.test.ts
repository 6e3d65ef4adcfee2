import { describe, expect, it } from 'vitest';
import type { FrameRequest } from './protocol.ts';
import { isFrameRequest, requestToSend } from './requests.ts';

const MANIFEST = 'https://shl.example.org/shl/abc';
const request = (partial: Partial<FrameRequest>): FrameRequest => ({
  type: 'carnet-import-fetch',
  id: 1,
  url: MANIFEST,
  method: 'GET',
  ...partial,
});

describe('what the import page sends', () => {
  it('sends a manifest request with the protocol fields only, rebuilt', () => {
    const body = JSON.stringify({
      recipient: 'Carnet',
      passcode: '2468',
      embeddedLengthMax: 1000,
      record: { name: 'Amina' },
    });
    const sent = requestToSend(request({ method: 'POST', body }));
    expect(sent).toEqual({
      url: MANIFEST,
      method: 'POST',
      body: JSON.stringify({ recipient: 'Carnet', passcode: '2468', embeddedLengthMax: 1000 }),
    });
  });

  it('sends a GET without a body', () => {
    expect(requestToSend(request({}))).toEqual({ url: MANIFEST, method: 'GET' });
    expect(requestToSend(request({ body: 'x' }))).toBeNull();
  });

  it('refuses anything else', () => {
    const refused: Partial<FrameRequest>[] = [
      { url: 'javascript:alert(1)' },
      { url: 'data:text/plain,x' },
      { url: '/relative' },
      { url: `https://x.example/${'a'.repeat(3000)}` },
      { method: 'PUT' as 'GET' },
      { method: 'POST', body: 'not json' },
      { method: 'POST', body: '[]' },
      { method: 'POST', body: JSON.stringify({ passcode: '1' }) },
      { method: 'POST', body: JSON.stringify({ recipient: 'x'.repeat(600) }) },
      { method: 'POST', body: JSON.stringify({ recipient: 'C', passcode: 12 }) },
      { method: 'POST', body: JSON.stringify({ recipient: 'C', embeddedLengthMax: '1' }) },
    ];
    for (const partial of refused) expect(requestToSend(request(partial))).toBeNull();
  });

  it('takes only requests in the page protocol', () => {
    expect(isFrameRequest(request({}))).toBe(true);
    for (const other of [null, 'x', { type: 'carnet-import-fetch' }, { type: 'other', id: 1 }]) {
      expect(isFrameRequest(other)).toBe(false);
    }
  });
});
