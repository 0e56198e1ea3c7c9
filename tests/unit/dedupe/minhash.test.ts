import { beforeAll, describe, expect, it } from 'vitest';
import {
  estimateContainment,
  estimateJaccard,
  MinHasher,
  packSignature,
  packValues,
  unpackSignature,
  unpackValues,
} from '../../../lambdas/dedupe/minhash.ts';

let hasher: MinHasher;
beforeAll(async () => {
  hasher = await MinHasher.create({ shingleSize: 1, permutations: 256 });
});

const words = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

describe('MinHasher', () => {
  it('builds word shingles of the configured size, a short text being one shingle', async () => {
    const three = await MinHasher.create({ shingleSize: 3, permutations: 8 });
    expect([...three.shingles(['a', 'b', 'c', 'd'])]).toEqual(['a b c', 'b c d']);
    expect([...three.shingles(['a', 'b'])]).toEqual(['a b']);
    expect(three.shingles([]).size).toBe(0);
  });

  it('gives the same signature for the same set, whatever the order and repeats', () => {
    const a = hasher.sketch(['x', 'y', 'z', 'x']);
    const b = hasher.sketch(['z', 'y', 'x']);
    expect([...a.signature]).toEqual([...b.signature]);
    expect(a.shingles).toBe(3);
  });

  it('keeps every value an exact unsigned 32-bit integer', () => {
    const { signature } = hasher.sketch(words('w', 500));
    for (const value of signature) {
      expect(Number.isInteger(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(0xffffffff);
    }
    // Permutations must differ from each other, or the estimate would be one coin flip repeated.
    expect(new Set(signature).size).toBeGreaterThan(200);
  });

  it.each([0.2, 0.5, 0.8])('estimates a Jaccard similarity of %f within sampling error', (target) => {
    // Two sets of 1000 words sharing `shared` words have Jaccard shared / (2000 - shared).
    const shared = Math.round((2000 * target) / (1 + target));
    const common = words('c', shared);
    const a = hasher.sketch([...common, ...words('a', 1000 - shared)]);
    const b = hasher.sketch([...common, ...words('b', 1000 - shared)]);
    const truth = shared / (2000 - shared);
    const standardError = Math.sqrt((truth * (1 - truth)) / 256);
    expect(Math.abs(estimateJaccard(a.signature, b.signature) - truth)).toBeLessThan(4 * standardError);
  });

  it('turns Jaccard and set sizes into containment of the smaller set', () => {
    // A ⊂ B, |A| = 300, |B| = 1000: Jaccard 0.3 and containment 1.
    expect(estimateContainment(0.3, 300, 1000)).toBeCloseTo(1, 5);
    expect(estimateContainment(0, 300, 1000)).toBe(0);
    expect(estimateContainment(0.5, 0, 10)).toBe(0);
  });

  it('refuses to compare signatures of different lengths', () => {
    expect(() => estimateJaccard(new Uint32Array(4), new Uint32Array(8))).toThrow(RangeError);
  });

  it('round-trips signatures through their stored form', () => {
    const { signature } = hasher.sketch(words('r', 50));
    const packed = packValues(signature);
    expect([...unpackValues(packed, 256)]).toEqual([...signature]);
    // Little-endian whatever the machine, so every Lambda architecture reads the same values.
    expect(packed[0]).toBe((signature[0] as number) & 0xff);
    expect(() => unpackValues(packed, 128)).toThrow(RangeError);
  });

  it('stores a signature in half the bytes, and compares it as if it were whole', () => {
    const a = hasher.sketch(words('s', 60)).signature;
    const b = hasher.sketch([...words('s', 40), ...words('t', 20)]).signature;
    const stored = unpackSignature(packSignature(b), 256);
    expect(packSignature(b).byteLength).toBe(512);
    expect(estimateJaccard(a, stored)).toBe(estimateJaccard(a, b));
    // Full values agree in their low bits where they are equal; the estimate is within 1/256 of exact.
    const exact = [...a].filter((v, i) => v === b[i]).length / a.length;
    expect(Math.abs(estimateJaccard(a, b) - exact)).toBeLessThanOrEqual(1 / 256);
    // A record written with full 32-bit values reads the same.
    expect(estimateJaccard(a, unpackSignature(packValues(b), 256))).toBe(estimateJaccard(a, b));
    expect(() => unpackSignature(new Uint8Array(100), 256)).toThrow(RangeError);
  });

  it('rejects nonsensical parameters', async () => {
    await expect(MinHasher.create({ shingleSize: 0, permutations: 8 })).rejects.toThrow(RangeError);
    await expect(MinHasher.create({ shingleSize: 2, permutations: 1.5 })).rejects.toThrow(RangeError);
  });
});
