import { beforeAll, describe, expect, it } from 'vitest';
import { bandKeys, candidateProbability } from '../../../lambdas/dedupe/lsh.ts';
import { MinHasher } from '../../../lambdas/dedupe/minhash.ts';

let hasher: MinHasher;
beforeAll(async () => {
  hasher = await MinHasher.create({ shingleSize: 2, permutations: 12 });
});

describe('LSH banding', () => {
  it('gives one key per band, equal for equal bands only', () => {
    const signature = Uint32Array.from({ length: 12 }, (_, i) => i * 1000);
    const keys = bandKeys(hasher, signature, { bands: 4, rows: 3 });
    expect(keys).toHaveLength(4);
    expect(new Set(keys).size).toBe(4);
    const changed = Uint32Array.from(signature);
    changed[4] = 99; // inside band 1
    const other = bandKeys(hasher, changed, { bands: 4, rows: 3 });
    expect(other.filter((key, i) => key !== keys[i])).toEqual([other[1]]);
  });

  it('keeps equal values in different bands apart', () => {
    const flat = new Uint32Array(12).fill(7);
    const keys = bandKeys(hasher, flat, { bands: 4, rows: 3 });
    expect(new Set(keys).size).toBe(4);
  });

  it('refuses more bands than the signature holds', () => {
    expect(() => bandKeys(hasher, new Uint32Array(12), { bands: 5, rows: 3 })).toThrow(RangeError);
  });

  it('makes likely candidates of similar pairs and unlikely ones of dissimilar pairs', () => {
    const params = { bands: 42, rows: 3 };
    expect(candidateProbability(0.5, params)).toBeGreaterThan(0.99);
    expect(candidateProbability(0.05, params)).toBeLessThan(0.01);
    expect(candidateProbability(0.4, params)).toBeCloseTo(1 - (1 - 0.4 ** 3) ** 42, 10);
  });
});
