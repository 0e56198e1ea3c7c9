import type { NewsOrganisation } from './gazetteer.ts';
import {
  CALENDAR_WORDS,
  NEWS_WORDS,
  OTHER_BODY_WORDS,
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
const SITE =
  /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|net|org|news|info|media|co\.uk|io|in|ng|ke|za|au|ca|de|fr|es|it|br|mx|ar|cl|pe|co|ru|ua|jp|kr|cn|tw|ph|id|my|sg|pk|bd|lk|np|eu|earth)$/u;
const CALL_SIGN = /^[KW][A-Z]{3}(?:-(?:TV|FM|AM|DT))?$/u;
const ALIAS = /\s*\(([^()]*)\)$/u;

export function isNewsName(
  span: NameSpan,
  strength: 'strong' | 'medium' | 'described',
  org: NewsOrganisation | undefined,
): boolean {
  if (span.modifies) return false;
  // "State news agency X said": saying counts only for a name a news descriptor introduces.
  if (strength === 'described') return span.newsDescriptor && !span.personNoun;
  if (org) return !span.personNoun;
  const bare = span.name.replace(ALIAS, '');
  const words = bare.split(/\s+/u).filter((w) => w.length > 0);
  const content = words.filter((w) => w !== 'The');
  if (content.length === 0) return false;
  if (span.personNoun || looksLikePerson(content, span)) return false;
  if (isOtherBody(content)) return false;
  if (content.length === 1 && (PLACES.has(content[0] ?? '') || STOP_WORDS.has(content[0] ?? '')))
    return false;
  if (content.every((w) => PLACES.has(w) || STOP_WORDS.has(w) || CALENDAR_WORDS.has(w))) return false;
  if (span.newsDescriptor || hasNewsWord(content) || SITE.test(bare) || CALL_SIGN.test(bare)) return true;
  return strength === 'strong';
}

function wordParts(word: string): string[] {
  return word.split(/[-.]/u).filter((p) => p.length > 0);
}

function hasNewsWord(words: readonly string[]): boolean {
  return words.some((w) => NEWS_WORDS.has(w) || wordParts(w).some((p) => NEWS_WORDS.has(p)));
}

function isOtherBody(words: readonly string[]): boolean {
  const strongNews = words.some((w) => STRONG_NEWS_WORDS.has(w));
  return words.some((w) => OTHER_BODY_WORDS.has(w) && !(strongNews && SOFT_OTHER_WORDS.has(w)));
}

function looksLikePerson(words: readonly string[], span: NameSpan): boolean {
  if (TITLES.has(words[0] ?? '')) return true;
  // "J. Smith", "Anna K. Petrova": initials are a person's.
  if (words.some((w) => /^\p{Lu}\.$/u.test(w))) return true;
  // People take no article: "the Charlotte Observer" is a paper even though Charlotte is a given name.
  if (span.withArticle) return false;
  return GIVEN_NAMES.has(words[0] ?? '') && words.length >= 2 && words.length <= 4;
}
