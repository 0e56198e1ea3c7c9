import { type MinHasher, packValues } from './minhash.ts';

export interface BandingParams {
  readonly bands: number;
  readonly rows: number;
}

/**
 * LSH banding: the signature cut into `bands` bands of `rows` values; two
 * texts become candidates when any band is equal, which happens with
 * probability 1 - (1 - J^rows)^bands for Jaccard J. Each band is hashed to a
 * key, so finding candidates is a constant number of point look-ups however
 * many reports the index holds.
 */
export function bandKeys(hasher: MinHasher, signature: Uint32Array, params: BandingParams): string[] {
  const { bands, rows } = params;
  if (bands * rows > signature.length)
    throw new RangeError(
      `${bands} bands × ${rows} rows need ${bands * rows} values, signature has ${signature.length}`,
    );
  const keys: string[] = [];
  // Packed little-endian so keys are the same on every machine that writes to the index.
  const bytes = packValues(signature);
  for (let band = 0; band < bands; band++) {
    const slice = bytes.subarray(band * rows * 4, (band + 1) * rows * 4);
    keys.push(`${band.toString(36)}.${hasher.hashBytes(slice, band)}`);
  }
  return keys;
}

/** Probability that a pair with Jaccard `jaccard` shares at least one band. */
export function candidateProbability(jaccard: number, params: BandingParams): number {
  return 1 - (1 - jaccard ** params.rows) ** params.bands;
}
