import type { NewsOrganisation } from './gazetteer.ts';
import {
  CALENDAR_WORDS,
  CONNECTORS,
  NEWS_WORDS,
  OTHER_BODY_WORDS,
  PERSON_NOUNS,
  SOFT_OTHER_WORDS,
  STOP_WORDS,
  STRONG_NEWS_WORDS,
  TITLES,
} from './lexicon.ts';
import type { NameSpan } from './name-span.ts';
import { GIVEN_NAMES, PLACES } from './people-places.ts';

/**
 * Whether a name a credit frame points at is a news organisation. Evidence for:
 * the gazetteer, a news descriptor ("the German weekly X"), a news word inside
 * the name ("Kathmandu Post", "Rádio Xingu"), a site name, a broadcaster's call
 * sign ("WBEZ"). Evidence against, which wins unless the gazetteer knows the
 * name: a person (a title, a person noun before it, a given name first), a
 * public body, company or other organisation (its head word), a bare place. A
 * strong frame ("X reported", "first reported by X") needs no evidence for; a
 * medium one ("according to X", "told X") does, because officials, ministries
 * and people are credited that way far more often than newspapers.
 */
// A site name: any country code (two letters: "Kun.uz", "24.kg") or a common generic domain.
const SITE =
  /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:[a-z]{2}|com|net|org|news|info|media|online|press|earth|co\.[a-z]{2}|com\.[a-z]{2})$/u;
const CALL_SIGN = /^[KW][A-Z]{3}(?:-(?:TV|FM|AM|DT))?$/u;
// A channel's or a site's number fused to its name: "News24", "Kurdistan24", "Página/12" (not a year: "Expo2020").
const BRAND_NUMBER = /^\p{L}{3,}(?:\/)?\p{N}{1,3}$/u;
const ALIAS = /\s*\(([^()]*)\)$/u;
const BROADCAST_WORDS = new Set([
  'Broadcasting',
  'Broadcaster',
  'Radio',
  'Rádio',
  'TV',
  'Television',
  'Televisión',
]);
// A station's acronym ending in TV: "ITV", "bTV", "NTV", "RTV".
const TV_ACRONYM = /^\p{L}{1,3}TV$/u;

export function isNewsName(
  span: NameSpan,
  strength: 'strong' | 'medium' | 'described',
  org: NewsOrganisation | undefined,
): boolean {
  if (span.modifies) return false;
  const bare = span.name.replace(ALIAS, '');
  const words = bare.split(/\s+/u).filter((w) => w.length > 0);
  const content = words.filter((w) => w !== 'The');
  // "State news agency X said": saying counts for a name a news descriptor introduces, or one whose own
  // head word is a paper's or a station's ("The Cape Cod Times said", "Radio Free FM said"), or a site's.
  if (strength === 'described') {
    if ((span.newsDescriptor || namesAgency(span.name) || org) && !span.personNoun)
      return !(org && ALIAS.test(span.name) && isOtherBody(content, false));
    // A broadcaster is named by its medium, anywhere in its name: "Zambia National Broadcasting Corporation
    // (ZNBC) said", "Radio Free Asia said". ("Press" and "News" are not enough: "the Press Association said"
    // is as often a journalists' union, "News Corp said" a company.)
    const newsHead =
      NEWS_WORDS.has(headWord(content)) || content.some((w) => BROADCAST_WORDS.has(w) || TV_ACRONYM.test(w));
    if (!(newsHead || SITE.test(bare) || CALL_SIGN.test(bare) || BRAND_NUMBER.test(bare))) return false;
    // People say things far more often than papers do, and some are called Post or Sentinel: "Organiser
    // Maria Post said", "City Attorney Daniel Sentinel said".
    if (content.some((w) => GIVEN_NAMES.has(w) || TITLES.has(w) || PERSON_NOUNS.has(w.toLowerCase())))
      return false;
  }
  // "The National Audiovisual Council (CNA)": a listed alias in brackets does not make a council an outlet.
  if (org) return !span.personNoun && !(ALIAS.test(span.name) && isOtherBody(content, false));
  if (span.describesUnnamed) return false;
  if (content.length === 0) return false;
  if (span.personNoun || looksLikePerson(content, span)) return false;
  // A strong frame says the name reported: only its head word can make it another kind of body ("Studio
  // Kalangou reported" is a radio; "Bank of Ghana reported" a bank), unless the head is a place: "Press
  // Council Nepal", "Police Scotland" are bodies named after where they are.
  if (isOtherBody(content, span.newsDescriptor || (strength === 'strong' && !PLACES.has(headWord(content)))))
    return false;
  if (content.length === 1 && (PLACES.has(content[0] ?? '') || STOP_WORDS.has(content[0] ?? '')))
    return false;
  if (
    !hasNewsWord(content) &&
    content.every((w) => PLACES.has(w) || STOP_WORDS.has(w) || CALENDAR_WORDS.has(w))
  )
    return false;
  if (
    span.newsDescriptor ||
    hasNewsWord(content) ||
    SITE.test(bare) ||
    CALL_SIGN.test(bare) ||
    BRAND_NUMBER.test(bare)
  )
    return true;
  return strength === 'strong';
}

