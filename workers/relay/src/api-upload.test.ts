// File uploads (`PUT /api/shl/:id/files/:index`) and hostile bodies: every body is refused
// while it arrives, a few KB in, not after the relay has read and parsed it.
import { request as httpRequest } from 'node:http';
import { expect, it } from 'vitest';
import { fakeJwe, readFile, type Created } from './testing/fixtures.ts';
import { describeOnEveryStore } from './testing/setup.ts';

const FHIR = 'application/fhir+json';

/** A body of `total` bytes made of `piece` repeated, produced as it is read; counts what was read. */
function counted(piece: string, total: number, chunk = 16 * 1024) {
  const block = Buffer.from(piece.repeat(Math.ceil(chunk / piece.length)).slice(0, chunk));
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close();
      const n = Math.min(chunk, total - state.pulled);
      controller.enqueue(new Uint8Array(block.subarray(0, n)));
      state.pulled += n;
    },
  });
  return { stream, state };
}

/** A body that sends `first` and then, every `everyMs`, one more byte of `rest`, for ever. */
function trickle(first: string, everyMs: number) {
  let timer: NodeJS.Timeout | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(first));
      timer = setInterval(() => controller.enqueue(new Uint8Array([0x41])), everyMs);
    },
    cancel() {
      clearInterval(timer);
    },
  });
  return { stream, stop: () => clearInterval(timer) };
}

