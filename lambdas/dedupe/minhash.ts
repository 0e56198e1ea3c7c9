import xxhash, { type XXHashAPI } from 'xxhash-wasm';

/**
 * MinHash signatures over word shingles, written here because npm has no
 * well-kept MinHash-LSH for JavaScript: `minhash` multiplies in floating point
 * and loses integer precision past 2^53 (so its "permutations" collide), and
 * `simhash-js` is 32-bit with a broken Hamming distance.
 *
 * Each distinct shingle is hashed once with xxHash64 (WebAssembly, exact
 * 64-bit arithmetic); the 64-bit value is split into two 32-bit halves and
 * every permutation is derived from them with 32-bit integer mixing
 * (`Math.imul` and the murmur3 finaliser), which never leaves the exact
 * integer range of a JavaScript number.
 */

let loading: Promise<XXHashAPI> | undefined;

/** xxhash-wasm compiles its module asynchronously: do it once per cold start. */
export function loadXxhash(): Promise<XXHashAPI> {
  loading ??= xxhash();
  return loading;
}

export interface MinHashParams {
  /** Words per shingle. */
  readonly shingleSize: number;
  /** Signature length (number of hash permutations). */
  readonly permutations: number;
  /** Seed for the permutation constants; signatures are only comparable under the same seed. */
  readonly seed?: number;
}

export interface Sketch {
  /** The minimum of each permutation over the shingles. */
  readonly signature: Uint32Array;
  /** Distinct shingles in the text; with two signatures it turns Jaccard into containment. */
  readonly shingles: number;
  /**
   * The smallest distinct values of the first permutation, ascending (a
   * bottom-k sample of the shingles): what the index files the text under.
   */
  readonly anchors: Uint32Array;
}

function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A small deterministic generator for the permutation constants (splitmix-style, 32-bit). */
function constants(count: number, seed: number): Uint32Array {
  const out = new Uint32Array(count);
  let state = seed >>> 0;
  for (let i = 0; i < count; i++) {
    state = (state + 0x9e3779b9) >>> 0;
    out[i] = fmix32(state);
  }
  return out;
}

const MASK_32 = 0xffffffffn;

export class MinHasher {
  readonly params: Required<MinHashParams>;
  readonly #api: XXHashAPI;
  readonly #low: Uint32Array;
  readonly #high: Uint32Array;

  private constructor(api: XXHashAPI, params: MinHashParams) {
    if (!Number.isInteger(params.shingleSize) || params.shingleSize < 1)
      throw new RangeError('shingleSize must be a positive integer');
    if (!Number.isInteger(params.permutations) || params.permutations < 1)
      throw new RangeError('permutations must be a positive integer');
    this.params = { seed: 0x5eed, ...params };
    this.#api = api;
    this.#low = constants(params.permutations, this.params.seed);
    this.#high = constants(params.permutations, this.params.seed ^ 0xa5a5a5a5);
  }

  static async create(params: MinHashParams): Promise<MinHasher> {
    return new MinHasher(await loadXxhash(), params);
  }

  /** Distinct word shingles of already folded text; a text shorter than one shingle is one shingle. */
  shingles(words: readonly string[]): Set<string> {
    const size = this.params.shingleSize;
    const out = new Set<string>();
    if (words.length === 0) return out;
    if (words.length <= size) {
      out.add(words.join(' '));
      return out;
    }
    for (let i = 0; i + size <= words.length; i++) out.add(words.slice(i, i + size).join(' '));
    return out;
  }

