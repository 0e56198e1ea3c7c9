import { foldCopyEdits } from './copy-edits.ts';
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
  /**
   * A heavily copy-edited copy (reworded, reordered, trimmed): at least this share of each text's
   * shingles found in the other, both ways...
   */
  readonly minEditedContainment: number;
  /** ...and at least this many names and numbers in the same words, none of them different. */
  readonly minEditedSharedDetails: number;
  /**
   * The same outlet's text this alike is its own story revised, whatever names and numbers changed:
   * a correction or changed figures is what an update is...
   */
  readonly minRevisionJaccard: number;
  /** ...or this much of the smaller text in the larger, both of comparable length (a story extended). */
  readonly minRevisionContainment: number;
  readonly minRevisionSizeRatio: number;
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
  minEditedContainment: 0.3,
  minEditedSharedDetails: 12,
  minRevisionJaccard: 0.45,
  minRevisionContainment: 0.6,
  minRevisionSizeRatio: 0.5,
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

export type NearRule = 'minhash-jaccard' | 'minhash-containment' | 'minhash-edited-copy' | 'minhash-revision';

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
    const edited = foldCopyEdits(bodyText);
    const folded = foldText(edited);
    const words = folded.length > 0 ? folded.split(' ') : [];
    if (words.length < this.params.minWords) return undefined;
    const sketched = words.length > MAX_PROFILE_WORDS ? words.slice(0, MAX_PROFILE_WORDS) : words;
    const { signature, shingles, anchors } = this.#hasher.sketch(sketched, this.params.anchors);
    const details = extractDetails(
      edited.length > MAX_DETAIL_CHARS ? edited.slice(0, MAX_DETAIL_CHARS) : edited,
    );
    return { words: words.length, sketchedWords: sketched.length, signature, shingles, anchors, details };
  }

  /**
   * Whether two texts are the same story, and by which rule; undefined when they are not.
   * Texts that share a third to two fifths of their shingles are where a heavily edited copy and two
   * stories with a paragraph in common (a follow-up's background, an outlet's boilerplate) overlap;
   * there, only many names and numbers in the same words, and none different, make them one story.
   */
  match(a: ComparableProfile, b: ComparableProfile): NearMatch | undefined {
    const { params } = this;
    const jaccard = estimateJaccard(a.signature, b.signature);
    const containment = estimateContainment(jaccard, a.shingles, b.shingles);
    const ratio = Math.min(a.shingles, b.shingles) / Math.max(a.shingles, b.shingles);
    // Containment of the smaller text says nothing of the larger: both ways must hold for an edited copy.
    const bothWays = containment * ratio;
    const { shared, conflicts } = compareDetails(a.details, b.details);
    // Same words, different names and numbers: two reports from one template, not one story.
    if (conflicts > params.maxDetailConflicts) return undefined;
    let rule: NearRule | undefined;
    if (jaccard >= params.minJaccard) rule = 'minhash-jaccard';
    else if (containment >= params.minContainment && ratio >= params.minSizeRatio)
      rule = 'minhash-containment';
    else if (bothWays >= params.minEditedContainment && shared >= params.minEditedSharedDetails)
      rule = 'minhash-edited-copy';
    if (!rule) return undefined;
    const similarity = rule === 'minhash-jaccard' ? jaccard : containment;
    return { rule, similarity, jaccard, containment, detailConflicts: conflicts, sharedDetails: shared };
  }

  /** Whether a text is a revision of the same outlet's earlier one: a copy, or mostly the same words. */
  matchRevision(a: ComparableProfile, b: ComparableProfile): NearMatch | undefined {
    const copy = this.match(a, b);
    if (copy) return copy;
    const jaccard = estimateJaccard(a.signature, b.signature);
    const containment = estimateContainment(jaccard, a.shingles, b.shingles);
    const ratio = Math.min(a.shingles, b.shingles) / Math.max(a.shingles, b.shingles);
    const extended =
      containment >= this.params.minRevisionContainment && ratio >= this.params.minRevisionSizeRatio;
    if (jaccard < this.params.minRevisionJaccard && !extended) return undefined;
    const { shared, conflicts } = compareDetails(a.details, b.details);
    return {
      rule: 'minhash-revision',
      similarity: jaccard,
      jaccard,
      containment,
      detailConflicts: conflicts,
      sharedDetails: shared,
    };
  }
}
