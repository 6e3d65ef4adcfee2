import { expect, it } from 'vitest';
import { fakeJwe, newShare, putShare } from '../testing/fixtures.ts';
import { CHUNK_BYTES, type ReplyUpload, type ShareStore } from './store.ts';

/**
 * The reply part of the store contract (write-back): a reply is stored as it arrives, a
 * chunk at a time, and exists (listed, readable) only once committed. Registered inside
 * storeContract's suite; `store()` is its store, `now` its clock.
 */
export function replyContract(store: () => ShareStore, now: number): void {
  const rid = () => fakeJwe(0).slice(-22) + 'r'.repeat(21);
  /** A complete share that takes replies, with its reply token hash. */
  const replyShare = async (extra: Parameters<typeof newShare>[0] = {}) => {
    const share = newShare({ replyTokenHash: 'h'.repeat(43), ...extra }, now);
    await putShare(store(), share);
    return share;
  };
  const send = async (upload: ReplyUpload, jwe: string, step = 1000) => {
    for (let at = 0; at < jwe.length; at += step) {
      expect(await upload.append(Buffer.from(jwe.slice(at, at + step), 'latin1'))).toBe(true);
    }
    return await upload.commit();
  };
  const read = async (id: string, replyId: string): Promise<string | null> => {
    const file = await store().openReply(id, replyId);
    if (!file) return null;
    const chunks: Buffer[] = [];
    for await (const chunk of file.chunks()) chunks.push(chunk);
    const text = Buffer.concat(chunks).toString('latin1');
    expect(text.length).toBe(file.length);
    return text;
  };

  it('keeps the reply token hash given at creation', async () => {
    const share = await replyShare();
    expect(await store().replyTokenHash(share.id)).toBe('h'.repeat(43));
    const plain = newShare({}, now);
    await putShare(store(), plain);
    expect(await store().replyTokenHash(plain.id)).toBeNull();
  });

  it('stores a reply a chunk at a time, listed and readable only once committed', async () => {
    const share = await replyShare();
    const jwe = fakeJwe(CHUNK_BYTES * 2 + 100);
    const id = rid();
    const upload = await store().beginReply(share.id, id, now, 20);
    if (upload === null || upload === 'full') throw new Error('reply refused');
    for (let at = 0; at < jwe.length; at += CHUNK_BYTES) {
      expect(await upload.append(Buffer.from(jwe.slice(at, at + CHUNK_BYTES), 'latin1'))).toBe(
        true,
      );
      expect(await store().replies(share.id)).toEqual([]);
      expect(await store().openReply(share.id, id)).toBeNull();
    }
    expect(await upload.commit()).toBe('stored');
    await upload.abort(); // committed: changes nothing
    expect(await store().replies(share.id)).toEqual([{ id, at: now, length: jwe.length }]);
    expect(await read(share.id, id)).toBe(jwe);
    expect(await store().removeReply(share.id, id)).toBe(true);
    expect(await store().openReply(share.id, id)).toBeNull();
    expect(await store().removeReply(share.id, id)).toBe(false);
  });

  it('leaves nothing of an aborted reply, and refuses shares that take none', async () => {
    const share = await replyShare();
    const id = rid();
    const upload = (await store().beginReply(share.id, id, now, 20)) as ReplyUpload;
    expect(await upload.append(Buffer.from(fakeJwe(500)))).toBe(true);
    await upload.abort();
    expect(await store().replies(share.id)).toEqual([]);
    expect(await store().openReply(share.id, id)).toBeNull();
    expect(await upload.append(Buffer.from('more'))).toBe(false);

    expect(await store().beginReply('u'.repeat(43), rid(), now, 20)).toBeNull();
    expect(await store().beginReply(share.id, rid(), share.exp * 1000, 20)).toBeNull();
    const pending = newShare({}, now);
    await store().create(pending);
    expect(await store().beginReply(pending.id, rid(), now, 20)).toBeNull();
    const blocked = await replyShare({ passcodeHash: '$argon2id$stub', attempts: 1 });
    expect(await store().takeAttempt(blocked.id, now)).toBe(0);
    expect(await store().beginReply(blocked.id, rid(), now, 20)).toBeNull();
  });

  it('stores nothing more for a reply once its share is removed', async () => {
    const share = await replyShare();
    const jwe = fakeJwe(3000);
    const upload = (await store().beginReply(share.id, rid(), now, 20)) as ReplyUpload;
    expect(await upload.append(Buffer.from(jwe.slice(0, 1000)))).toBe(true);
    expect(await store().remove(share.id)).toBe(true);
    expect(await upload.append(Buffer.from(jwe.slice(1000)))).toBe(false);
    expect(await upload.commit()).toBeNull();
    await upload.abort();
    expect(await store().replies(share.id)).toEqual([]);
  });

  it('counts replies against the lifetime limit when they begin and when they are committed', async () => {
    const share = await replyShare();
    const jwe = fakeJwe(100);
    // Three begin together under a limit of two: the third to commit is refused.
    const uploads = await Promise.all(
      [rid(), rid(), rid()].map((id) => store().beginReply(share.id, id, now, 2)),
    );
    const results = [];
    for (const upload of uploads as ReplyUpload[]) results.push(await send(upload, jwe));
    expect(results).toEqual(['stored', 'stored', 'full']);
    expect(await store().replies(share.id)).toHaveLength(2);
    expect(await store().beginReply(share.id, rid(), now, 2)).toBe('full');
    // A deleted reply still counts: the limit is over the share's life.
    const [first] = await store().replies(share.id);
    await store().removeReply(share.id, first!.id);
    expect(await store().beginReply(share.id, rid(), now, 2)).toBe('full');
  });
}
