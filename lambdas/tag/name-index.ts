/** A gazetteer name found in a text: where it starts and the name as listed. */
export interface NameMatch {
  readonly start: number;
  readonly name: string;
}

// What may not touch a name: a letter, digit or hyphen right after it ("AP-NORC"), or "of …"/"de …"
// and a capital ("The Times of India" is some other name than "The Times").
const AFTER_NAME = /[\p{L}\p{N}-]|\s+(?:of|de|del)\s+\p{Lu}/uy;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/uy;

const isAsciiLetter = (c: number) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Whether the code point that ends right before `at` is a letter or digit. */
function letterOrDigitBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  const c = text.charCodeAt(at - 1);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || isAsciiLetter(c);
  // The code point before may be a surrogate pair: test it where it starts, without slicing.
  LETTER_OR_DIGIT.lastIndex =
    at >= 2 && isLowSurrogate(c) && isHighSurrogate(text.charCodeAt(at - 2)) ? at - 2 : at - 1;
  return LETTER_OR_DIGIT.test(text);
}

/**
 * Finds gazetteer names in a text exactly where, and in the order, the regex
 *
 *   /(?<![\p{L}\p{N}])(?:name|name|…)(?![\p{L}\p{N}-])(?!\s+(?:of|de|del)\s+\p{Lu})/gu
 *
 * with its names longest first would find them. Written out because V8 tries
 * such an alternation name by name at every position of the text, which made
 * it the costliest step of tagging; here each position looks up only the
 * names that begin with its character.
 */
export class NameIndex {
  /** Which UTF-16 units begin some name: the filter most positions stop at. */
  readonly #asciiFirst: boolean[] = new Array(128).fill(false);
  readonly #otherFirst = new Set<number>();
  /**
   * Names by their first PREFIX units (whole names when shorter), longest first: many names share a
   * first letter ("The …" alone is hundreds), so a first-letter bucket made every capital of a flood of
   * names try them all; a prefix bucket holds a handful.
   */
  readonly #byPrefix = new Map<string, string[]>();
  /** The prefix lengths some bucket has, longest first. */
  readonly #prefixLengths: number[];
  /** Empty names, which the alternation would try last everywhere (validated gazetteers have none). */
  readonly #empty: string[] = [];

  constructor(names: readonly string[]) {
    const lengths = new Set<number>();
    // Longest first, as the alternation lists them; a stable sort keeps equal lengths in gazetteer order.
    for (const name of [...names].sort((a, b) => b.length - a.length)) {
      if (name.length === 0) {
        this.#empty.push(name);
        continue;
      }
      const first = name.charCodeAt(0);
      if (first < 128) this.#asciiFirst[first] = true;
      else this.#otherFirst.add(first);
      const prefix = name.slice(0, PREFIX);
      lengths.add(prefix.length);
      const bucket = this.#byPrefix.get(prefix);
      if (bucket) bucket.push(name);
      else this.#byPrefix.set(prefix, [name]);
    }
    this.#prefixLengths = [...lengths].sort((a, b) => b - a);
  }

  /** Matches in text order, at most `limit` of them (a flood of names stops here, not after a full scan). */
  find(text: string, limit = Number.POSITIVE_INFINITY): NameMatch[] {
    const found: NameMatch[] = [];
    const noEmpty = this.#empty.length === 0;
    const end = text.length;
    let at = 0;
    while (at <= end) {
      const c = at < end ? text.charCodeAt(at) : -1;
      if (noEmpty && (c < 0 || !this.#begins(c))) {
        // Most characters begin no name; a letter that does not also means its whole word can be skipped.
        if (c < 0) break;
        if (isAsciiLetter(c)) {
          do at++;
          while (at < end && isAsciiLetter(text.charCodeAt(at)));
        } else at += codePointLength(text, at);
        continue;
      }
      const name = this.#nameAt(text, at);
      if (name !== undefined) {
        if (found.length >= limit) break;
        found.push({ start: at, name });
        if (name.length > 0) {
          at += name.length;
          continue;
        }
      }
      if (isAsciiLetter(c)) {
        // No name starts inside a word: on to the end of this run of letters.
        do at++;
        while (at < end && isAsciiLetter(text.charCodeAt(at)));
      } else at += codePointLength(text, at);
    }
    return found;
  }

  #begins(c: number): boolean {
    return c < 128 ? this.#asciiFirst[c] === true : this.#otherFirst.has(c);
  }

  #nameAt(text: string, at: number): string | undefined {
    // A /u regex never starts inside a surrogate pair.
    if (isLowSurrogate(text.charCodeAt(at)) && isHighSurrogate(text.charCodeAt(at - 1))) return undefined;
    if (letterOrDigitBefore(text, at)) return undefined;
    // Buckets of longer prefixes hold only longer names, so the first free match is the longest.
    for (const length of this.#prefixLengths) {
      if (at + length > text.length) continue;
      for (const name of this.#byPrefix.get(text.slice(at, at + length)) ?? NONE) {
        if (text.startsWith(name, at) && this.#free(text, at + name.length)) return name;
      }
    }
    for (const name of this.#empty) if (this.#free(text, at)) return name;
    return undefined;
  }

  #free(text: string, end: number): boolean {
    AFTER_NAME.lastIndex = end;
    return !AFTER_NAME.test(text);
  }
}

function codePointLength(text: string, at: number): number {
  return isHighSurrogate(text.charCodeAt(at)) && isLowSurrogate(text.charCodeAt(at + 1)) ? 2 : 1;
}

const NONE: readonly string[] = [];
const PREFIX = 5;