  /** The signature and the `anchorCount` smallest first-permutation values of the text's shingles. */
  sketch(words: readonly string[], anchorCount = 0): Sketch {
    const shingles = this.shingles(words);
    const count = this.params.permutations;
    const signature = new Uint32Array(count).fill(0xffffffff);
    const firsts = new Uint32Array(shingles.size);
    let position = 0;
    const low = this.#low;
    const high = this.#high;
    for (const shingle of shingles) {
      const hash = this.#api.h64(shingle);
      const lo = Number(hash & MASK_32);
      const hi = Number(hash >> 32n);
      for (let i = 0; i < count; i++) {
        const value = fmix32(
          ((lo ^ (low[i] as number)) + Math.imul(hi ^ (high[i] as number), 0x9e3779b1)) | 0,
        );
        if (value < (signature[i] as number)) signature[i] = value;
        if (i === 0) firsts[position++] = value;
      }
    }
    return { signature, shingles: shingles.size, anchors: bottomDistinct(firsts, anchorCount) };
  }
}

/** The `count` smallest distinct values, ascending. */
function bottomDistinct(values: Uint32Array, count: number): Uint32Array {
  if (count <= 0) return new Uint32Array(0);
  const sorted = values.sort();
  const out: number[] = [];
  for (let i = 0; i < sorted.length && out.length < count; i++) {
    const value = sorted[i] as number;
    if (value !== out[out.length - 1]) out.push(value);
  }
  return Uint32Array.from(out);
}

/**
 * Bits of each MinHash value that are compared and stored (b-bit MinHash, Li
 * and König 2010). Two values that differ agree in their low 16 bits once in
 * 65,536, which raises a Jaccard estimate by under 0.00002; storing half the
 * bits keeps a body claim, billed per started KB, at one write unit.
 */
export const SIGNATURE_BITS = 16;
const SIGNATURE_MASK = (1 << SIGNATURE_BITS) - 1;

/** Share of equal positions (in their low bits): an estimate of the Jaccard similarity of the two shingle sets. */
export function estimateJaccard(a: Signature, b: Signature): number {
  if (a.length !== b.length || a.length === 0) throw new RangeError('signatures differ in length');
  let equal = 0;
  for (let i = 0; i < a.length; i++)
    if ((((a[i] as number) ^ (b[i] as number)) & SIGNATURE_MASK) === 0) equal++;
  return equal / a.length;
}

/** A signature as computed (full values) or as stored (their low bits). */
export type Signature = Uint32Array | Uint16Array;

/** The stored form of a signature: the low 16 bits of each value, little-endian. */
export function packSignature(signature: Signature): Uint8Array {
  const bytes = new Uint8Array(signature.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < signature.length; i++)
    view.setUint16(i * 2, (signature[i] as number) & SIGNATURE_MASK, true);
  return bytes;
}

/** Decodes `packSignature`, and full 32-bit values as records written before it stored them. */
export function unpackSignature(bytes: Uint8Array, permutations: number): Signature {
  if (bytes.byteLength === permutations * 4) return unpackValues(bytes, permutations);
  if (bytes.byteLength !== permutations * 2)
    throw new RangeError(`stored signature is ${bytes.byteLength} bytes, not ${permutations} values`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint16Array(permutations);
  for (let i = 0; i < permutations; i++) out[i] = view.getUint16(i * 2, true);
  return out;
}

/**
 * How much of the smaller text the larger one contains, from the Jaccard
 * estimate and the two set sizes: |A∩B| = J(|A|+|B|)/(1+J).
 */
export function estimateContainment(jaccard: number, sizeA: number, sizeB: number): number {
  const smaller = Math.min(sizeA, sizeB);
  if (smaller === 0) return 0;
  const intersection = (jaccard * (sizeA + sizeB)) / (1 + jaccard);
  return Math.min(1, intersection / smaller);
}

/** Little-endian uint32s as bytes: the stored form (a DynamoDB binary attribute) of anchors and details. */
export function packValues(values: Uint32Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setUint32(i * 4, values[i] as number, true);
  return bytes;
}

/** Decodes `packValues`; `length` -1 accepts any whole number of values. */
export function unpackValues(bytes: Uint8Array, length: number): Uint32Array {
  if (bytes.byteLength % 4 !== 0 || (length >= 0 && bytes.byteLength !== length * 4))
    throw new RangeError(`stored values are ${bytes.byteLength} bytes, not ${length} uint32s`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint32Array(bytes.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}
