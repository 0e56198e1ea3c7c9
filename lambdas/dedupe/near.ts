import { compareDetails, type Details, extractDetails } from './details.ts';
import { foldText } from './fingerprint.ts';
import { estimateContainment, estimateJaccard, MinHasher, type Signature } from './minhash.ts';

/**
 * Near-duplicate detection parameters. The defaults were chosen from the
 * labeled syndication benchmark (`npx tsx bench/dedupe-sweep.ts`); the numbers
 * behind each choice are in docs/dedupe.md.
 */
export interface NearDuplicateParams {
  readonly shingleSize: number;
  readonly permutations: number;
  /** Index keys per text: the smallest values of one permutation (anchors.ts). */
  readonly anchors: number;
  /** Texts with fewer folded words fall back to exact matching only: too few shingles to judge. */
  readonly minWords: number;
  /** Estimated Jaccard similarity at or above which two texts are the same story. */
  readonly minJaccard: number;
  /** Estimated share of the smaller text found in the larger one: a trimmed copy. */
  readonly minContainment: number;
  /** The smaller text's share of the larger's shingles below which containment is not trusted. */
  readonly minSizeRatio: number;
  /** Shared contexts followed by different names or numbers that a copy may still have (copy-editing). */
  readonly maxDetailConflicts: number;
}

export const NEAR_DUPLICATE_DEFAULTS: NearDuplicateParams = {
  shingleSize: 5,
  permutations: 128,
  anchors: 6,
  minWords: 50,
  minJaccard: 0.4,
  minContainment: 0.7,
  minSizeRatio: 0.3,
  maxDetailConflicts: 0,
};

/**
 * What a profile reads of a long text: its first words for the sketch and its
 * first characters for the details. Far beyond any article (a long read is
 * 10,000 words), so real reports are profiled whole; a multi-megabyte body
 * (a flood, a dump) costs the same as this much text, not its size in hashing
 * (128 permutations per shingle). The exact fingerprint still covers it all.
 */
export const MAX_PROFILE_WORDS = 50_000;
export const MAX_DETAIL_CHARS = 400_000;

/** What the index keeps of a text to compare it later. */
export interface TextProfile {
  /** Folded words in the whole text. */
  readonly words: number;
  /** Of those, how many the sketch read (at most MAX_PROFILE_WORDS). */
  readonly sketchedWords: number;
  readonly signature: Uint32Array;
  readonly shingles: number;
  /** Ascending; the text's keys in the index. */
  readonly anchors: Uint32Array;
  readonly details: Details;
}

/** The parts of a profile a comparison needs; what the index stores. */
export interface ComparableProfile {
  readonly signature: Signature;
  readonly shingles: number;
  readonly details: Details;
}

export type NearRule = 'minhash-jaccard' | 'minhash-containment';

export interface NearMatch {
  readonly rule: NearRule;
  /** The figure the rule compared: Jaccard or containment. */
  readonly similarity: number;
  readonly jaccard: number;
  readonly containment: number;
  readonly detailConflicts: number;
  readonly sharedDetails: number;
}

export class NearDuplicateDetector {
  readonly params: NearDuplicateParams;
  readonly #hasher: MinHasher;

  private constructor(hasher: MinHasher, params: NearDuplicateParams) {
    this.#hasher = hasher;
    this.params = params;
  }

  static async create(overrides: Partial<NearDuplicateParams> = {}): Promise<NearDuplicateDetector> {
    const params = { ...NEAR_DUPLICATE_DEFAULTS, ...overrides };
    if (!Number.isInteger(params.anchors) || params.anchors < 1)
      throw new RangeError('anchors must be a positive integer');
    const hasher = await MinHasher.create({
      shingleSize: params.shingleSize,
      permutations: params.permutations,
    });
    return new NearDuplicateDetector(hasher, params);
  }

  /** The text's sketch and anchors; undefined for a short text, which is matched exactly only. */
  profile(bodyText: string): TextProfile | undefined {
    const folded = foldText(bodyText);
    const words = folded.length > 0 ? folded.split(' ') : [];
    if (words.length < this.params.minWords) return undefined;
    const sketched = words.length > MAX_PROFILE_WORDS ? words.slice(0, MAX_PROFILE_WORDS) : words;
    const { signature, shingles, anchors } = this.#hasher.sketch(sketched, this.params.anchors);
    const details = extractDetails(
      bodyText.length > MAX_DETAIL_CHARS ? bodyText.slice(0, MAX_DETAIL_CHARS) : bodyText,
    );
    return { words: words.length, sketchedWords: sketched.length, signature, shingles, anchors, details };
  }

  /** Whether two texts are the same story, and by which rule; undefined when they are not. */
  match(a: ComparableProfile, b: ComparableProfile): NearMatch | undefined {
    const jaccard = estimateJaccard(a.signature, b.signature);
    const containment = estimateContainment(jaccard, a.shingles, b.shingles);
    const ratio = Math.min(a.shingles, b.shingles) / Math.max(a.shingles, b.shingles);
    let rule: NearRule | undefined;
    if (jaccard >= this.params.minJaccard) rule = 'minhash-jaccard';
    else if (containment >= this.params.minContainment && ratio >= this.params.minSizeRatio)
      rule = 'minhash-containment';
    if (!rule) return undefined;
    const { shared, conflicts } = compareDetails(a.details, b.details);
    // Same words, different names and numbers: two reports from one template, not one story.
    if (conflicts > this.params.maxDetailConflicts) return undefined;
    const similarity = rule === 'minhash-jaccard' ? jaccard : containment;
    return { rule, similarity, jaccard, containment, detailConflicts: conflicts, sharedDetails: shared };
  }
}
