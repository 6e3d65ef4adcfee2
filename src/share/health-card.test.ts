import { deflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { HEALTH_CARD_LIMITS, cardsInFile, decodeHealthCard } from './health-card.ts';
import { testIssuer, vaccinationBundle, type TestIssuer } from './health-card.test-helper.ts';
import { verifyHealthCard } from './health-card-verify.ts';
import { readIps } from './ips-read.ts';

const ISS = 'https://clinic.example.org/shc';
let issuer: TestIssuer;
let jws: string;

beforeAll(async () => {
  issuer = await testIssuer(ISS);
  jws = await issuer.issue(vaccinationBundle());
});

/** An issuer's server: the JWKS at the well-known path, nothing else; records the calls. */
function issuerServer(jwks: unknown = issuer.jwks) {
  const seen: { url: string; init: RequestInit }[] = [];
  const fetch = ((input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = input instanceof Request ? input.url : input.toString();
    seen.push({ url, init });
    return Promise.resolve(
      url === `${ISS}/.well-known/jwks.json`
        ? Response.json(jwks)
        : new Response('', { status: 404 }),
    );
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('decoding a SMART Health Card', () => {
  it('reads the issuer, the date and the bundle of a card made by another implementation', async () => {
    const card = await decodeHealthCard(jws);
    expect(card?.issuer).toBe(ISS);
    expect(card?.kid).toBe(issuer.jwks.keys[0]?.kid);
    expect(Math.abs((card?.issuedAt ?? 0) - Date.now() / 1000)).toBeLessThan(600);
    const summary = readIps(card?.bundle);
    expect(summary.patient?.name).toBe('Amal Haddad');
    const immunizations = summary.sections.find((s) => s.kind === 'immunizations');
    expect(immunizations?.items.map((i) => [i.label?.code?.code, i.date])).toEqual([
      ['207', '2021-05-03'],
      ['207', '2021-06-14'],
    ]);
    expect(summary.sections.find((s) => s.kind === 'results')?.items).toHaveLength(1);
  });

  it('lists the cards of a health card file, and nothing of anything else', () => {
    expect(cardsInFile({ verifiableCredential: [jws, 42, jws] })).toEqual([jws, jws]);
    for (const other of [null, 'x', { verifiableCredential: 'x' }, { resourceType: 'Bundle' }]) {
      expect(cardsInFile(other)).toEqual([]);
    }
  });

  it('returns null for anything that is not a readable card, a small DEFLATE bomb included', async () => {
    const header = b64({ alg: 'ES256', zip: 'DEF', kid: 'k' });
    const payload = (json: unknown) => deflateRawSync(JSON.stringify(json)).toString('base64url');
    const bomb = deflateRawSync(Buffer.alloc(HEALTH_CARD_LIMITS.payloadBytes + 1, 32));
    const cases = [
      'not a jws',
      'a.b',
      `${header}.${payload({ iss: ISS })}.sig`, // no bundle
      `${header}.${payload({ vc: { credentialSubject: { fhirBundle: {} } } })}.sig`, // no issuer
      `${header}.${bomb.toString('base64url')}.sig`,
      `${header}.${Buffer.from('not deflate').toString('base64url')}.sig`,
      `${b64({ alg: 'ES256', zip: 'GZIP' })}.${payload({})}.sig`,
      `%%%.${payload({})}.sig`,
    ];
    for (const bad of cases) expect(await decodeHealthCard(bad)).toBeNull();
    expect(bomb.length).toBeLessThan(10_000);
  });
});

describe('verifying a card against its issuer’s keys', () => {
  it('says verified when the issuer’s published key matches, fetching only the JWKS', async () => {
    const card = (await decodeHealthCard(jws))!;
    const server = issuerServer();
    expect(await verifyHealthCard(card, server.fetch)).toEqual({ state: 'verified' });
    expect(server.seen.map((s) => s.url)).toEqual([`${ISS}/.well-known/jwks.json`]);
    // SECURITY: a plain GET, no cookies, no referrer, nothing of the card.
    expect(server.seen[0]?.init).toEqual({ credentials: 'omit', referrerPolicy: 'no-referrer' });
  });

  it('says invalid when the card was altered after signing', async () => {
    const [h, , s] = jws.split('.');
    const forged = (await issuer.issue(vaccinationBundle('Someone Else'))).split('.')[1];
    const card = (await decodeHealthCard(`${h}.${forged}.${s}`))!;
    expect(card.bundle).toBeDefined();
    expect(await verifyHealthCard(card, issuerServer().fetch)).toEqual({ state: 'invalid' });
  });

  it('says why it could not verify: no answer, no such key, or no https issuer', async () => {
    const card = (await decodeHealthCard(jws))!;
    const down = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    expect(await verifyHealthCard(card, down)).toEqual({
      state: 'unverified',
      reason: 'unreachable',
    });
    const other = await testIssuer(ISS);
    expect(await verifyHealthCard(card, issuerServer(other.jwks).fetch)).toEqual({
      state: 'unverified',
      reason: 'unknown-key',
    });
    expect(await verifyHealthCard(card, issuerServer({ keys: 'x' }).fetch)).toMatchObject({
      reason: 'unknown-key',
    });
    const huge = { keys: [{ kid: 'x', pad: 'x'.repeat(100_000) }] };
    expect(await verifyHealthCard(card, issuerServer(huge).fetch)).toMatchObject({
      reason: 'unreachable',
    });
    const plain = { ...card, issuer: 'http://clinic.example.org' };
    expect(await verifyHealthCard(plain, issuerServer().fetch)).toEqual({
      state: 'unverified',
      reason: 'bad-issuer',
    });
  });
});
