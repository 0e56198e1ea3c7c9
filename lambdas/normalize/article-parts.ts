import type { Dateline } from '../shared/envelope.ts';
import { cleanInline } from '../shared/text.ts';

/**
 * Recognises the furniture of a news article in its plain-text paragraphs:
 * a byline paragraph, a dateline at the start of the lead paragraph, and
 * footers (copyright, "originally appeared on", "Republished from") at the end.
 * None of them belongs in the body; all of them are kept for tagging. The
 * result says what to cut, by paragraph index, so a body in any markup can
 * apply the same cuts.
 */
export interface ArticleParts {
  readonly dateline?: Dateline;
  readonly byline?: string;
  readonly notices: string[];
  /** Paragraphs that are furniture as a whole (byline, footers). */
  readonly drop: number[];
  /** The lead paragraph whose first `length` characters are the dateline. */
  readonly cut?: { readonly index: number; readonly length: number };
}

// "MOSCOW (Reuters) -", "KYIV, Ukraine (AP) —", "(PatriotWise.com) —", "WASHINGTON —",
// "LONDON, March 3 (Reuters) -", "SPRINGFIELD, Ill., Jan. 5 (AP) --"
const UPPER_WORD = String.raw`[\p{Lu}][\p{Lu}'’.-]+`;
const TITLE_WORD = String.raw`[\p{Lu}][\p{L}'’.-]*`;
const DATELINE = new RegExp(
  `^(?<place>${UPPER_WORD}(?: ${UPPER_WORD})*(?:, ${TITLE_WORD}(?: ${TITLE_WORD})*)?)?` +
    String.raw`(?:,? (?<date>\p{Lu}\p{Ll}{2,8}\.? \d{1,2}))?` +
    String.raw`\s*(?:\((?<credit>[^()\n]{2,60})\))?\s*(?:[—–]|-{1,2})(?:\s+|$)`,
  'u',
);
const MAX_DATELINE = 120;

// "By Jane Doe", "By Jane Doe and John Roe, Reuters", "By JANE DOE | The Associated Press"
const BYLINE =
  /^By:?\s+(?<names>\p{Lu}[\p{L}'’.-]*(?:(?:\s+|,\s*|\s+and\s+|\s*&\s*)\p{Lu}[\p{L}'’.-]*){0,8})(?:\s*[,|–—-]\s*(?<credit>[\p{L}. &]+))?$/u;
const MAX_BYLINE = 120;

const NOTICE = [
  /^(?:copyright|\(c\)|©)\s*/i,
  /^all rights reserved/i,
  /\b(?:originally|first) (?:appeared|published|ran) (?:on|in|at)\b/i,
  /\bappeared first on\b/i,
  /^(?:this (?:article|story|post) (?:was |is )?)?republished (?:from|with permission)/i,
  /^(?:reporting|additional reporting|editing|writing) by\b/i,
  /\bcontributed to this report\.?$/i,
];
const MAX_NOTICE = 400;

function isNotice(paragraph: string): boolean {
  return paragraph.length <= MAX_NOTICE && NOTICE.some((pattern) => pattern.test(paragraph));
}

function findDateline(lead: string): { dateline: Dateline; length: number } | undefined {
  const match = DATELINE.exec(lead.slice(0, MAX_DATELINE + 10));
  if (!match || match[0].length > MAX_DATELINE) return undefined;
  // Places and credits are names: cleaned as strictly as titles (paragraphs keep joiners and marks).
  const place = match.groups?.place ? cleanInline(match.groups.place) : undefined;
  const credit = match.groups?.credit ? cleanInline(match.groups.credit) : undefined;
  // A dash after a two-letter word ("US — the agency said") is too weak a sign on its own:
  // without a credit, the place must have at least three letters.
  if (!credit && !(place && place.replace(/[^\p{L}]/gu, '').length >= 3)) return undefined;
  const raw = cleanInline(match[0]);
  return {
    dateline: { raw, ...(place ? { place } : {}), ...(credit ? { credit } : {}) },
    length: match[0].length,
  };
}

export function extractArticleParts(paragraphs: readonly string[]): ArticleParts {
  const drop: number[] = [];
  let start = 0;
  let byline: string | undefined;
  const first = paragraphs[0];
  if (first && first.length <= MAX_BYLINE && BYLINE.test(first)) {
    byline = cleanInline(first.replace(/^By:?\s+/, ''));
    drop.push(0);
    start = 1;
  }

  let dateline: Dateline | undefined;
  let cut: ArticleParts['cut'];
  const lead = paragraphs[start];
  const found = lead ? findDateline(lead) : undefined;
  if (found) {
    dateline = found.dateline;
    // A dateline set as its own paragraph (<p><b>MOSCOW (Reuters) -</b></p>) goes whole; the lead follows it.
    if (found.length >= (lead?.length ?? 0)) {
      drop.push(start);
      start++;
    } else cut = { index: start, length: found.length };
  }

  const notices: string[] = [];
  // Footers only ever follow the body: the lead paragraph always stays.
  for (let index = paragraphs.length - 1; index > start; index--) {
    const paragraph = paragraphs[index];
    if (paragraph === undefined || !isNotice(paragraph)) break;
    notices.unshift(paragraph);
    drop.push(index);
  }
  return {
    notices,
    drop,
    ...(cut ? { cut } : {}),
    ...(dateline ? { dateline } : {}),
    ...(byline ? { byline } : {}),
  };
}
