/**
 * Distinguishing details: each number or capitalised name in a text, keyed by
 * the three words before it. A syndicated copy adds, trims and re-words, but
 * where both texts have the same words before a detail they give the same
 * detail. Two notices from one template share almost all their words (so
 * MinHash calls them near copies) yet name different applicants, dates and
 * amounts right after the same template words: those are conflicts, and enough
 * of them mean two different reports. Hand-written because it is a few lines
 * over the tokens we already have; no library does this.
 */

/** Key and value hashes, interleaved and sorted by key: [key0, value0, key1, value1, ...]. */
export type Details = Uint32Array;

export const MAX_DETAILS = 192;
const CONTEXT = 3;

/** FNV-1a, 32-bit: details only need to tell a few dozen strings apart, not resist collisions at scale. */
export function fnv1a(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Numbers keep their inner separators ("219.3", "300,000", "10:00") so a decimal point ends no sentence. */
const TOKEN = /\p{N}+(?:[.,:]\p{N}+)*|[\p{L}\p{N}]+|[.!?]/gu;
/** Lines and dashes end a context: datelines, bylines and footers sit before them, not inside a sentence. */
const SEGMENT = /\n|[\u2013\u2014]|\s-\s/u;

function isDetail(token: string): boolean {
  return /\p{N}/u.test(token) || /^\p{Lu}/u.test(token);
}

interface Token {
  readonly folded: string;
  readonly detail: boolean;
}

/**
 * A segment's sentences, each word marked whether it is a detail. Contexts
 * stay inside a sentence so a copy that drops a sentence creates no conflict;
 * a sentence's first word is capitalised by grammar, so it is no detail.
 */
function sentencesOf(segment: string): Token[][] {
  const raw = segment.match(TOKEN) ?? [];
  const sentences: Token[][] = [];
  let current: Token[] = [];
  raw.forEach((token, i) => {
    if (token === '.' || token === '!' || token === '?') {
      // "a.m. today" or "Inc. said": a stop followed by a lower-case word ends no sentence.
      const next = raw[i + 1];
      if (next === undefined || !/^\p{Ll}/u.test(next)) {
        if (current.length > 0) sentences.push(current);
        current = [];
      }
      return;
    }
    current.push({ folded: token.toLowerCase(), detail: current.length > 0 && isDetail(token) });
  });
  if (current.length > 0) sentences.push(current);
  return sentences;
}

/**
 * Each detail keyed by the three words before it and, separately, by the three
 * after it: the words after catch a template's opening slot ("Acme Corp.
 * today announced"), which has no words before it.
 */
export function extractDetails(text: string): Details {
  const byKey = new Map<number, number>();
  const add = (key: string, value: string) => {
    const hash = fnv1a(key);
    if (!byKey.has(hash) && byKey.size < MAX_DETAILS) byKey.set(hash, fnv1a(value));
  };
  for (const segment of text.normalize('NFKC').split(SEGMENT)) {
    // Full: no later detail could be added (the first value of a key wins), so the rest is not read.
    if (byKey.size >= MAX_DETAILS) break;
    for (const tokens of sentencesOf(segment)) {
      tokens.forEach((token, i) => {
        if (!token.detail) return;
        if (i >= CONTEXT) add(`<${words(tokens, i - CONTEXT, i)}`, token.folded);
        if (i + CONTEXT < tokens.length) add(`>${words(tokens, i + 1, i + 1 + CONTEXT)}`, token.folded);
      });
    }
  }
  const keys = [...byKey.keys()].sort((a, b) => a - b);
  const out = new Uint32Array(keys.length * 2);
  keys.forEach((key, i) => {
    out[i * 2] = key;
    out[i * 2 + 1] = byKey.get(key) as number;
  });
  return out;
}

function words(tokens: readonly Token[], from: number, to: number): string {
  return tokens
    .slice(from, to)
    .map((t) => t.folded)
    .join(' ');
}

export interface DetailComparison {
  /** Contexts both texts have. */
  readonly shared: number;
  /** Shared contexts followed by different details. */
  readonly conflicts: number;
}

export function compareDetails(a: Details, b: Details): DetailComparison {
  let i = 0;
  let j = 0;
  let shared = 0;
  let conflicts = 0;
  while (i < a.length && j < b.length) {
    const ka = a[i] as number;
    const kb = b[j] as number;
    if (ka < kb) i += 2;
    else if (kb < ka) j += 2;
    else {
      shared++;
      if (a[i + 1] !== b[j + 1]) conflicts++;
      i += 2;
      j += 2;
    }
  }
  return { shared, conflicts };
}
