import type { CreditFinder } from './credits.ts';
import type { NameSpan } from './name-span.ts';
import { isNewsName, isPartnerName } from './newsiness.ts';
import type { OriginCredit } from './origins.ts';

/**
 * Wire and origin credits in the forms real copy writes them (issue 23), read
 * from the item's first and last paragraphs only:
 * - datelines normalize did not lift: no space after the dash ("TOKYO (Reuters) -Nissan"), a double hyphen
 *   ("Tokyo, April 22 (Jiji Press)--The"), no brackets ("TOKYO, Oct. 6 Kyodo -"), or not in the first
 *   paragraph (after a standfirst or a "Video above" line);
 * - sign-offs: a lone "(NAN)", editor initials with sources "mz/ipj (dpa, SZ)";
 * - partnership and origin lines: "X partnered with Y for this story", "This story was produced by … of Y",
 *   "a partner post from Y", "Y contributed reporting".
 */
export const HEAD_PARAGRAPHS = 3;
export const TAIL_PARAGRAPHS = 4;
const MAX_LINE = 400;

const UPPER_WORD = String.raw`\p{Lu}[\p{Lu}'’.-]+`;
const TITLE_WORD = String.raw`\p{Lu}[\p{L}'’.-]*`;
const PLACE = `${UPPER_WORD}(?: ${UPPER_WORD}){0,3}(?:, ${TITLE_WORD}(?: ${TITLE_WORD}){0,2})?`;
// "Oct. 6", "Dec 3, 2025", "14 NOVEMBER 2025", "20 November".
const DATE = String.raw`(?:\p{Lu}\p{L}{2,8}\.? \d{1,2}(?:, \d{4})?|\d{1,2} \p{Lu}\p{L}{2,8}\.?(?: \d{4})?)`;
const DASH = '(?:[—–]|-{1,3})';
// "PLACE[, date] (Credit)-" with any spacing around the dash; or "PLACE, date Credit" with no brackets.
const DATELINE_BRACKETED = new RegExp(
  String.raw`^(?:${PLACE}|\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?)(?:,? ${DATE})?\s*\((?<credit>[^()\n]{2,60})\)\s*${DASH}`,
  'u',
);
// "YEREVAN, November 20. /ARKA/.": the agency between slashes, as Interfax and its peers write it.
const DATELINE_SLASHED = new RegExp(
  String.raw`^${PLACE},? ${DATE}\.?\s*\/(?<credit>\p{Lu}[^/\n]{1,40})\/\.?(?:\s|$)`,
  'u',
);
const DATELINE_BARE = new RegExp(
  String.raw`^${PLACE},? ${DATE},?\s+(?<credit>\p{Lu}[\p{L}.&]+(?: \p{Lu}[\p{L}.&]+){0,2})(?:\s*${DASH}|\s*:|(?=\s+\p{Lu}))`,
  'u',
);
const SIGN_OFF_ACRONYM =
  /^\((?<credit>\p{Lu}[\p{Lu}\p{N}&.-]{1,9}(?:\s*[,/]\s*\p{Lu}[\p{Lu}\p{N}&.-]{1,9}){0,3})\)\.?$/u;
const SIGN_OFF_INITIALS = /^\p{Ll}{1,4}(?:\/\p{Ll}{1,4})+\s*\((?<credit>[^()\n]{2,60})\)\.?$/u;
const NAME = String.raw`(?<name>(?:[Tt]he\s+)?[\p{Lu}\p{N}][\p{L}\p{N}&'’.-]*(?:\s+(?:of\s+|de\s+|the\s+|and\s+)?[\p{Lu}\p{N}][\p{L}\p{N}&'’.-]*){0,6})`;
const ORIGIN_LINES = [
  new RegExp(String.raw`\bpartnered\s+with\s+${NAME}\s+(?:for|on|to\s+produce)\s+this\b`, 'u'),
  new RegExp(
    String.raw`\b(?:story|article|report|investigation|piece)\s+(?:was\s+)?(?:produced|reported|written|published|co-published)\s+(?:by|with)\s+[^.\n]{0,120}?\s(?:of|at|from)\s+${NAME}`,
    'u',
  ),
  new RegExp(
    String.raw`\b(?:story|article|report|investigation|piece)\s+(?:was\s+)?(?:produced|reported|written|published|co-published)\s+(?:by|with|in\s+partnership\s+with)\s+${NAME}\s*,\s+an?\s`,
    'u',
  ),
  new RegExp(String.raw`\bpartner\s+(?:post|story|article|content)\s+from\s+${NAME}`, 'u'),
  new RegExp(String.raw`\b(?:first|originally)\s+(?:appeared|published|ran)\s+(?:in|on|at)\s+${NAME}`, 'u'),
];
// A quick test for each of ORIGIN_LINES, of a word it cannot match without (no \b, no u flag): most lines
// hold none of them, and those regexes are slow to find nothing.
const ORIGIN_NEEDS = [/partnered/, / by /, / by /, /partner /, /(?:first|originally) /];
const CONTRIBUTED = new RegExp(
  String.raw`^${NAME}\s+contributed\s+(?:reporting|to\s+this\s+(?:report|story|article))`,
  'u',
);
// What every line below needs one of, tested once per line before any of their regexes: plain substring
// searches, which V8 runs far faster than one unanchored regex of them all.
const MAY_CREDIT_WORDS = ['partner', ' by ', 'first ', 'originally ', 'contributed'];
const INITIALS_START = /^[a-z]{1,4}\//;
const mayCredit = (line: string) =>
  line.startsWith('(') || INITIALS_START.test(line) || MAY_CREDIT_WORDS.some((w) => line.includes(w));
