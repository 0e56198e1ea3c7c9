import { beforeAll, describe, expect, it } from 'vitest';
import { anchorKey, anchorKeys, firstSharedAnchor } from '../../../lambdas/dedupe/anchors.ts';
import { MinHasher } from '../../../lambdas/dedupe/minhash.ts';

let hasher: MinHasher;
beforeAll(async () => {
  hasher = await MinHasher.create({ shingleSize: 2, permutations: 12 });
});

const words = (count: number, prefix = 'w') => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

describe('anchors', () => {
  it('are the smallest first-permutation values, distinct and ascending', () => {
    const sketch = hasher.sketch(words(40), 6);
    expect(sketch.anchors).toHaveLength(6);
    const values = [...sketch.anchors];
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(new Set(values).size).toBe(6);
    // The smallest anchor is the first permutation's minimum, by definition.
    expect(sketch.anchors[0]).toBe(sketch.signature[0]);
  });

  it('are a prefix of a longer bottom-k sample of the same text', () => {
    const text = words(60);
    expect([...hasher.sketch(text, 3).anchors]).toEqual([...hasher.sketch(text, 8).anchors].slice(0, 3));
  });

  it('are fewer when the text has fewer shingles, and none when none are asked for', () => {
    expect(hasher.sketch(words(3), 6).anchors).toHaveLength(2);
    expect(hasher.sketch(words(40)).anchors).toHaveLength(0);
  });

  it('survive trimming: a copy cut to its first half shares an anchor with the whole', () => {
    const whole = words(400);
    const half = whole.slice(0, 200);
    const shared = firstSharedAnchor(hasher.sketch(half, 6).anchors, hasher.sketch(whole, 6).anchors);
    expect(shared).toBeDefined();
  });

  it('are not shared by unrelated texts', () => {
    const a = hasher.sketch(words(300, 'a'), 6).anchors;
    const b = hasher.sketch(words(300, 'b'), 6).anchors;
    expect(firstSharedAnchor(a, b)).toBeUndefined();
  });

  it('agree on the first shared value from either side', () => {
    const a = Uint32Array.from([3, 9, 14, 20]);
    const b = Uint32Array.from([1, 9, 14, 30]);
    expect(firstSharedAnchor(a, b)).toBe(9);
    expect(firstSharedAnchor(b, a)).toBe(9);
  });

  it('key the index by value, the same on every machine', () => {
    expect(anchorKey(0xab)).toBe('anchor#000000ab');
    expect(anchorKeys(Uint32Array.from([1, 0xffffffff]))).toEqual(['anchor#00000001', 'anchor#ffffffff']);
  });
});
