/**
 * Candidate search by anchors. A text is filed under its `k` smallest values
 * of one hash permutation over its shingles (a bottom-k sample, see
 * `MinHasher.sketch`), and looked up under the same values. If any of the k
 * smallest shingles of the two texts' union is one they share, both texts have
 * it among their own k smallest, so a pair with Jaccard J becomes a candidate
 * with probability at least 1 − (1 − J)^k; a trimmed copy does better, since
 * its smallest shingles are mostly the original's. Banding a MinHash signature
 * needs one bucket per band (20 for the same recall on the labeled benchmark,
 * docs/dedupe.md); anchors need k, and every bucket is one index write.
 */

/** The index key of one anchor value. */
export function anchorKey(value: number): string {
  return `anchor#${value.toString(16).padStart(8, '0')}`;
}

export function anchorKeys(anchors: Uint32Array): string[] {
  return Array.from(anchors, anchorKey);
}

/**
 * The smallest value two ascending anchor lists share. Both sides of a pair
 * compute the same one, which lets two concurrent copies agree on the bucket
 * whose order decides which of them came first.
 */
export function firstSharedAnchor(own: Uint32Array, other: Uint32Array): number | undefined {
  const theirs = new Set(other);
  return own.find((value) => theirs.has(value));
}

/** The anchor value an index key names (the inverse of `anchorKey`). */
export function anchorOfKey(key: string): number {
  const match = /^anchor#([0-9a-f]{8})$/.exec(key);
  if (!match?.[1]) throw new RangeError(`not an anchor key: ${key}`);
  return Number.parseInt(match[1], 16);
}
