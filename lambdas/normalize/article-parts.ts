import type { Dateline } from '../shared/envelope.ts';

/**
 * Recognises the furniture of a news article in its plain-text paragraphs:
 * a dateline at the start of the first paragraph, a byline paragraph, and
 * footers (copyright, "originally appeared on", "Republished from") at the end.
 * None of them belongs in the body; all of them are kept for tagging.
 */
export interface ArticleParts {
  readonly paragraphs: string[];
  readonly dateline?: Dateline;
  readonly byline?: string;
  readonly notices: string[];
}

// "MOSCOW (Reuters) -", "KYIV, Ukraine (AP) —", "(PatriotWise.com) —", "WASHINGTON —", "LONDON, March 3 (Reuters) -"
const DATELINE =
  /^(?<place>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'.-]+(?: [A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'.-]+)*(?:, [A-Z][\p{L}'.-]+(?: [A-Z][\p{L}'.-]+)*)?(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?)?\s*(?:\((?<credit>[^()\n]{2,60})\))?\s*[—–-]{1,2}\s+/u;

const BYLINE =
  /^By\s+(?<names>[\p{Lu}][\p{L}'’.-]*(?:[ ,]+(?:and\s+)?[\p{Lu}][\p{L}'’.-]*){0,8})(?:,\s*(?<credit>[\p{L}. &]+))?$/u;
const MAX_BYLINE = 120;

const NOTICE = [
  /^(?:copyright|\(c\)|©)\s/i,
  /^all rights reserved/i,
  /\b(?:originally|first) (?:appeared|published) (?:on|in|at)\b/i,
  /^(?:this (?:article|story) (?:was )?)?republished (?:from|with permission)/i,
  /^(?:reporting|additional reporting|editing) by\b/i,
  /\bcontributed to this report\.?$/i,
];
const MAX_NOTICE = 400;

function isNotice(paragraph: string): boolean {
  return paragraph.length <= MAX_NOTICE && NOTICE.some((pattern) => pattern.test(paragraph));
}

export function extractArticleParts(input: readonly string[]): ArticleParts {
  const paragraphs = [...input];
  let byline: string | undefined;
  const first = paragraphs[0];
  if (first && first.length <= MAX_BYLINE) {
    const match = BYLINE.exec(first);
    if (match?.groups?.names) {
      byline = first.replace(/^By\s+/, '');
      paragraphs.shift();
    }
  }

  let dateline: Dateline | undefined;
  const lead = paragraphs[0];
  if (lead) {
    const match = DATELINE.exec(lead);
    const place = match?.groups?.place?.trim();
    const credit = match?.groups?.credit?.trim();
    // A bare dash after ordinary words is not a dateline: require an all-caps place or a credit.
    if (match && (credit || (place && place.length >= 3)) && match[0].length < lead.length) {
      dateline = { raw: match[0].trim(), ...(place ? { place } : {}), ...(credit ? { credit } : {}) };
      paragraphs[0] = lead.slice(match[0].length);
    }
  }

  const notices: string[] = [];
  while (paragraphs.length > 1) {
    const last = paragraphs[paragraphs.length - 1];
    if (last === undefined || !isNotice(last)) break;
    notices.unshift(last);
    paragraphs.pop();
  }
  return { paragraphs, notices, ...(dateline ? { dateline } : {}), ...(byline ? { byline } : {}) };
}
