/**
 * Raw DEFLATE (RFC 1951) as a share's file is compressed (`zip: DEF`, jwe.ts): Huffman
 * coding only, no back-references, one dynamic block per BLOCK_BYTES of input. A share is
 * mostly base64 text (its documents), which back-references do not shrink but Huffman
 * codes do, to about six bits a character; a one-pass coder does that in a fraction of
 * the time a full compressor spends looking for repeats.
 *
 * Every size is known before a bit is written (`plan`), so a share can declare its
 * file's length to the relay before the relay names it, and a part known only then (the
 * reply endpoint) goes into a stored block of fixed size (`storedBlock`): what the relay
 * chooses never changes the compressed length. Any inflater reads the result.
 */

/** Input bytes per compressed block: each gets its own codes, fitted to its letters. */
const BLOCK_BYTES = 256 * 1024;
/** Longest code DEFLATE allows for a letter (and for a code length: CL_MAX_BITS). */
const MAX_BITS = 15;
const CL_MAX_BITS = 7;
/** Literal codes 0-255 and end-of-block (256); no length codes are ever used. */
const LITERALS = 257;
const END_OF_BLOCK = 256;
/** The order code-length code lengths are written in (RFC 1951 §3.2.7). */
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
/** Two distance codes of one bit each: never used, but a complete code any inflater takes. */
const DISTANCE_LENGTHS = [1, 1];

/** Huffman code lengths for `freq`, none longer than `limit` (zero for unused symbols). */
function codeLengths(freq: ArrayLike<number>, limit: number): Uint8Array {
  const n = freq.length;
  const lengths = new Uint8Array(n);
  let weights = Array.from(freq);
  const used = weights.flatMap((w, s) => (w > 0 ? [s] : []));
  // A complete code needs two symbols: one alone gets a one-bit code and a spare.
  if (used.length === 1) {
    lengths[used[0]!] = 1;
    lengths[used[0] === 0 ? 1 : 0] = 1;
    return lengths;
  }
  for (;;) {
    // Plain Huffman over a small alphabet (at most 257 symbols): sorting is fast enough.
    const nodes = used.map((s) => ({ w: weights[s]!, s, kids: null as null | [number, number] }));
    const all = [...nodes];
    let queue = all.map((_, i) => i).sort((a, b) => all[a]!.w - all[b]!.w);
    while (queue.length > 1) {
      const [a, b] = queue as [number, number];
      all.push({ w: all[a]!.w + all[b]!.w, s: -1, kids: [a, b] });
      const merged = all.length - 1;
      queue = queue.slice(2);
      let at = queue.findIndex((i) => all[i]!.w > all[merged]!.w);
      if (at < 0) at = queue.length;
      queue.splice(at, 0, merged);
    }
    let deepest = 0;
    const walk = (i: number, depth: number): void => {
      const node = all[i]!;
      if (node.kids) {
        walk(node.kids[0], depth + 1);
        walk(node.kids[1], depth + 1);
      } else {
        lengths[node.s] = depth;
        deepest = Math.max(deepest, depth);
      }
    };
    walk(queue[0]!, 0);
    if (deepest <= limit) return lengths;
    // Too deep: flatten the weights and build again (rare: a few letters very rare).
    weights = weights.map((w) => (w > 0 ? (w >> 1) | 1 : 0));
  }
}

/** Canonical codes for `lengths` (RFC 1951 §3.2.2), bit-reversed: DEFLATE packs bits LSB first. */
function canonicalCodes(lengths: Uint8Array): Uint16Array {
  const count = new Uint16Array(MAX_BITS + 1);
  for (const l of lengths) if (l) count[l]!++;
  const next = new Uint16Array(MAX_BITS + 1);
  let code = 0;
  for (let bits = 1; bits <= MAX_BITS; bits++) {
    code = (code + count[bits - 1]!) << 1;
    next[bits] = code;
  }
  const codes = new Uint16Array(lengths.length);
  for (let s = 0; s < lengths.length; s++) {
    const l = lengths[s]!;
    if (!l) continue;
    let c = next[l]!++;
    let reversed = 0;
    for (let i = 0; i < l; i++) {
      reversed = (reversed << 1) | (c & 1);
      c >>= 1;
    }
    codes[s] = reversed;
  }
  return codes;
}

/** One code length as written: a length (0-15), or a run of zeros (17: 3-10, 18: 11-138). */
interface LengthOp {
  readonly symbol: number;
  readonly extra: number;
  readonly extraBits: number;
}

function lengthOps(lengths: ArrayLike<number>): LengthOp[] {
  const ops: LengthOp[] = [];
  for (let i = 0; i < lengths.length;) {
    const l = lengths[i]!;
    let run = 1;
    while (i + run < lengths.length && lengths[i + run] === l) run++;
    if (l === 0 && run >= 11) {
      run = Math.min(run, 138);
      ops.push({ symbol: 18, extra: run - 11, extraBits: 7 });
    } else if (l === 0 && run >= 3) {
      ops.push({ symbol: 17, extra: run - 3, extraBits: 3 });
    } else {
      run = 1;
      ops.push({ symbol: l, extra: 0, extraBits: 0 });
    }
    i += run;
  }
  return ops;
}

/** One block's codes, and its exact size in bits. */
interface BlockPlan {
  readonly bytes: Uint8Array;
  readonly start: number;
  readonly end: number;
  readonly lengths: Uint8Array;
  readonly codes: Uint16Array;
  readonly header: {
    readonly ops: LengthOp[];
    clLengths: Uint8Array;
    clCodes: Uint16Array;
    hclen: number;
  };
  readonly bits: number;
}