/** A name that says it is a news agency: "Middle East News Agency (MENA)", "Press Trust of India". */
const AGENCY_NAME =
  /\b(?:News|Press|Wire)\s+(?:Agency|Service|Trust)\b|\bAgence\s+\p{Lu}|\bAgencia\s+\p{Lu}/u;
function namesAgency(name: string): boolean {
  return AGENCY_NAME.test(name);
}

const capitalised = (w: string) => (w[0]?.toUpperCase() ?? '') + w.slice(1);

function wordParts(word: string): string[] {
  return word.split(/[-.]/u).filter((p) => p.length > 0);
}

// After a place or another name word, these end a news brand: "Mississippi Today", "Nepal Now", "Aigaio Live".
const BRAND_ENDINGS = new Set(['Today', 'Now', 'Tonight', 'Live', 'English']);

function hasNewsWord(words: readonly string[]): boolean {
  const last = words[words.length - 1] ?? '';
  if (words.length >= 2 && BRAND_ENDINGS.has(last)) return true;
  return words.some(
    (w) =>
      NEWS_WORDS.has(w) ||
      NEWS_WORDS.has(capitalised(w)) ||
      TV_ACRONYM.test(w) ||
      wordParts(w).some((p) => NEWS_WORDS.has(p)),
  );
}

/**
 * Whether a name reads as a body other than a news organisation. Its head word settles it ("Press Council"
 * is a council, "Calumet Region Ledger" a paper, "Bank of England" a bank): an other-body head vetoes unless
 * a strong news word outweighs a soft one ("Australian Broadcasting Corporation"). An other-body word
 * elsewhere in the name vetoes only when nothing marks it as news: no news word and no news descriptor
 * ("Sahara Energy Brief, an Algiers newsletter").
 */
function isOtherBody(words: readonly string[], described: boolean): boolean {
  const strongNews = words.some((w) => STRONG_NEWS_WORDS.has(w));
  const other = (w: string) => OTHER_BODY_WORDS.has(w) && !(strongNews && SOFT_OTHER_WORDS.has(w));
  const head = headWord(words);
  if (other(head)) return true;
  if (described || hasNewsWord(words)) return false;
  return words.some(other);
}

/** The last word before the first connector: "Times" in "Times of Northwest Indiana". */
function headWord(words: readonly string[]): string {
  const connector = words.findIndex((w) => CONNECTORS.has(w));
  const core = connector > 0 ? words.slice(0, connector) : words;
  return core[core.length - 1] ?? '';
}

function looksLikePerson(words: readonly string[], span: NameSpan): boolean {
  if (TITLES.has(words[0] ?? '')) return true;
  // "J. Smith", "Anna K. Petrova": initials are a person's.
  if (words.some((w) => /^\p{Lu}\.$/u.test(w))) return true;
  // People take no article: "the Charlotte Observer" is a paper even though Charlotte is a given name.
  if (span.withArticle) return false;
  return GIVEN_NAMES.has(words[0] ?? '') && words.length >= 2 && words.length <= 4;
}

/**
 * A partner a partnership or origin line names ("X partnered with Y for this story", "produced by … of Y"):
 * the line itself says Y made the story, so a newsroom named like another body ("City Bureau", "… Watch")
 * counts; a person or a bare place does not.
 */
export function isPartnerName(name: string): boolean {
  const content = name
    .replace(ALIAS, '')
    .split(/\s+/u)
    .filter((w) => w.length > 0 && w !== 'The' && w !== 'the');
  if (content.length === 0 || TITLES.has(content[0] ?? '')) return false;
  if (
    !hasNewsWord(content) &&
    content.every((w) => PLACES.has(w) || STOP_WORDS.has(w) || CALENDAR_WORDS.has(w))
  )
    return false;
  return !(GIVEN_NAMES.has(content[0] ?? '') && content.length >= 2 && content.length <= 3);
}
