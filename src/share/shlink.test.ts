import { describe, expect, it } from 'vitest';
import { codeOf } from '../crypto/test-helpers.ts';
import { ShareError } from './errors.ts';
import { contentKey, encodeShlink, hasFlag, parseShlink, viewerLink } from './shlink.ts';

const key = Buffer.alloc(32, 7).toString('base64url');
const payload = {
  url: 'https://carnet.example/api/shl/abc',
  key,
  exp: 1_900_000_000,
  flag: 'P',
  label: 'Carnet',
  v: 1 as const,
};

function b64(json: unknown): string {
  return Buffer.from(JSON.stringify(json)).toString('base64url');
}

describe('SMART Health Link payloads', () => {
  it('round-trips through a bare link and a viewer link', () => {
    expect(parseShlink(encodeShlink(payload))).toEqual(payload);
    const link = viewerLink('https://carnet.example', payload);
    expect(link.startsWith('https://carnet.example/v#shlink:/')).toBe(true);
    expect(parseShlink(link)).toEqual(payload);
    expect(hasFlag(payload, 'P')).toBe(true);
    expect(hasFlag(payload, 'U')).toBe(false);
    expect(contentKey(payload)).toEqual(new Uint8Array(32).fill(7));
  });

  it("reads a link written by hand from the specification's example shape", () => {
    const link = `https://viewer.example.org/#shlink:/${b64({ url: 'https://ehr.example.org/qr/Y9xwkUdtmN9wwoJoN3ffJIhX2UGvCL1JnlPVNL3kDWM/m', flag: 'LP', key: 'rxTgYlOaKJPFtcEd0qcceN8wEU4p94SqAwIWQe6uX7Q', label: 'Back-to-school immunizations for Oliver Brown' })}`;
    const p = parseShlink(link);
    expect(p.flag).toBe('LP');
    expect(p.label).toContain('Oliver');
  });

  it('refuses malformed links with one code and no detail', async () => {
    const bad = [
      '',
      'https://example.org/',
      'shlink:/not-base64!!',
      `shlink:/${b64([])}`,
      `shlink:/${b64({ ...payload, url: 'ftp://x' })}`,
      `shlink:/${b64({ ...payload, url: `https://x.org/${'a'.repeat(130)}` })}`,
      `shlink:/${b64({ ...payload, key: 'short' })}`,
      `shlink:/${b64({ ...payload, flag: 'X' })}`,
      `shlink:/${b64({ ...payload, flag: 'PU' })}`,
      `shlink:/${b64({ ...payload, label: 'x'.repeat(81) })}`,
      `shlink:/${b64({ ...payload, v: 2 })}`,
      `shlink:/${b64({ ...payload, exp: 'soon' })}`,
      `https://x.org/?q=shlink:/${b64(payload)}`,
    ];
    for (const text of bad) {
      expect(await codeOf(() => parseShlink(text), ShareError), text).toBe('malformed-link');
    }
  });

  it('allows plain http only for this machine', async () => {
    expect(
      parseShlink(encodeShlink({ ...payload, url: 'http://localhost:8080/api/shl/a' })).url,
    ).toContain('localhost');
    expect(
      await codeOf(
        () => parseShlink(encodeShlink({ ...payload, url: 'http://carnet.example/a' })),
        ShareError,
      ),
    ).toBe('malformed-link');
  });
});