function planBlock(bytes: Uint8Array, start: number, end: number): BlockPlan {
  const freq = new Uint32Array(LITERALS);
  for (let i = start; i < end; i++) freq[bytes[i]!]!++;
  freq[END_OF_BLOCK] = 1;
  const lengths = codeLengths(freq, MAX_BITS);
  const ops = lengthOps([...lengths, ...DISTANCE_LENGTHS]);
  const clFreq = new Uint32Array(19);
  for (const op of ops) clFreq[op.symbol]!++;
  const clLengths = codeLengths(clFreq, CL_MAX_BITS);
  let hclen = 19;
  while (hclen > 4 && clLengths[CL_ORDER[hclen - 1]!] === 0) hclen--;
  let bits = 3 + 5 + 5 + 4 + hclen * 3;
  for (const op of ops) bits += clLengths[op.symbol]! + op.extraBits;
  for (let s = 0; s < LITERALS; s++) bits += freq[s]! * lengths[s]!;
  return {
    bytes,
    start,
    end,
    lengths,
    codes: canonicalCodes(lengths),
    header: { ops, clLengths, clCodes: canonicalCodes(clLengths), hclen },
    bits,
  };
}

/** Writes bits LSB first into `out` from byte `at`. */
class BitWriter {
  acc = 0;
  count = 0;
  constructor(
    readonly out: Uint8Array,
    public at: number,
  ) {}

  put(value: number, bits: number): void {
    this.acc |= value << this.count;
    this.count += bits;
    while (this.count >= 8) {
      this.out[this.at++] = this.acc & 0xff;
      this.acc >>>= 8;
      this.count -= 8;
    }
  }

  /** Ends on a byte boundary; returns the offset after the last byte written. */
  flush(): number {
    if (this.count > 0) this.out[this.at++] = this.acc & 0xff;
    this.acc = 0;
    this.count = 0;
    return this.at;
  }
}

/**
 * Compressed blocks for `bytes`, planned: `length` is exactly what `write` will put,
 * ending on a byte boundary. With `last`, the final block says it ends the stream;
 * without, a stored block (or more blocks) must follow. Planning reads the bytes once;
 * writing reads them once more.
 */
export interface PackedPlan {
  readonly length: number;
  /** Writes the blocks into `out` at `at` (`length` bytes); returns the end offset. */
  write(out: Uint8Array, at: number): number;
}

export function plan(parts: readonly Uint8Array[], last: boolean): PackedPlan {
  const blocks: BlockPlan[] = [];
  // Bytes in several parts (a share's JSON and its documents' base64) are compressed as
  // if they were one run, without joining them: a block never spans two parts.
  for (const bytes of parts) {
    for (let start = 0; start < bytes.length; start += BLOCK_BYTES) {
      blocks.push(planBlock(bytes, start, Math.min(bytes.length, start + BLOCK_BYTES)));
    }
  }
  if (blocks.length === 0) blocks.push(planBlock(new Uint8Array(0), 0, 0));
  const bits = blocks.reduce((n, b) => n + b.bits, 0);
  // Without `last`, the stored block that follows starts with 3 header bits in the same
  // run of bits, then skips to a byte boundary: counted (and written) here.
  const length = Math.ceil((bits + (last ? 0 : 3)) / 8);
  return {
    length,
    write(out, at) {
      const w = new BitWriter(out, at);
      blocks.forEach((b, i) => writeBlock(w, b, last && i === blocks.length - 1));
      if (!last) w.put(0, 3); // BFINAL 0, BTYPE 00: the stored block's header.
      return w.flush();
    },
  };
}

function writeBlock(w: BitWriter, b: BlockPlan, final: boolean): void {
  w.put(final ? 1 : 0, 1);
  w.put(2, 2); // dynamic Huffman codes
  w.put(LITERALS - 257, 5);
  w.put(DISTANCE_LENGTHS.length - 1, 5);
  w.put(b.header.hclen - 4, 4);
  for (let i = 0; i < b.header.hclen; i++) w.put(b.header.clLengths[CL_ORDER[i]!]!, 3);
  for (const op of b.header.ops) {
    w.put(b.header.clCodes[op.symbol]!, b.header.clLengths[op.symbol]!);
    if (op.extraBits) w.put(op.extra, op.extraBits);
  }
  const { bytes, codes, lengths } = b;
  // The hot loop, on locals: at most 7 + 15 pending bits, so 32-bit integers suffice.
  const out = w.out;
  let { acc, count, at } = w;
  for (let i = b.start; i < b.end; i++) {
    const s = bytes[i]!;
    acc |= codes[s]! << count;
    count += lengths[s]!;
    if (count >= 16) {
      out[at++] = acc & 0xff;
      out[at++] = (acc >>> 8) & 0xff;
      acc >>>= 16;
      count -= 16;
    }
  }
  Object.assign(w, { acc, count, at });
  w.put(codes[END_OF_BLOCK]!, lengths[END_OF_BLOCK]!);
}

/**
 * Size of a stored block of `n` bytes once its 3 header bits are written (by the plan
 * before it): LEN, NLEN and the bytes.
 */
export function storedLength(n: number): number {
  if (n > 0xffff) throw new RangeError('stored block too long');
  return 4 + n;
}

/** Writes the rest of a stored block (after its header bits) at `at`; returns the end offset. */
export function writeStored(out: Uint8Array, at: number, data: Uint8Array): number {
  const n = data.length;
  out[at] = n & 0xff;
  out[at + 1] = n >> 8;
  out[at + 2] = ~n & 0xff;
  out[at + 3] = (~n >> 8) & 0xff;
  out.set(data, at + 4);
  return at + 4 + n;
}