describeOnEveryStore(
  'file uploads',
  (relay) => {
    const soon = (): number => Math.floor(relay.clock / 1000) + 3600;

    /** Creates a share declaring files of these lengths; answers the 201 body. */
    async function declare(lengths: number[], extra: Record<string, unknown> = {}) {
      const res = await relay.api.postJson('/api/shl', {
        files: lengths.map((length) => ({ contentType: FHIR, length })),
        exp: soon(),
        ...extra,
      });
      expect(res.status).toBe(201);
      return (await res.json()) as Created;
    }

    const errorOf = async (res: Response): Promise<[number, string]> => [
      res.status,
      ((await res.json()) as { error: string }).error,
    ];

    it('opens a share only once its last file is stored, and serves each as sent', async () => {
      const jwes = [fakeJwe(300), fakeJwe(3 * 1024 * 1024)];
      const created = await declare(jwes.map((j) => j.length));
      const open = () => relay.api.postJson(created.manifestUrl, { recipient: 'Dr A' });
      expect((await open()).status).toBe(404);
      const admin = async () => (await relay.api.admin(created.id, created.managementToken)).json();
      expect(await admin()).toMatchObject({ active: false });

      const second = await relay.api.upload(created.uploads[1]!, created.managementToken, jwes[1]!);
      expect(second.status).toBe(200);
      expect(second.headers.get('Cache-Control')).toBe('no-store');
      expect(await second.json()).toEqual({ complete: false });
      expect((await open()).status).toBe(404);
      const first = await relay.api.upload(created.uploads[0]!, created.managementToken, jwes[0]!);
      expect(await first.json()).toEqual({ complete: true });
      expect(await admin()).toMatchObject({ active: true });

      // Embedded (streamed into the manifest from the stored chunks) and by location.
      const manifest = await relay.api.postJson(created.manifestUrl, {
        recipient: 'Dr A',
        embeddedLengthMax: 8 * 1024 * 1024,
      });
      expect(manifest.status).toBe(200);
      const text = await manifest.text();
      expect(Number(manifest.headers.get('Content-Length'))).toBe(Buffer.byteLength(text));
      const { files } = JSON.parse(text) as { files: { embedded: string }[] };
      expect(files.map((f) => f.embedded)).toEqual(jwes);
      const linked = (await (await open()).json()) as { files: { location: string }[] };
      const got = await relay.api.request(linked.files[1]!.location);
      expect(got.headers.get('Content-Type')).toBe('application/jose');
      expect(got.headers.get('Content-Length')).toBe(String(jwes[1]!.length));
      expect(await got.text()).toBe(jwes[1]);

      // Complete: no upload may change it any more.
      const late = await relay.api.upload(created.uploads[0]!, created.managementToken, jwes[0]!);
      expect(await errorOf(late)).toEqual([409, 'upload_closed']);
    });

    it('replaces a file sent again before the share is complete', async () => {
      const [a, b, c] = [fakeJwe(100), fakeJwe(100), fakeJwe(10)];
      const created = await declare([a.length, c.length]);
      for (const jwe of [a, b]) {
        const res = await relay.api.upload(created.uploads[0]!, created.managementToken, jwe);
        expect(await res.json()).toEqual({ complete: false });
      }
      await relay.api.upload(created.uploads[1]!, created.managementToken, c);
      expect(await readFile(relay.store, created.id, 0)).toBe(b);
    });

    it('answers 404 to a wrong token, index or id, 403 to another origin, 415 to another type', async () => {
      const jwe = fakeJwe();
      const created = await declare([jwe.length]);
      const other = await declare([jwe.length]);
      const path = created.uploads[0]!;
      for (const [where, token] of [
        [path, other.managementToken],
        [path, 'x'.repeat(43)],
        [`/api/shl/${created.id}/files/1`, created.managementToken],
        [`/api/shl/${created.id}/files/-1`, created.managementToken],
        [`/api/shl/${created.id}/files/x`, created.managementToken],
        [`/api/shl/${created.id}/files/00`, created.managementToken],
        [`/api/shl/${'Q'.repeat(43)}/files/0`, created.managementToken],
      ] as const) {
        expect(await errorOf(await relay.api.upload(where, token, jwe))).toEqual([
          404,
          'not_found',
        ]);
      }
      const foreign = await relay.api.upload(path, created.managementToken, jwe, {
        Origin: 'https://evil.example',
      });
      expect(foreign.status).toBe(403);
      const typed = await relay.api.upload(path, created.managementToken, jwe, {
        'Content-Type': 'application/json',
      });
      expect(await errorOf(typed)).toEqual([415, 'unsupported_media_type']);
      // A charset parameter, as some browsers add to a string body, is fine.
      const charset = await relay.api.upload(path, created.managementToken, jwe, {
        'Content-Type': 'application/jose;charset=UTF-8',
      });
      expect(charset.status).toBe(200);
    });

    it('refuses a body longer or shorter than declared, declared or streamed, keeping nothing', async () => {
      const jwe = fakeJwe(2000);
      const created = await declare([jwe.length]);
      const put = (body: string | ReadableStream<Uint8Array>, headers = {}) =>
        relay.api.upload(created.uploads[0]!, created.managementToken, body, headers);
      expect(await errorOf(await put(`${jwe}A`))).toEqual([413, 'body_too_large']);
      expect(await errorOf(await put(jwe.slice(0, -1)))).toEqual([400, 'length_mismatch']);
      const longer = counted('A', 10 * 1024 * 1024);
      expect(await errorOf(await put(longer.stream))).toEqual([413, 'body_too_large']);
      expect(longer.state.pulled).toBeLessThan(jwe.length + 64 * 1024);
      const shorter = new Blob([jwe.slice(0, 100)]).stream();
      expect(await errorOf(await put(shorter))).toEqual([400, 'length_mismatch']);
      expect(await relay.store.openFile(created.id, 0)).toBeNull();
      expect((await relay.store.get(created.id))?.pending).toBe(1);
    });

    it('stops a body at its first byte that cannot belong to a compact JWE', async () => {
      const big = 60 * 1024 * 1024;
      const created = await declare([big, 100]);
      const put = (body: string | ReadableStream<Uint8Array>) =>
        relay.api.upload(created.uploads[0]!, created.managementToken, body);
      // 60 MB of tiny JSON objects: refused at the first byte, a chunk or two read.
      const objects = counted('{"a":1},', big);
      expect(await errorOf(await put(objects.stream))).toEqual([400, 'not_compact_jwe']);
      expect(objects.state.pulled).toBeLessThanOrEqual(64 * 1024);
      // Base64url, then a sixth part: refused at the fifth dot.
      const parts = counted('aaaa.', big);
      expect(await errorOf(await put(parts.stream))).toEqual([400, 'not_compact_jwe']);
      expect(parts.state.pulled).toBeLessThanOrEqual(64 * 1024);
      const small = await declare([11]);
      for (const body of ['a..b.c.d.ee', '.a.b.cc.dd.', 'a..b c.d.ee', 'a..b.c.d==x']) {
        const res = await relay.api.upload(small.uploads[0]!, small.managementToken, body);
        expect([body, ...(await errorOf(res))]).toEqual([body, 400, 'not_compact_jwe']);
      }
      expect(await relay.store.openFile(created.id, 0)).toBeNull();
    });

    it('drops a stalled upload after the idle time, and a trickled create at its deadline', async () => {
      const quick = relay.client({ bodyIdleMs: 300 });
      const created = (await (
        await quick.postJson('/api/shl', {
          files: [{ contentType: FHIR, length: 50_000 }],
          exp: soon(),
        })
      ).json()) as Created;
      const stalled = trickle('eyJhbGciOiJkaXIifQ..', 60_000);
      const started = Date.now();
      const res = await quick.upload(created.uploads[0]!, created.managementToken, stalled.stream);
      stalled.stop();
      expect(await errorOf(res)).toEqual([408, 'request_timeout']);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(await relay.store.openFile(created.id, 0)).toBeNull();

      // A create body that keeps sending a byte now and then still has to end in time.
      const slow = trickle('{"files":[', 50);
      const begun = Date.now();
      const create = await quick.request('/api/shl', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: slow.stream,
        duplex: 'half',
      });
      slow.stop();
      expect(await errorOf(create)).toEqual([408, 'request_timeout']);
      expect(Date.now() - begun).toBeLessThan(5000);
    });

    it('ends an upload under way when the share is revoked, keeping nothing', async () => {
      const jwe = fakeJwe(3 * 1024 * 1024);
      const created = await declare([jwe.length]);
      let sent = 0;
      let revoked = false;
      const bytes = Buffer.from(jwe);
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (sent >= 2 * 1024 * 1024 && !revoked) {
            revoked = true;
            const res = await relay.api.request(`/api/shl/${created.id}`, {
              method: 'DELETE',
              headers: { Authorization: `Bearer ${created.managementToken}` },
            });
            expect(res.status).toBe(204);
          }
          if (sent >= bytes.length) return controller.close();
          controller.enqueue(new Uint8Array(bytes.subarray(sent, sent + 256 * 1024)));
          sent += 256 * 1024;
        },
      });
      const res = await relay.api.upload(created.uploads[0]!, created.managementToken, body);
      expect(await errorOf(res)).toEqual([404, 'not_found']);
      expect(await relay.store.get(created.id)).toBeNull();
      expect(await relay.store.openFile(created.id, 0)).toBeNull();
    });
  },
  { limits: { createPerMinute: 10_000, manifestPerMinute: 10_000 } },
);

