/** A gazetteer name found in a text: where it starts and the name as listed. */
export interface NameMatch {
  readonly start: number;
  readonly name: string;
}

// What may not touch a name: a letter, digit or hyphen right after it ("AP-NORC"), or "of …"/"de …"
// and a capital ("The Times of India" is some other name than "The Times").
const AFTER_NAME = /[\p{L}\p{N}-]|\s+(?:of|de|del)\s+\p{Lu}/uy;
const LETTER_OR_DIGIT_AT_END = /[\p{L}\p{N}]$/u;

const isAsciiLetter = (c: number) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Whether the code point that ends right before `at` is a letter or digit. */
function letterOrDigitBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  const c = text.charCodeAt(at - 1);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  return LETTER_OR_DIGIT_AT_END.test(text.slice(Math.max(0, at - 2), at));
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
  /** Names by their first UTF-16 unit: an array for ASCII (most of them), a map for the rest. */
  readonly #asciiFirst: (string[] | undefined)[] = new Array(128).fill(undefined);
  readonly #otherFirst = new Map<number, string[]>();
  /** Empty names, which the alternation would try last everywhere (validated gazetteers have none). */
  readonly #empty: string[] = [];

  constructor(names: readonly string[]) {
    // Longest first, as the alternation lists them; a stable sort keeps equal lengths in gazetteer order.
    for (const name of [...names].sort((a, b) => b.length - a.length)) {
      if (name.length === 0) {
        this.#empty.push(name);
        continue;
      }
      const first = name.charCodeAt(0);
      const list = this.#candidates(first);
      if (list) list.push(name);
      else if (first < 128) this.#asciiFirst[first] = [name];
      else this.#otherFirst.set(first, [name]);
    }
  }

  /** Matches in text order, at most `limit` of them (a flood of names stops here, not after a full scan). */
  find(text: string, limit = Number.POSITIVE_INFINITY): NameMatch[] {
    const found: NameMatch[] = [];
    const ascii = this.#asciiFirst;
    const anywhere = this.#empty.length > 0 || this.#otherFirst.size > 0;
    const end = text.length;
    let at = 0;
    while (at <= end) {
      const c = at < end ? text.charCodeAt(at) : -1;
      if (c >= 0 && c < 128 && ascii[c] === undefined && !anywhere) {
        // Most characters begin no name; a letter that does not also means its whole word can be skipped.
        at++;
        if (isAsciiLetter(c)) while (at < end && isAsciiLetter(text.charCodeAt(at))) at++;
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

  #candidates(c: number): string[] | undefined {
    return c < 128 ? this.#asciiFirst[c] : this.#otherFirst.get(c);
  }

  #nameAt(text: string, at: number): string | undefined {
    // A /u regex never starts inside a surrogate pair.
    if (isLowSurrogate(text.charCodeAt(at)) && isHighSurrogate(text.charCodeAt(at - 1))) return undefined;
    if (letterOrDigitBefore(text, at)) return undefined;
    for (const name of this.#candidates(text.charCodeAt(at)) ?? NONE) {
      if (text.startsWith(name, at) && this.#free(text, at + name.length)) return name;
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
