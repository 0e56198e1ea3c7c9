import { spellingKey } from '../../lambdas/dedupe/copy-edits.ts';

/** A run of words two texts share, as it stands in each of them ([start, end) in UTF-16 units). */
export interface SharedPassage {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Where the same words start and end in the other text. */
  readonly otherStart: number;
  readonly otherEnd: number;
  readonly words: number;
}

/** Word runs as dedupe compares them: 5-word shingles (docs/dedupe.md, "Near duplicates"). */
const SHINGLE = 5;
export const MAX_PASSAGES = 20;
const MAX_PASSAGE_CHARS = 600;
/** Texts are compared over their first words only, as dedupe sketches them: the work stays bounded. */
const MAX_WORDS = 50_000;

interface Token {
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (out.length >= MAX_WORDS) break;
    out.push({
      key: spellingKey(match[0].toLowerCase()),
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return out;
}

const gram = (words: readonly Token[], i: number) =>
  words
    .slice(i, i + SHINGLE)
    .map((t) => t.key)
    .join(' ');

/**
 * The passages of `text` that `other` shares: every maximal run of words
 * covered by a 5-word shingle found in both, with where the run starts in the
 * other text. Case, punctuation and regular British / American spellings are
 * ignored, as the near-copy check ignores them. The longest
 * {@link MAX_PASSAGES} runs are kept, in text order.
 */
export function sharedPassages(text: string, other: string): SharedPassage[] {
  const a = tokens(text);
  const b = tokens(other);
  const inOther = new Map<string, number>();
  for (let i = 0; i + SHINGLE <= b.length; i++) {
    const key = gram(b, i);
    if (!inOther.has(key)) inOther.set(key, i);
  }
  const runs: Array<{ from: number; to: number; otherFrom: number; otherTo: number }> = [];
  let current: (typeof runs)[number] | undefined;
  for (let i = 0; i + SHINGLE <= a.length; i++) {
    const at = inOther.get(gram(a, i));
    if (at === undefined) continue;
    if (current && i <= current.to + 1) {
      current.to = i + SHINGLE - 1;
      current.otherTo = Math.max(current.otherTo, at + SHINGLE - 1);
    } else {
      current = { from: i, to: i + SHINGLE - 1, otherFrom: at, otherTo: at + SHINGLE - 1 };
      runs.push(current);
    }
  }
  const passages = runs.map((run) => {
    const start = a[run.from]?.start ?? 0;
    const end = a[run.to]?.end ?? start;
    return {
      text: text.slice(start, Math.min(end, start + MAX_PASSAGE_CHARS)),
      start,
      end,
      otherStart: b[run.otherFrom]?.start ?? 0,
      otherEnd: b[run.otherTo]?.end ?? 0,
      words: run.to - run.from + 1,
    };
  });
  return passages
    .sort((x, y) => y.words - x.words || x.start - y.start)
    .slice(0, MAX_PASSAGES)
    .sort((x, y) => x.start - y.start);
}

/** Share of `text`'s words inside shared passages: a plain figure to read beside the Jaccard estimate. */
export function sharedShare(text: string, passages: readonly SharedPassage[]): number {
  const total = tokens(text).length;
  if (total === 0) return 0;
  const shared = passages.reduce((sum, p) => sum + p.words, 0);
  return Math.round((shared / total) * 1000) / 1000;
}
