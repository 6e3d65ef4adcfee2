import { describe, expect, it } from 'vitest';
import { attachmentKind, blobType } from './attachment-kind.ts';

describe('what an attachment may be shown as', () => {
  it('shows raster images, PDFs (through pdf.js) and plain text, nothing else', () => {
    expect(attachmentKind('image/jpeg')).toBe('image');
    expect(attachmentKind('IMAGE/PNG')).toBe('image');
    expect(attachmentKind('image/webp')).toBe('image');
    expect(attachmentKind('application/pdf')).toBe('pdf');
    expect(attachmentKind('text/plain; charset=utf-8')).toBe('text');
    for (const active of [
      'text/html',
      'image/svg+xml',
      'application/xhtml+xml',
      'text/xml',
      'application/javascript',
      'image/gif',
      undefined,
      '',
    ]) {
      expect(attachmentKind(active)).toBe('file');
    }
  });

  it('never gives a blob: URL an active type', () => {
    expect(blobType('image', 'image/png')).toBe('image/png');
    for (const [kind, type] of [
      ['pdf', 'application/pdf'],
      ['text', 'text/plain'],
      ['file', 'text/html'],
      ['file', 'image/svg+xml'],
    ] as const) {
      expect(blobType(kind, type)).toBe('application/octet-stream');
    }
  });
});
