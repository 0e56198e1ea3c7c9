import { canonicalLanguage, detectable, detectLanguage } from './language.ts';

/** Undeclared items detected one by one before a feed's language is taken as settled. */
const SAMPLE = 4;
/** Once settled, every this-many-th undeclared item is still detected, to notice a feed that changes language. */
const CHECK_EVERY = 8;

/**
 * Language detection for the undeclared items of one document. Detection is most of normalize's cost
 * on a feed that declares no language, and the items of one feed are nearly always in one language:
 * the first SAMPLE items are detected one by one, and when they agree that language is the feed's;
 * after that only every CHECK_EVERY-th item is detected. Any disagreement (a mixed-language feed)
 * turns per-item detection back on for the rest of the document. Declared languages always win, and
 * text too short to detect stays "und", as with resolveLanguage.
 */
export class FeedLanguage {
  #settled: string | undefined;
  #perItem = false;
  #sampled: string[] = [];
  #since = 0;

  resolve(declared: string | undefined, text: string): string {
    const tag = canonicalLanguage(declared);
    if (tag) return tag;
    if (!detectable(text)) return 'und';
    if (this.#perItem) return detectLanguage(text);
    if (this.#settled !== undefined && ++this.#since < CHECK_EVERY) return this.#settled;
    const detected = detectLanguage(text);
    if (this.#settled !== undefined) {
      this.#since = 0;
      if (detected !== this.#settled) this.#perItem = true;
      return detected;
    }
    this.#sampled.push(detected);
    if (this.#sampled.some((language) => language !== detected)) this.#perItem = true;
    else if (this.#sampled.length >= SAMPLE) this.#settled = detected;
    return detected;
  }
}
