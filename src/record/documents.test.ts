import { describe, expect, it } from 'vitest';
import type { DocumentDetails, PaperDocument } from './documents.ts';
import { decodeDocument, encodeRecord as encodeDocument } from './codec.ts';
import { sortDocuments, validateDocument } from './documents.ts';

const doc = (id: string, date: string | undefined, createdAt: number): PaperDocument => ({
  id,
  profileId: 'p1',
  title: `Doc ${id}`,
  ...(date ? { date } : {}),
  type: 'prescription',
  files: [{ fileId: `f-${id}`, mime: 'image/jpeg', size: 10 }],
  entryIds: [],
  sensitive: false,
  provenance: 'paper',
  createdAt,
  updatedAt: createdAt,
});

describe('documents', () => {
  it('sorts newest first by the paper date, else by when it was added', () => {
    const added = Date.UTC(2024, 5, 1);
    const sorted = sortDocuments([
      doc('old', '2019-03', added),
      doc('undated', undefined, added),
      doc('new', '2025-01-02', added),
      doc('year', '2024', added),
    ]);
    expect(sorted.map((d) => d.id)).toEqual(['new', 'undated', 'year', 'old']);
  });

  it('validates title, date, type and language', () => {
    const now = Date.UTC(2025, 0, 1);
    const ok: DocumentDetails = {
      profileId: 'p1',
      title: 'Ordonnance',
      type: 'prescription',
      entryIds: [],
      sensitive: false,
    };
    expect(validateDocument(ok, now)).toEqual({});
    expect(validateDocument({ ...ok, title: '  ' }, now)).toEqual({ title: 'required' });
    expect(validateDocument({ ...ok, title: 'x'.repeat(121) }, now)).toEqual({
      title: 'too-long',
    });
    expect(validateDocument({ ...ok, date: '2024-02-30' }, now)).toEqual({ date: 'bad-date' });
    expect(validateDocument({ ...ok, date: '2025-06' }, now)).toEqual({ date: 'future-date' });
    expect(validateDocument({ ...ok, type: 'selfie' as never }, now)).toEqual({
      type: 'bad-value',
    });
    expect(validateDocument({ ...ok, lang: 'zh-Hans' }, now)).toEqual({});
    expect(validateDocument({ ...ok, lang: '<script>' }, now)).toEqual({ lang: 'bad-value' });
  });

  it('round-trips through bytes and refuses what it does not understand', () => {
    const d = doc('a', '2024-01-01', 1);
    expect(decodeDocument(encodeDocument(d))).toEqual(d);
    const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
    expect(decodeDocument(bytes({ ...d, files: [] }))).toBeNull();
    expect(decodeDocument(bytes({ ...d, type: 'unknown' }))).toBeNull();
    expect(decodeDocument(bytes({ ...d, thumbnail: { fileId: 1 } }))).toBeNull();
    expect(decodeDocument(new Uint8Array([0xff, 0xfe]))).toBeNull();
  });
});
