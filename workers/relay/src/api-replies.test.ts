// HTTP tests of the reply API (write-back): the token hash at creation, the clinician's
// streamed POST, the patient's list/get/delete, the limits, and the purge of replies with
// their share.
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { REPLIES_PER_SHARE } from '../../../src/share/protocol-replies.ts';
import { startSweeper } from './sweeper.ts';
import { FAST_HASH, fakeJwe, type Client, type Created } from './testing/fixtures.ts';
import { describeOnEveryStore, type TestRelay } from './testing/setup.ts';

const MAX = 4096;

interface ReplyShare extends Created {
  replyToken: string;
}

/** SHA-256 of a reply token, base64url: what the app gives at creation. */
function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Creates a share with a reply token's hash given at creation, then uploads its file. */
async function createWithReplies(
  api: Client,
  extra: Record<string, unknown> = {},
): Promise<ReplyShare> {
  const jwe = fakeJwe();
  const replyToken = randomBytes(32).toString('base64url');
  const res = await api.postJson('/api/shl', {
    files: [{ contentType: 'application/fhir+json', length: jwe.length }],
    exp: Math.floor(api.now() / 1000) + 3600,
    replyTokenHash: hashOf(replyToken),
    ...extra,
  });
  expect(res.status).toBe(201);
  const created = (await res.json()) as Created;
  expect((await api.upload(created.uploads[0]!, created.managementToken, jwe)).status).toBe(200);
  return { ...created, replyToken };
}

function postReply(
  api: Client,
  id: string,
  token: string | null,
  body: string = fakeJwe(200),
  headers: Record<string, string> = {},
): Promise<Response> {
  return api.request(`/api/shl/${id}/replies`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/jose',
      ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
      ...headers,
    },
    body,
  });
}

function manage(api: Client, path: string, token: string, method = 'GET'): Promise<Response> {
  return api.request(path, { method, headers: { Authorization: `Bearer ${token}` } });
}

async function answer(res: Response): Promise<string> {
  return `${res.status} ${await res.text()}`;
}