const CALENDAR = /\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b.*$/u;

const spanOf = (name: string): NameSpan => ({
  name,
  start: 0,
  end: name.length,
  newsDescriptor: false,
  personNoun: false,
  withArticle: /^the\s/iu.test(name),
});

// "Lena Ortiz of Prairie Desk": a person's name and the newsroom they write for.
const PERSON_OF = /^\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,2}\s+of\s+(?=\p{Lu}|the\s)/u;

function clean(raw: string): string {
  return raw
    .replace(PERSON_OF, '')
    .replace(CALENDAR, '')
    .replace(/\s+(?:and|for|on|in|with|under)$/u, '')
    .replace(/[.,;:'’]+$/u, '')
    .trim();
}

/** A dateline's credit that normalize left in the body, from the first paragraphs. */
export function datelineCreditInBody(
  paragraphs: readonly string[],
  credits: CreditFinder,
): string | undefined {
  for (const paragraph of paragraphs.slice(0, HEAD_PARAGRAPHS)) {
    const head = paragraph.trimStart().slice(0, 160);
    const bracketed = (DATELINE_BRACKETED.exec(head) ?? DATELINE_SLASHED.exec(head))?.groups?.credit;
    if (bracketed) return bracketed.trim();
    const bare = DATELINE_BARE.exec(head)?.groups?.credit;
    // Without brackets only a known organisation, or a credit set off by a dash, is taken.
    if (bare && (credits.lookup(bare) || new RegExp(`^[^]*?${escapeRegExp(bare)}\\s*[—–-]`, 'u').test(head)))
      return bare;
  }
  return undefined;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Sign-offs and partnership lines in the first and last paragraphs and the footers. */
export function furnitureCredits(
  paragraphs: readonly string[],
  notices: readonly string[],
  credits: CreditFinder,
): { origins: OriginCredit[]; credited: string[] } {
  const origins: OriginCredit[] = [];
  const credited: string[] = [];
  const tail = paragraphs.length > 1 ? paragraphs.slice(-TAIL_PARAGRAPHS) : [];
  const lines = [...paragraphs.slice(0, HEAD_PARAGRAPHS), ...tail, ...notices]
    .map((p) => p.trim())
    .filter((p) => p.length > 0 && p.length <= MAX_LINE);
  for (const line of lines) {
    if (!mayCredit(line)) continue;
    const acronyms = line.startsWith('(') ? SIGN_OFF_ACRONYM.exec(line)?.groups?.credit : undefined;
    if (acronyms && paragraphs.length > 1)
      for (const part of splitParts(acronyms)) origins.push({ name: part, kind: 'origin' });
    const initials = SIGN_OFF_INITIALS.exec(line)?.groups?.credit;
    if (initials) {
      // "mz/ipj (dpa, SZ)": the wire is the origin, the other sources are credited.
      for (const part of splitParts(initials)) {
        if (credits.lookup(part)?.wire) origins.push({ name: part, kind: 'origin' });
        else credited.push(part);
      }
    }
    for (const [k, pattern] of ORIGIN_LINES.entries()) {
      if (!ORIGIN_NEEDS[k]?.test(line)) continue;
      const raw = pattern.exec(line)?.groups?.name;
      const name = raw ? clean(raw) : '';
      if (name.length > 1 && (credits.lookup(name) || isPartnerName(name)))
        origins.push({ name, kind: 'origin' });
    }
    const contributor = line.includes('contributed') ? CONTRIBUTED.exec(line)?.groups?.name : undefined;
    const name = contributor ? clean(contributor) : '';
    if (name.length > 1 && (credits.lookup(name) || isNewsName(spanOf(name), 'strong', undefined)))
      origins.push({ name, kind: 'contributor' });
  }
  return { origins, credited };
}

function splitParts(raw: string): string[] {
  return raw
    .split(/\s*(?:\/|,|&|\band\b)\s*/u)
    .map((p) => p.trim())
    .filter((p) => p.length > 1);
}
