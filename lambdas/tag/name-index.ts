import { isAsciiLetter } from './word-starts.ts';

/** A gazetteer name found in a text: where it starts and the name as listed. */
export interface NameMatch {
  readonly start: number;
  readonly name: string;
}

// What may not touch a name: a letter, digit or hyphen right after it ("AP-NORC"), or "of …"/"de …"
// and a capital ("The Times of India" is some other name than "The Times").
const AFTER_NAME = /[\p{L}\p{N}-]|\s+(?:of|de|del)\s+\p{Lu}/uy;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/uy;

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
  /**
   * A trie over the first PREFIX units of every name. Many names share a first letter ("The …" alone is
   * hundreds), so a first-letter bucket made every capital of a flood of names try them all; a node
   * PREFIX units down holds a handful. Walking it reads characters, never slices the text.
   */
  readonly #root: TrieNode = newNode();
  /** The root's children by ASCII unit, where nearly every character of a text is: an array, not a map. */
  readonly #rootAscii: (TrieNode | undefined)[] = new Array(128).fill(undefined);
  /** Empty names, which the alternation would try last everywhere (validated gazetteers have none). */
  readonly #empty: string[] = [];

  constructor(names: readonly string[]) {
    // Longest first, as the alternation lists them; a stable sort keeps equal lengths in gazetteer order.
    for (const name of [...names].sort((a, b) => b.length - a.length)) {
      if (name.length === 0) {
        this.#empty.push(name);
        continue;
      }
      let node = this.#root;
      for (let i = 0; i < Math.min(PREFIX, name.length); i++) node = childOrNew(node, name.charCodeAt(i));
      node.names.push(name);
    }
    for (const [c, node] of this.#root.next) if (c < 128) this.#rootAscii[c] = node;
  }

  /** Matches in text order, at most `limit` of them (a flood of names stops here, not after a full scan). */
  find(text: string, limit = Number.POSITIVE_INFINITY): NameMatch[] {
    return this.#empty.length === 0 ? this.#findFromStarts(text, limit) : this.#findEverywhere(text, limit);
  }

  /**
   * Only where a name may begin: a unit some name starts with. Inside a run of ASCII letters no name
   * begins (the letter before forbids it), so the loop moves on to the run's end; a plain loop over
   * units proved faster here than a regex of the first units.
   */
  #findFromStarts(text: string, limit: number): NameMatch[] {
    const found: NameMatch[] = [];
    const ascii = this.#rootAscii;
    const other = this.#root.next;
    for (let at = 0; at < text.length; ) {
      const c = text.charCodeAt(at);
      const starts = c < 128 ? ascii[c] !== undefined : other.has(c);
      const name = starts ? this.#nameAt(text, at) : undefined;
      if (name !== undefined) {
        if (found.length >= limit) break;
        found.push({ start: at, name });
        at += name.length;
        continue;
      }
      at++;
      if (isAsciiLetter(c)) while (at < text.length && isAsciiLetter(text.charCodeAt(at))) at++;
    }
    return found;
  }

  /** Every position, as the alternation would try them: only a gazetteer with an empty name needs this. */
  #findEverywhere(text: string, limit: number): NameMatch[] {
    const found: NameMatch[] = [];
    for (let at = 0; at <= text.length; ) {
      const name = this.#nameAt(text, at);
      if (name !== undefined) {
        if (found.length >= limit) break;
        found.push({ start: at, name });
        if (name.length > 0) {
          at += name.length;
          continue;
        }
      }
      if (at === text.length) break;
      at += codePointLength(text, at);
    }
    return found;
  }

  #first(c: number): TrieNode | undefined {
    return c < 128 ? this.#rootAscii[c] : this.#root.next.get(c);
  }

  #nameAt(text: string, at: number): string | undefined {
    // A /u regex never starts inside a surrogate pair.
    if (isLowSurrogate(text.charCodeAt(at)) && isHighSurrogate(text.charCodeAt(at - 1))) return undefined;
    if (letterOrDigitBefore(text, at)) return undefined;
    // Down the trie as far as the text follows it; deeper nodes hold only longer names, so trying them
    // first finds the longest free match first, as the alternation would.
    const path: TrieNode[] = [];
    let node = this.#first(text.charCodeAt(at));
    if (node) path.push(node);
    for (let i = at + 1; node && i < at + PREFIX && i < text.length; i++) {
      node = node.next.get(text.charCodeAt(i));
      if (node === undefined) break;
      path.push(node);
    }
    for (let d = path.length - 1; d >= 0; d--) {
      for (const name of (path[d] as TrieNode).names)
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

const PREFIX = 5;

interface TrieNode {
  readonly next: Map<number, TrieNode>;
  /** Names whose first PREFIX units (or whole selves, when shorter) end here, longest first. */
  readonly names: string[];
}

const newNode = (): TrieNode => ({ next: new Map(), names: [] });

function childOrNew(node: TrieNode, c: number): TrieNode {
  const existing = node.next.get(c);
  if (existing) return existing;
  const made = newNode();
  node.next.set(c, made);
  return made;
}
