import { randomBytes } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { plan, storedLength, writeStored } from './deflate.ts';

/** A stream of `head` compressed, `middle` stored, `tail` compressed (as create.ts makes it). */
function stream(head: Uint8Array, middle: Uint8Array, tail: Uint8Array): Uint8Array<ArrayBuffer> {
  const first = plan([head], false);
  const last = plan([tail], true);
  const out = new Uint8Array(first.length + storedLength(middle.length) + last.length);
  let at = first.write(out, 0);
  expect(at).toBe(first.length);
  at = writeStored(out, at, middle);
  expect(last.write(out, at)).toBe(out.length);
  return out;
}

const text = (s: string) => new TextEncoder().encode(s);

function randomBase64(n: number): Uint8Array {
  return text(
    randomBytes(Math.ceil((n * 3) / 4))
      .toString('base64')
      .slice(0, n),
  );
}

describe('raw DEFLATE, Huffman codes only', () => {
  it('inflates back to the same bytes, with a stored part in the middle', () => {
    const head = text('{"resourceType":"Bundle","entry":[{"valueUrl":"');
    const middle = text('https://relay.example/api/shl/abc/replies"    ');
    const tail = text('}]}');
    const out = stream(head, middle, tail);
    expect(inflateRawSync(out).toString()).toBe(
      '{"resourceType":"Bundle","entry":[{"valueUrl":"https://relay.example/api/shl/abc/replies"    }]}',
    );
  });

  it('copes with empty parts, one repeated letter, and every byte value', async () => {
    const every = Uint8Array.from({ length: 256 * 3 }, (_, i) => i % 256);
    for (const [head, middle, tail] of [
      [new Uint8Array(0), new Uint8Array(0), new Uint8Array(0)],
      [new Uint8Array(1000).fill(65), text('x'), new Uint8Array(1).fill(66)],
      [every, every.subarray(0, 300), every],
    ] as const) {
      const out = stream(head, middle, tail);
      const expected = Buffer.concat([head, middle, tail]);
      expect(inflateRawSync(out).equals(expected)).toBe(true);
      // The platform's inflater too, as jose and the viewers use it.
      const inflated = await new Response(
        new Blob([out]).stream().pipeThrough(new DecompressionStream('deflate-raw')),
      ).arrayBuffer();
      expect(Buffer.from(inflated).equals(expected)).toBe(true);
    }
  });

  it('codes very uneven letters within 15 bits (several blocks)', () => {
    // Frequencies like Fibonacci numbers make the deepest plain Huffman trees.
    const parts: number[] = [];
    let a = 1;
    let b = 1;
    for (let s = 0; s < 26; s++) {
      for (let i = 0; i < a; i++) parts.push(97 + s);
      [a, b] = [b, a + b];
    }
    const skewed = Uint8Array.from(parts);
    expect(skewed.length).toBeGreaterThan(300_000);
    const out = stream(skewed, text('!'), skewed);
    expect(inflateRawSync(out).equals(Buffer.concat([skewed, text('!'), skewed]))).toBe(true);
  });

  it('packs base64 text to about six bits a letter, whatever the stored part holds', () => {
    const head = randomBase64(700_000);
    const tail = randomBase64(300_001);
    const short = stream(head, text('a'.padEnd(136)), tail);
    const other = stream(head, text('https://x.example/'.padEnd(136)), tail);
    expect(short.length).toBe(other.length);
    expect(short.length / 1_000_137).toBeLessThan(0.76);
    expect(inflateRawSync(other).subarray(700_000, 700_018).toString()).toBe('https://x.example/');
  });
});