describeOnEveryStore(
  'replies',
  (relay: TestRelay) => {
    it('stores a reply the patient lists, reads byte for byte and deletes', async () => {
      const share = await createWithReplies(relay.api);
      const jwe = fakeJwe(300);
      const res = await postReply(relay.api, share.id, share.replyToken, jwe, {
        Origin: 'https://viewer.elsewhere.example',
      });
      expect(res.status).toBe(201);
      expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
      const { id: rid } = (await res.json()) as { id: string };
      expect(rid).toMatch(/^[A-Za-z0-9_-]{43}$/);

      const base = `/api/shl/${share.id}/replies`;
      const list = await manage(relay.api, base, share.managementToken);
      expect(list.headers.get('Access-Control-Allow-Origin')).toBeNull();
      expect(await list.json()).toEqual({
        replies: [{ id: rid, at: relay.clock, length: jwe.length }],
      });
      const one = await manage(relay.api, `${base}/${rid}`, share.managementToken);
      expect(one.headers.get('Content-Type')).toBe('application/jose');
      expect(await one.text()).toBe(jwe);
      expect(
        (await manage(relay.api, `${base}/${rid}`, share.managementToken, 'DELETE')).status,
      ).toBe(204);
      expect(await (await manage(relay.api, base, share.managementToken)).json()).toEqual({
        replies: [],
      });
      expect((await manage(relay.api, `${base}/${rid}`, share.managementToken)).status).toBe(404);
    });

    it('answers one identical 404 for no token, a wrong token, an unknown, revoked, expired, blocked or pending share', async () => {
      const share = await createWithReplies(relay.api);
      const unknown = randomBytes(32).toString('base64url');
      const reference = await answer(await postReply(relay.api, unknown, share.replyToken));
      expect(reference).toMatch(/^404 /);
      const wrong = randomBytes(32).toString('base64url');
      expect(await answer(await postReply(relay.api, share.id, null))).toBe(reference);
      expect(await answer(await postReply(relay.api, share.id, wrong))).toBe(reference);
      expect(await answer(await postReply(relay.api, share.id, share.managementToken))).toBe(
        reference,
      );
      expect(await answer(await postReply(relay.api, share.id, 'short'))).toBe(reference);

      // A share without a reply token takes no reply.
      const plain = await relay.api.create();
      expect(await answer(await postReply(relay.api, plain.id, share.replyToken))).toBe(reference);

      const revoked = await createWithReplies(relay.api);
      await manage(relay.api, `/api/shl/${revoked.id}`, revoked.managementToken, 'DELETE');
      expect(await answer(await postReply(relay.api, revoked.id, revoked.replyToken))).toBe(
        reference,
      );

      const blocked = await createWithReplies(relay.api, { passcode: '1234' });
      for (let i = 0; i < 5; i++) {
        await relay.api.postJson(`/api/shl/${blocked.id}`, { recipient: 'x', passcode: '0000' });
      }
      expect(await answer(await postReply(relay.api, blocked.id, blocked.replyToken))).toBe(
        reference,
      );

      relay.clock += 3601_000;
      expect(await answer(await postReply(relay.api, share.id, share.replyToken))).toBe(reference);
    });

    it('takes the token hash only at creation: no reply before the share is complete, no later registration', async () => {
      const token = randomBytes(32).toString('base64url');
      const res = await relay.api.postJson('/api/shl', {
        files: [{ contentType: 'application/fhir+json', length: 64 }],
        exp: Math.floor(relay.clock / 1000) + 3600,
        replyTokenHash: hashOf(token),
      });
      const created = (await res.json()) as Created;
      expect((await postReply(relay.api, created.id, token)).status).toBe(404);
      // The former separate registration is gone: the hash comes with the share or never.
      const put = await relay.api.request(`/api/shl/${created.id}/reply-token`, {
        method: 'PUT',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${created.managementToken}`,
        },
        body: JSON.stringify({ tokenHash: hashOf(token) }),
      });
      expect(put.status).toBe(404);
      const bad = await relay.api.postJson('/api/shl', {
        files: [{ contentType: 'application/fhir+json', length: 64 }],
        exp: Math.floor(relay.clock / 1000) + 3600,
        replyTokenHash: 'not a hash',
      });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { message: string }).message).toMatch(/replyTokenHash/);
    });

    it('takes at most 20 replies per share: the 21st answers 429', async () => {
      const share = await createWithReplies(relay.api);
      for (let i = 0; i < REPLIES_PER_SHARE; i++) {
        expect((await postReply(relay.api, share.id, share.replyToken)).status).toBe(201);
      }
      const res = await postReply(relay.api, share.id, share.replyToken);
      expect(res.status).toBe(429);
      const list = await manage(relay.api, `/api/shl/${share.id}/replies`, share.managementToken);
      expect(((await list.json()) as { replies: unknown[] }).replies).toHaveLength(20);
    });

    it('refuses a reply over REPLY_MAX_BYTES (413), declared or streamed, and a body that is not a JWE', async () => {
      const share = await createWithReplies(relay.api);
      expect(
        (await postReply(relay.api, share.id, share.replyToken, fakeJwe(MAX + 1))).status,
      ).toBe(413);
      const chunks = [fakeJwe(MAX - 100), 'A'.repeat(200)];
      const streamed = new ReadableStream<Uint8Array>({
        pull(controller) {
          const next = chunks.shift();
          if (next === undefined) controller.close();
          else controller.enqueue(new TextEncoder().encode(next));
        },
      });
      const res = await relay.api.request(`/api/shl/${share.id}/replies`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/jose',
          Authorization: `Bearer ${share.replyToken}`,
        },
        body: streamed,
        duplex: 'half',
      });
      expect(res.status).toBe(413);
      expect((await postReply(relay.api, share.id, share.replyToken, '{"a":1}')).status).toBe(400);
      const text = await postReply(relay.api, share.id, share.replyToken, fakeJwe(), {
        'Content-Type': 'text/plain',
      });
      expect(text.status).toBe(415);
      const list = await manage(relay.api, `/api/shl/${share.id}/replies`, share.managementToken);
      expect(await list.json()).toEqual({ replies: [] });
    });

    it('keeps nothing of a reply refused while it streams in, and answers the 21st before reading it', async () => {
      const share = await createWithReplies(relay.api);
      const send = (pieces: string[], endless = false) =>
        relay.api.request(`/api/shl/${share.id}/replies`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/jose',
            Authorization: `Bearer ${share.replyToken}`,
          },
          body: new ReadableStream<Uint8Array>({
            pull(controller) {
              const next = pieces.shift();
              if (next !== undefined) controller.enqueue(new TextEncoder().encode(next));
              else if (!endless) controller.close();
            },
          }),
          duplex: 'half',
        });
      const jwe = fakeJwe(MAX - 200);
      const bad = await send([jwe.slice(0, 1000), '<script>', jwe.slice(1000)]);
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: string }).error).toBe('not_compact_jwe');
      expect((await send([jwe.slice(0, 1000), jwe.slice(1000), 'A'.repeat(300)])).status).toBe(413);
      expect(await relay.store.replies(share.id)).toEqual([]);
      expect(await leftovers(relay, share.id)).toBe(0);

      for (let i = 0; i < REPLIES_PER_SHARE; i++) {
        expect((await send([fakeJwe(100)])).status).toBe(201);
      }
      // A body that never ends: the answer comes from the count alone.
      expect((await send([jwe.slice(0, 100)], true)).status).toBe(429);
    });

    it('lists, reads and deletes only with the management token, from the same origin', async () => {
      const share = await createWithReplies(relay.api);
      const { id: rid } = (await (
        await postReply(relay.api, share.id, share.replyToken)
      ).json()) as { id: string };
      const base = `/api/shl/${share.id}/replies`;
      for (const [path, method] of [
        [base, 'GET'],
        [`${base}/${rid}`, 'GET'],
        [`${base}/${rid}`, 'DELETE'],
      ] as const) {
        expect((await manage(relay.api, path, share.replyToken, method)).status).toBe(404);
        expect((await relay.api.request(path, { method })).status).toBe(404);
        const foreign = await relay.api.request(path, {
          method,
          headers: {
            Authorization: `Bearer ${share.managementToken}`,
            Origin: 'https://evil.example',
          },
        });
        expect(foreign.status).toBe(403);
      }
      const preflight = await relay.api.request(base, {
        method: 'OPTIONS',
        headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
      });
      expect(preflight.headers.get('Access-Control-Allow-Origin')).toBeNull();
      const post = await relay.api.request(base, {
        method: 'OPTIONS',
        headers: { Origin: 'https://viewer.example', 'Access-Control-Request-Method': 'POST' },
      });
      expect(post.headers.get('Access-Control-Allow-Origin')).toBe('*');
      expect(post.headers.get('Access-Control-Allow-Headers')).toContain('Authorization');
      expect(await relay.store.openReply(share.id, rid)).not.toBeNull();
    });

    it('purges replies with their share: revocation, expiry and the sweeper', async () => {
      const revoked = await createWithReplies(relay.api);
      const expiring = await createWithReplies(relay.api);
      const r1 = (await (await postReply(relay.api, revoked.id, revoked.replyToken)).json()) as {
        id: string;
      };
      const r2 = (await (await postReply(relay.api, expiring.id, expiring.replyToken)).json()) as {
        id: string;
      };
      await manage(relay.api, `/api/shl/${revoked.id}`, revoked.managementToken, 'DELETE');
      expect(await relay.store.openReply(revoked.id, r1.id)).toBeNull();
      expect(await relay.store.replies(revoked.id)).toEqual([]);

      relay.clock += 3601_000;
      const list = await manage(
        relay.api,
        `/api/shl/${expiring.id}/replies`,
        expiring.managementToken,
      );
      expect(list.status).toBe(404);
      const sweeper = startSweeper(relay.store, {
        intervalMs: 3_600_000,
        deadGraceMs: 0,
        now: () => relay.clock,
      });
      await sweeper.tick();
      sweeper.stop();
      expect(await relay.store.openReply(expiring.id, r2.id)).toBeNull();
      expect(await relay.store.replies(expiring.id)).toEqual([]);
    });
  },
  { limits: { replyMaxBytes: MAX }, passcodeParams: FAST_HASH },
  { per: 'test' },
);

/** Rows or keys of replies that are not stored ones (chunks of a refused body). */
async function leftovers(relay: TestRelay, id: string): Promise<number> {
  if (relay.kind === 'SQLite') {
    const db = new Database(relay.file, { readonly: true });
    const n = db.prepare('SELECT count(*) FROM reply_chunks').pluck().get() as number;
    db.close();
    return n;
  }
  const raw = new Redis(relay.redis.url);
  const keys = await raw.keys(`${relay.redis.prefix}shl:{${id}}:r*`);
  await raw.quit();
  return keys.length;
}

describe('reply limits', () => {
  it('reads REPLY_MAX_BYTES from the environment', async () => {
    const { limitsFromEnv } = await import('./limits.ts');
    expect(limitsFromEnv({ REPLY_MAX_BYTES: '2048' }).replyMaxBytes).toBe(2048);
    expect(limitsFromEnv({}).replyMaxBytes).toBe(10 * 1024 * 1024);
  });
});
