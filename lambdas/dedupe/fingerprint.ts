import type { NormalizedItem } from '../shared/envelope.ts';
import { sha256Hex } from '../shared/hash.ts';

/**
 * The text two reports must share to be the same report: the body with case,
 * punctuation and whitespace folded away (dateline, byline and footers were
 * already lifted out by normalize). An item without a body falls back to its
 * headline, so two empty bodies never collide.
 */
export function foldText(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function exactFingerprint(item: Pick<NormalizedItem, 'bodyText' | 'headline'>): string {
  const body = foldText(item.bodyText);
  return sha256Hex(body.length > 0 ? `body:${body}` : `headline:${foldText(item.headline)}`);
}
