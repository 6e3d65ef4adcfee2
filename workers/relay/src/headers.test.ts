// Every answer of the SHL endpoints carries the same security and CORS headers, whether a
// route built it as a final response (headers.ts) or the middleware added them.
import { describe, expect, it } from 'vitest';
import { finalHeaders, finalResponse, isFinal } from './headers.ts';
import type { ShareStore } from './store/store.ts';
import { setUpRelay } from './testing/setup.ts';

const relay = setUpRelay('SQLite');

const SECURITY = [
  'Content-Security-Policy',
  'Referrer-Policy',
  'X-Content-Type-Options',
  'Permissions-Policy',
  'Cross-Origin-Opener-Policy',
  'X-Frame-Options',
];

/** The security headers of `res`, by name, as a browser sees them. */
function securityOf(res: Response): Record<string, string | null> {
  return Object.fromEntries(SECURITY.map((name) => [name, res.headers.get(name)]));
}

describe('final responses', () => {
  it('carry exactly the security headers the middleware adds to other answers', async () => {
    const res = finalResponse('{}', 200, finalHeaders({ 'content-type': 'application/json' }));
    expect(isFinal(res)).toBe(true);
    expect(isFinal(new Response('{}'))).toBe(false);
    const health = await relay.api.request('/api/health');
    expect(securityOf(res)).toEqual(securityOf(health));
  });
});

describe('SHL endpoints', () => {
  it('answer successes, refusals and failures with security headers and CORS for any origin', async () => {
    const api = relay.client({ limits: { manifestPerMinute: 5 } });
    const expected = securityOf(await api.request('/api/health'));
    const { manifestUrl } = await api.create();
    const broken = Object.create(relay.store) as ShareStore;
    broken.get = () => Promise.reject(new Error('disk on fire'));
    const failing = relay.client({ store: broken });

    const answers: [string, Response][] = [
      ['manifest', await api.postJson(manifestUrl, { recipient: 'Dr A' })],
      ['direct GET', await api.request(`${manifestUrl}?recipient=Dr%20A`)],
      ['bad body', await api.postJson(manifestUrl, { recipient: '' })],
      ['too large', await api.postJson(manifestUrl, { recipient: 'x'.repeat(5000) })],
      ['unknown', await api.postJson(`/api/shl/${'A'.repeat(43)}`, { recipient: 'x' })],
      ['rate limited', await api.postJson(manifestUrl, { recipient: 'Dr A' })],
      ['ticket', await api.request(`/api/files/${'B'.repeat(96)}`)],
      ['failure', await failing.postJson(`/api/shl/${'C'.repeat(43)}`, { recipient: 'x' })],
    ];
    const statuses = answers.map(([label, res]) => [label, res.status]);
    expect(statuses).toEqual([
      ['manifest', 200],
      ['direct GET', 200],
      ['bad body', 400],
      ['too large', 413],
      ['unknown', 404],
      ['rate limited', 429],
      ['ticket', 404],
      ['failure', 500],
    ]);
    const head = await api.request(`/api/files/${'B'.repeat(96)}`, { method: 'HEAD' });
    expect([head.status, head.headers.get('Access-Control-Allow-Origin')]).toEqual([404, null]);
    expect(securityOf(head)).toEqual(expected);
    for (const [label, res] of answers) {
      expect([label, securityOf(res)]).toEqual([label, expected]);
      expect([label, res.headers.get('Access-Control-Allow-Origin')]).toEqual([label, '*']);
      expect([label, res.headers.get('Access-Control-Allow-Credentials')]).toEqual([label, null]);
    }
  });
});
