import { beforeAll, describe, expect, it } from 'vitest';
import { fakeJwe } from './testing/fixtures.ts';
import type { RunningRelay } from './testing/serve.ts';
import { setUpRelay } from './testing/setup.ts';

// Two relay instances, A and B, each with its own connection to one Redis.
const relay = setUpRelay('Redis', {}, { per: 'file' });
let a: RunningRelay;
let b: RunningRelay;

beforeAll(async () => {
  a = await relay.serve({ limits: { manifestPerMinute: 10_000 } });
  b = await relay.serve({ store: relay.twin(), limits: { manifestPerMinute: 10_000 } });
});

const post = (
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

/** Creates a share of one file on `instance` and uploads the file through `uploadOn`. */
async function createOn(
  instance: RunningRelay,
  extra: Record<string, unknown> = {},
  uploadOn: RunningRelay = instance,
): Promise<{ id: string; manifestUrl: string; managementToken: string; jwe: string }> {
  const jwe = fakeJwe(300);
  const res = await post(`${instance.url}/api/shl`, {
    files: [{ contentType: 'application/fhir+json', length: jwe.length }],
    exp: Math.floor(relay.clock / 1000) + 600,
    ...extra,
  });
  expect(res.status).toBe(201);
  const created = (await res.json()) as {
    id: string;
    manifestUrl: string;
    managementToken: string;
    uploads: string[];
  };
  const put = await fetch(uploadOn.url + created.uploads[0]!, {
    method: 'PUT',
    headers: {
      'Content-Type': 'application/jose',
      Authorization: `Bearer ${created.managementToken}`,
    },
    body: jwe,
  });
  expect(put.status).toBe(200);
  return { ...created, jwe };
}

/** The same share through the other instance: only the origin differs. */
const via = (instance: RunningRelay, url: string): string => instance.url + new URL(url).pathname;

describe('two relay instances on one Redis', () => {
  it('reads, counts and revokes through B a share created on A and uploaded through B', async () => {
    const share = await createOn(a, {}, b);
    const manifest = await post(via(b, share.manifestUrl), { recipient: 'Dr B' });
    expect(manifest.status).toBe(200);
    const { files } = (await manifest.json()) as { files: { location: string }[] };
    const file = await fetch(via(a, files[0]!.location));
    expect(await file.text()).toBe(share.jwe);
    await post(via(a, share.manifestUrl), { recipient: 'Dr A' });
    const auth = { Authorization: `Bearer ${share.managementToken}` };
    const status = (await (
      await fetch(`${b.url}/api/shl/${share.id}/admin`, { headers: auth })
    ).json()) as {
      accesses: { recipient: string }[];
    };
    expect(status.accesses.map((x) => x.recipient)).toEqual(['Dr B', 'Dr A']);
    const revoked = await fetch(`${b.url}/api/shl/${share.id}`, {
      method: 'DELETE',
      headers: auth,
    });
    expect(revoked.status).toBe(204);
    expect((await post(via(a, share.manifestUrl), { recipient: 'x' })).status).toBe(404);
    expect((await fetch(via(a, files[0]!.location))).status).toBe(404);
  });

  it('holds the attempt budget across both under 50 parallel wrong guesses', async () => {
    const share = await createOn(a, { passcode: 'right-one' });
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        post(via(i % 2 === 0 ? a : b, share.manifestUrl), {
          recipient: 'x',
          passcode: `wrong-${i}`,
        }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 404)).toHaveLength(45);
    const left = await Promise.all(
      answers
        .filter((r) => r.status === 401)
        .map(async (r) => ((await r.json()) as { remainingAttempts: number }).remainingAttempts),
    );
    expect(left.sort()).toEqual([0, 1, 2, 3, 4]);
    expect(
      (await post(via(b, share.manifestUrl), { recipient: 'x', passcode: 'right-one' })).status,
    ).toBe(404);
  });

  it('decrements exactly once per guess when the budget is larger than the burst', async () => {
    const generous = await relay.serve({ limits: { passcodeAttempts: 100 } });
    const share = await createOn(generous, { passcode: 'right-one' });
    await generous.close();
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        post(via(i % 2 ? a : b, share.manifestUrl), { recipient: 'x', passcode: `w${i}` }),
      ),
    );
    expect(answers.every((r) => r.status === 401)).toBe(true);
    const auth = { headers: { Authorization: `Bearer ${share.managementToken}` } };
    const status = (await (await fetch(`${a.url}/api/shl/${share.id}/admin`, auth)).json()) as {
      remainingAttempts: number;
    };
    expect(status.remainingAttempts).toBe(50);
  });

  it('shares maxUses and rate counts between instances', async () => {
    const share = await createOn(a, { maxUses: 4 });
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        post(via(i % 2 ? a : b, share.manifestUrl), { recipient: `r${i}` }),
      ),
    );
    expect(answers.filter((r) => r.status === 200)).toHaveLength(4);

    const limits = { createPerMinute: 3 };
    const limitedA = await relay.serve({ limits, trustProxy: true });
    const limitedB = await relay.serve({ store: relay.twin(), limits, trustProxy: true });
    const codes: number[] = [];
    for (const instance of [limitedA, limitedB, limitedA, limitedB]) {
      const res = await post(
        `${instance.url}/api/shl`,
        {
          files: [{ contentType: 'application/fhir+json', length: 100 }],
          exp: Math.floor(relay.clock / 1000) + 60,
        },
        { 'X-Forwarded-For': '203.0.113.77' },
      );
      codes.push(res.status);
    }
    await limitedA.close();
    await limitedB.close();
    expect(codes).toEqual([201, 201, 201, 429]);
  });

  it('stores nothing for a refused create', async () => {
    const { Redis } = await import('ioredis');
    const { url, prefix } = relay.redis;
    const raw = new Redis(url);
    const shareKeys = async (): Promise<string[]> =>
      (await raw.keys(`${prefix}*`)).filter((k) => !k.startsWith(`${prefix}rl:`)).sort();
    const before = await shareKeys();
    const small = await relay.serve({ limits: { maxFileBytes: 1000, maxFiles: 1 } });
    const exp = Math.floor(relay.clock / 1000) + 60;
    const big = await post(`${small.url}/api/shl`, {
      files: [{ contentType: 'application/fhir+json', length: 5000 }],
      exp,
    });
    const many = await post(`${small.url}/api/shl`, {
      files: [
        { contentType: 'application/fhir+json', length: 10 },
        { contentType: 'application/fhir+json', length: 10 },
      ],
      exp,
    });
    const inline = await post(`${small.url}/api/shl`, {
      files: [{ contentType: 'application/fhir+json', jwe: fakeJwe(10) }],
      exp,
    });
    await small.close();
    expect([big.status, many.status, inline.status]).toEqual([413, 400, 400]);
    // Rate-limit counters aside, Redis holds exactly the keys it held before.
    expect(await shareKeys()).toEqual(before);
    await raw.quit();
  });
});