describeOnEveryStore('hostile bodies over real connections', (relay) => {
  /**
   * Streams up to `total` bytes of `piece` to `path` (chunked, or with a Content-Length),
   * and resolves with the status and how many bytes the client had written by then.
   */
  function flood(
    url: string,
    path: string,
    method: string,
    headers: Record<string, string>,
    total: number,
  ): Promise<{ status: number | 'cut'; written: number }> {
    const block = Buffer.from('{},'.repeat((64 * 1024) / 3 + 1).slice(0, 64 * 1024));
    return new Promise((resolve) => {
      let written = 0;
      let done = false;
      const req = httpRequest(url + path, { method, headers });
      const finish = (status: number | 'cut') => {
        if (done) return;
        done = true;
        req.destroy();
        resolve({ status, written });
      };
      req.on('response', (res) => {
        res.resume();
        finish(res.statusCode ?? 0);
      });
      req.on('error', () => finish('cut'));
      const pump = (): void => {
        while (!done && written < total) {
          written += block.length;
          if (!req.write(block)) return void req.once('drain', pump);
        }
        if (!done) req.end();
      };
      pump();
    });
  }

  it('refuses 64 MiB of tiny JSON objects a few KB in, and health stays quick meanwhile', async () => {
    const server = await relay.serve({ limits: { createPerMinute: 10_000 } });
    const api = relay.client();
    const created = await api.postJson('/api/shl', {
      files: [{ contentType: FHIR, length: 60 * 1024 * 1024 }],
      exp: Math.floor(relay.clock / 1000) + 3600,
    });
    const { uploads, managementToken } = (await created.json()) as Created;
    const total = 64 * 1024 * 1024;
    const json = { 'Content-Type': 'application/json' };
    const hostile = [
      flood(server.url, '/api/shl', 'POST', json, total),
      flood(server.url, '/api/shl', 'POST', { ...json, 'Content-Length': String(total) }, total),
      flood(
        server.url,
        uploads[0]!,
        'PUT',
        { 'Content-Type': 'application/jose', Authorization: `Bearer ${managementToken}` },
        60 * 1024 * 1024,
      ),
    ];
    const latencies: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      latencies.push(performance.now() - started);
    }
    const results = await Promise.all(hostile);
    for (const { status, written } of results) {
      expect([413, 400, 'cut']).toContain(status);
      // The relay answered (or hung up) long before the body was through.
      expect(written).toBeLessThan(total / 4);
    }
    expect(Math.max(...latencies)).toBeLessThan(1000);
  });
});
