import type { CreditFinder } from './credits.ts';
import type { NewsOrganisation } from './gazetteer.ts';

/**
 * Where an item came from, as its furniture says: wire credits in the dateline
 * ("(AP) —"), at the very end ("— AFP"), in the byline ("By Jane Doe,
 * Associated Press"), and footers ("This article originally appeared on X",
 * "Republished from X", "Reuters contributed to this report").
 */
export interface OriginCredit {
  readonly name: string;
  readonly org?: NewsOrganisation;
  readonly kind: 'origin' | 'contributor';
}

const NAME = String.raw`(?<name>[\p{Lu}\p{N}][\p{L}\p{N}&'’/.-]*(?:\s+(?:of\s+|the\s+|de\s+)?[\p{Lu}\p{N}][\p{L}\p{N}&'’/.-]*){0,6})`;
const THE = String.raw`(?:the\s+)?(?:(?:website|site|pages|blog)\s+of\s+(?:the\s+)?)?`;
// In a footer the phrase itself says the name is a publication, so an unknown name counts.
const ORIGIN_FOOTERS = [
  new RegExp(
    String.raw`\b(?:originally|first)\s+(?:appeared|published|ran|posted)\s+(?:on|in|at|by)\s+${THE}${NAME}`,
    'u',
  ),
  new RegExp(
    String.raw`\b[Rr]epublished\s+(?:here\s+)?(?:from|with\s+(?:the\s+)?permission\s+(?:from|of)|courtesy\s+of|by\s+arrangement\s+with)\s+${THE}${NAME}`,
    'u',
  ),
  new RegExp(
    String.raw`\b(?:produced|published|written|reported)\s+by\s+${THE}${NAME}\s+and\s+(?:is\s+)?(?:re)?published\b`,
    'u',
  ),
  new RegExp(String.raw`^(?:Source|Courtesy(?:\s+of)?|Via)\s*:?\s+${THE}${NAME}\.?$`, 'u'),
];
// A contributor must be a known organisation or a site: "Jane Doe contributed to this report" credits a person.
const CONTRIBUTOR_FOOTERS = [
  new RegExp(String.raw`^${THE}${NAME}\s+contributed\s+to\s+this\s+(?:report|story|article)`, 'u'),
  new RegExp(String.raw`\b(?:[Aa]dditional\s+|[Ww]ith\s+)?[Rr]eporting\s+(?:by|from)\s+${THE}${NAME}`, 'u'),
];
const TRAILING_CREDIT = /(?:^|\s)(?:[—–]|--?)\s*\(?(?<name>[\p{Lu}][\p{L}\p{N}&.\s/,-]{1,60}?)\)?\.?\s*$/u;
const CLOSING_PAREN = /\((?<name>[\p{Lu}][^()]{1,40})\)\.?\s*$/u;
const BARE_CREDIT = /^\(?(?<name>[\p{Lu}][\p{L}\p{N}&.\s/,-]{1,60}?)\)?\.?$/u;
const CALENDAR =
  /\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b.*$/u;

const TAIL = 240;

function trimName(raw: string): string {
  return raw
    .replace(CALENDAR, '')
    .replace(/\s+(?:under|and|with|for|on|in)\b.*$/u, '')
    .replace(/[.,;:'’]+$/u, '')
    .trim();
}

/** Splits "Reuters/AFP", "AP, Reuters" and keeps only the parts the gazetteer knows. */
function knownParts(raw: string, credits: CreditFinder): { name: string; org: NewsOrganisation }[] {
  return raw
    .split(/\s*(?:\/|,|&|\band\b)\s*/u)
    .map((part) => trimName(part))
    .flatMap((name) => {
      const org = credits.lookup(name);
      return org ? [{ name, org }] : [];
    });
}

function isSiteName(name: string): boolean {
  return /^[\p{L}\p{N}-]+\.(?:com|net|org|ru|ua|news|info|media|co\.uk)$/u.test(name);
}

export function originsFromFooters(notices: readonly string[], credits: CreditFinder): OriginCredit[] {
  const found: OriginCredit[] = [];
  for (const notice of notices) {
    for (const pattern of ORIGIN_FOOTERS) {
      const raw = pattern.exec(notice)?.groups?.name;
      const name = raw ? trimName(raw) : undefined;
      if (name && name.length > 1) {
        const org = credits.lookup(name);
        found.push({ name, ...(org ? { org } : {}), kind: 'origin' });
      }
    }
    for (const pattern of CONTRIBUTOR_FOOTERS) {
      const raw = pattern.exec(notice)?.groups?.name;
      if (!raw) continue;
      for (const part of knownParts(raw, credits)) found.push({ ...part, kind: 'contributor' });
      const name = trimName(raw);
      if (isSiteName(name)) found.push({ name, kind: 'contributor' });
    }
  }
  return found;
}

/** "… the minister said. — AFP" or a last line "(AFP)": a wire credit at the very end. */
export function originFromEnd(lastParagraph: string | undefined, credits: CreditFinder): OriginCredit[] {
  if (!lastParagraph) return [];
  // A closing credit is in the paragraph's last words; a huge paragraph is read only there.
  const trimmed = lastParagraph.slice(-TAIL).trim();
  const raw =
    TRAILING_CREDIT.exec(trimmed)?.groups?.name ??
    BARE_CREDIT.exec(trimmed)?.groups?.name ??
    CLOSING_PAREN.exec(trimmed)?.groups?.name;
  return raw ? knownParts(raw, credits).map((part) => ({ ...part, kind: 'origin' as const })) : [];
}

/** "Jane Doe, Associated Press" or an author field "Reuters": the organisation the byline names. */
export function originsFromByline(
  byline: string | undefined,
  authors: readonly string[],
  credits: CreditFinder,
): OriginCredit[] {
  const parts = [...(byline ? byline.split(/\s*[,|]\s*|\s+(?:of|for)\s+(?:the\s+)?/u) : []), ...authors];
  const found: OriginCredit[] = [];
  for (const part of parts) {
    const name = trimName(part.replace(/^By\s+/u, ''));
    const org = credits.lookup(name);
    if (org) found.push({ name, org, kind: 'origin' });
  }
  return found;
}
