/**
 * Finds runs of ASCII letters that are (or, in prefix mode, begin with) one of a few listed words. Written
 * out because V8 runs an unanchored alternation behind a lookbehind, `(?<![A-Za-z])(?:accord|told|…)`, at
 * every position of the text, which made such prefilters a large share of tagging; this loop reads each
 * run once and compares only the words sharing its first letter.
 */
export class WordStarts {
  readonly #byFirst: (string[] | undefined)[] = new Array(128).fill(undefined);
  readonly #prefix: boolean;

  /** `prefix`: a run matches when it begins with a word ("accord" in "according"); else it must equal one. */
  constructor(words: readonly string[], options: { readonly prefix: boolean }) {
    this.#prefix = options.prefix;
    for (const word of words) {
      if (!/^[A-Za-z]+$/u.test(word)) throw new Error(`WordStarts takes ASCII letters only: "${word}"`);
      const c = word.charCodeAt(0);
      const bucket = this.#byFirst[c] ?? [];
      bucket.push(word);
      this.#byFirst[c] = bucket;
    }
  }

  /** The start of the first matching run at or after `from`, or -1. */
  next(text: string, from = 0): number {
    const length = text.length;
    let at = from;
    // A run that began before `from` is not a word start.
    while (at > 0 && at < length && isAsciiLetter(text.charCodeAt(at - 1))) at++;
    while (at < length) {
      const c = text.charCodeAt(at);
      if (!isAsciiLetter(c)) {
        at++;
        continue;
      }
      let end = at + 1;
      while (end < length && isAsciiLetter(text.charCodeAt(end))) end++;
      const words = this.#byFirst[c];
      if (words)
        for (const word of words)
          if (
            (this.#prefix ? word.length <= end - at : word.length === end - at) &&
            text.startsWith(word, at)
          )
            return at;
      at = end;
    }
    return -1;
  }

  /** The listed word a matching run at `at` begins with (or equals). */
  wordAt(text: string, at: number): string | undefined {
    const c = text.charCodeAt(at);
    return this.#byFirst[c]?.find((word) => text.startsWith(word, at));
  }

  /** Whether any run of the text matches. */
  test(text: string): boolean {
    return this.next(text) >= 0;
  }
}

export const isAsciiLetter = (c: number) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
