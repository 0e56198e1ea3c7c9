import {
  CALENDAR_WORDS,
  CONNECTORS,
  MODIFIER_NOUNS,
  NEWS_DESCRIPTORS,
  NEWS_WORDS,
  PERSON_NOUNS,
  QUALIFIED_DESCRIPTORS,
  STOP_WORDS,
} from './lexicon.ts';

/**
 * Reads an organisation's name out of the words next to a credit frame:
 * forward after "according to" / "told" ("the German weekly Der Spiegel",
 * "Deutsche Welle (DW)", "Folha de S.Paulo"), backward before "reported"
 * ("The Kathmandu Post", "Radio Xingu Livre (RXL)"). Works on a bounded window
 * of tokens, so each frame costs a constant amount of work.
 */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly word: boolean;
}

export interface NameSpan {
  /** As written, alias in brackets kept, lowercase "the" dropped. */
  readonly name: string;
  readonly start: number;
  readonly end: number;
  /** A news noun before or after it: "the German weekly X", "X, the daily,", "the Nikkei business daily". */
  readonly newsDescriptor: boolean;
  /** A person noun right before it: "spokesman X", "lawyer X". */
  readonly personNoun: boolean;
  /** Written after an article: "the X", "The X" (people do not take one). */
  readonly withArticle: boolean;
  /** What follows the name when it only modifies a noun: "X staff", "X's owner". */
  readonly modifies?: string;
  /** An unknown word that only says which paper: "the Munich daily". */
  readonly describesUnnamed?: boolean;
}

export const WINDOW = 200;
const MAX_NAME_WORDS = 8;
const MAX_LIST = 4;
const TOKEN =
  /[\p{L}\p{N}]+(?:(?:['’](?![sS](?![\p{L}\p{N}]))|[.&-]|\/(?=\p{N}))[\p{L}\p{N}]+)*|['’][sS](?![\p{L}\p{N}])|\n|[^\s\p{L}\p{N}]/gu;

export function tokenize(text: string, offset: number): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = offset + (match.index ?? 0);
    const value = match[0];
    tokens.push({ text: value, start, end: start + value.length, word: /^[\p{L}\p{N}]/u.test(value) });
  }
  return tokens;
}

const UPPER_START = /^[\p{Lu}]/u;
// "20Minutes" is a name; "1980s" and "21st" are a decade and an ordinal.
const DIGIT_WITH_LETTER = /^\p{N}+(?!s$|st$|nd$|rd$|th$)\p{L}/u;
const INNER_UPPER = /^\p{Ll}+\p{Lu}/u;

/** A word that can be part of a name: capitalised, "iStories", "20Minutes", "Página/12". */
export function isNameWord(token: Token | undefined): boolean {
  if (!token?.word) return false;
  const t = token.text;
  return UPPER_START.test(t) || DIGIT_WITH_LETTER.test(t) || INNER_UPPER.test(t);
}

/**
 * Titles in languages that write a paper's noun in lower case after its adjective: "Hospodářské noviny",
 * "Lidové noviny" ("list", as in "Večernji list", is also an English word: left out).
 */
const LOWERCASE_TITLE_NOUNS = new Set([
  'noviny',
  'novine',
  'listy',
  'gazeta',
  'vjesnik',
  'dnevnik',
  'dziennik',
  'noticias',
  'notícias',
]);

const CHANNEL_NUMBER = /^\p{N}{1,3}$/u;
/** A channel's number after a news word belongs to the name: "TV 2 Østjylland", "Channel 4", "Radio 1". */
function channelNumber(tokens: readonly Token[], at: number): boolean {
  const before = tokens[at - 1];
  return (
    CHANNEL_NUMBER.test(tokens[at]?.text ?? '') && isNameWord(before) && NEWS_WORDS.has(before?.text ?? '')
  );
}

/** A lower-case title noun right after a name word belongs to the name. */
function titleNoun(tokens: readonly Token[], at: number): boolean {
  return LOWERCASE_TITLE_NOUNS.has(tokens[at]?.text ?? '') && isNameWord(tokens[at - 1]);
}

const isLower = (token: Token | undefined) => token?.word === true && /^\p{Ll}/u.test(token.text);
const ARTICLES = new Set(['the', 'a', 'an']);

/** Whether tokens[at] heads a news descriptor ("daily", "news agency", "trade journal"). */
export function isDescriptorHead(tokens: readonly Token[], at: number): boolean {
  const word = tokens[at]?.text;
  if (!word || !tokens[at]?.word) return false;
  const lower = word === 'TV' ? word : word.toLowerCase();
  if (!isLower(tokens[at]) && word !== 'TV') return false;
  if (NEWS_DESCRIPTORS.has(lower)) return true;
  const qualifiers = QUALIFIED_DESCRIPTORS.get(lower);
  const before = tokens[at - 1];
  if (qualifiers === undefined || before === undefined) return false;
  // "the Swedish agency TT", "the Spanish agency EFE": a nationality before "agency" makes it a news agency.
  return qualifiers.has(before.text.toLowerCase()) || (lower === 'agency' && DEMONYM.test(before.text));
}

// Nationality adjectives by their endings ("Swedish", "Chinese", "Italian", "Pakistani") and the few that
// have none of them.
const DEMONYM = /^(?:\p{Lu}\p{Ll}+(?:ish|ese|ian|ean|an|i|ic)|French|Dutch|Greek|Thai|Swiss|Czech|Welsh)$/u;

/** Collects a name forward from tokens[at]: name words joined by connectors, then an alias in brackets. */
function collectForward(tokens: readonly Token[], at: number): number {
  let end = at;
  let words = 0;
  while (end < tokens.length && words < MAX_NAME_WORDS) {
    const token = tokens[end];
    if (isNameWord(token) || titleNoun(tokens, end) || (words > 0 && channelNumber(tokens, end))) {
      end++;
      words++;
      continue;
    }
    // A connector or "&" joins only when a name word follows it.
    if (
      (CONNECTORS.has(token?.text ?? '') || token?.text === '&' || joinsNewsWord(tokens, end, end + 1)) &&
      isNameWord(tokens[end + 1]) &&
      words > 0
    ) {
      end++;
      continue;
    }
    break;
  }
  return end;
}

/**
 * "and" inside a paper's name: "The Post and Courier", "Star and Tribune". It joins when the one word on
 * its far side is a news word that stands alone ("Courier" names no paper by itself), so a list of two
 * names ("Reuters and Bloomberg", "The Post and The Times") still splits.
 */
function joinsNewsWord(tokens: readonly Token[], and: number, far: number): boolean {
  if (tokens[and]?.text !== 'and') return false;
  const word = tokens[far];
  const beyond = tokens[far + (far > and ? 1 : -1)];
  return isNameWord(word) && NEWS_WORDS.has(word?.text ?? '') && !isNameWord(beyond) && beyond?.text !== '&';
}

/** An alias in brackets at tokens[at]: "(DW)", "(RQV)"; the index after it, or `at`. */
function aliasAfter(tokens: readonly Token[], at: number): number {
  if (tokens[at]?.text !== '(') return at;
  let end = at + 1;
  while (
    end < tokens.length &&
    end - at <= 5 &&
    (isNameWord(tokens[end]) || CONNECTORS.has(tokens[end]?.text ?? ''))
  )
    end++;
  return end > at + 1 && tokens[end]?.text === ')' && isNameWord(tokens[at + 1]) ? end + 1 : at;
}

function spanText(text: string, tokens: readonly Token[], from: number, to: number, base: number): string {
  const first = tokens[from];
  const last = tokens[to - 1];
  return first && last ? text.slice(first.start - base, last.end - base) : '';
}

/** Trims stop words and leading calendar words off a collected span [from, to). */
function trimSpan(tokens: readonly Token[], from: number, to: number): [number, number, boolean] {
  let start = from;
  let stopped = false;
  let withThe = false;
  // "Local Transport Today", "Local Government Chronicle": "Local" before a name word is the name's own.
  while (
    start < to &&
    STOP_WORDS.has(tokens[start]?.text ?? '') &&
    !(tokens[start]?.text === 'Local' && start + 1 < to && isNameWord(tokens[start + 1]))
  ) {
    withThe = tokens[start]?.text === 'The';
    stopped = true;
    start++;
    // After "The" a capitalised word is the name's own: "The Four Corners Signal", "The Local".
    if (withThe && isNameWord(tokens[start]) && !CALENDAR_WORDS.has(tokens[start]?.text ?? '')) break;
  }
  // "On Monday Reuters reported": a day after a stop word is a date; "Sunday Times reported" is a name.
  while (stopped && start < to - 1 && CALENDAR_WORDS.has(tokens[start]?.text ?? '')) {
    start++;
    withThe = false;
  }
  let end = to;
  while (end > start && CALENDAR_WORDS.has(tokens[end - 1]?.text ?? '') && end - start > 1) end--;
  while (end > start && CONNECTORS.has(tokens[end - 1]?.text ?? '')) end--;
  // A kept "The" belongs to the name ("The Hindu"); other stop words do not.
  if (withThe && start > from && tokens[start - 1]?.text === 'The' && start < end)
    return [start - 1, end, true];
  return [start, end, false];
}

function descriptorBefore(tokens: readonly Token[], start: number): { news: boolean; person: boolean } {
  const before = tokens[start - 1];
  if (before && isLower(before) && PERSON_NOUNS.has(before.text)) return { news: false, person: true };
  for (let i = start - 1; i >= Math.max(0, start - 4); i--) {
    if (isDescriptorHead(tokens, i)) return { news: true, person: false };
    if (!tokens[i]?.word) break;
  }
  return { news: false, person: false };
}

function descriptorAfter(tokens: readonly Token[], end: number): boolean {
  for (let i = end; i < Math.min(tokens.length, end + 3); i++) {
    if (isDescriptorHead(tokens, i)) return true;
    if (!isLower(tokens[i])) break;
  }
  return appositiveDescriptor(tokens, end);
}

// What may follow an appositive's head noun: its end, or a phrase that places it ("a weekly in Virginia").
const HEAD_FOLLOWERS = new Set([
  ',',
  '.',
  ';',
  ':',
  ')',
  '\n',
  'in',
  'on',
  'from',
  'based',
  'that',
  'which',
  'of',
  'for',
  'covering',
]);
const APPOSITIVE_WORDS = 6;

/**
 * "X, a community newsletter,", "X, the Sonora newspaper": an appositive right after the name whose head
 * noun is a news descriptor. The descriptor must head the phrase ("a newspaper editor" is a person).
 */
function appositiveDescriptor(tokens: readonly Token[], end: number): boolean {
  if (tokens[end]?.text !== ',' || !ARTICLES.has(tokens[end + 1]?.text.toLowerCase() ?? '')) return false;
  for (let i = end + 2; i < Math.min(tokens.length, end + 2 + APPOSITIVE_WORDS); i++) {
    const token = tokens[i];
    if (!token) return false;
    if (isDescriptorHead(tokens, i) && HEAD_FOLLOWERS.has(tokens[i + 1]?.text ?? '.')) return true;
    // Possessives and hyphens inside the phrase: "the farmers' newspaper", "a Welsh-language monthly".
    if (!token.word && !/^['’]$|^['’][sS]$/u.test(token.text)) return false;
  }
  return false;
}

/**
 * "the Munich daily", "an Emirati daily": one unknown word between an article and a news descriptor says which
 * paper is meant without naming it. (A listed outlet written that way, "the Nikkei business daily", is still
 * taken: the gazetteer outweighs this.)
 */
function describesUnnamed(tokens: readonly Token[], start: number, end: number): boolean {
  if (end - start !== 1 || !ARTICLES.has(tokens[start - 1]?.text.toLowerCase() ?? '')) return false;
  if (NEWS_WORDS.has(tokens[start]?.text ?? '')) return false;
  for (let i = end; i < Math.min(tokens.length, end + 3); i++) {
    if (isDescriptorHead(tokens, i)) return true;
    if (!isLower(tokens[i])) return false;
  }
  return false;
}

function modifierAfter(
  tokens: readonly Token[],
  end: number,
  reportNouns: ReadonlySet<string>,
): string | undefined {
  const next = tokens[end];
  if (!next) return undefined;
  const noun = /^['’][sS]$/u.test(next.text) ? tokens[end + 1] : next;
  if (!isLower(noun) || !noun) return undefined;
  if (reportNouns.has(noun.text)) return undefined;
  // After a possessive any noun but a report noun is what is credited ("X's owner"); after the bare name
  // only a noun that makes a compound ("X staff", "X correspondent").
  return noun !== next || MODIFIER_NOUNS.has(noun.text) ? noun.text : undefined;
}

export const REPORT_NOUNS = new Set(
  'report reports reporting story stories article articles investigation investigations analysis interview interviews survey poll tally review data documents figures count findings broadcast documentary piece editorial column dispatch coverage calculations estimate estimates'.split(
    ' ',
  ),
);

function makeSpan(
  text: string,
  base: number,
  tokens: readonly Token[],
  from: number,
  to: number,
  extra: { news: boolean; person: boolean; article: boolean },
): NameSpan | undefined {
  const [start, end, withThe] = trimSpan(tokens, from, to);
  if (start >= end) return undefined;
  const withAlias = aliasAfter(tokens, end);
  const name = spanText(text, tokens, start, withAlias, base);
  const first = tokens[start];
  const last = tokens[withAlias - 1];
  if (!first || !last || name.length < 2) return undefined;
  const before = descriptorBefore(tokens, start);
  const modifies = modifierAfter(tokens, withAlias, REPORT_NOUNS);
  const unnamed = describesUnnamed(tokens, start, withAlias);
  return {
    name,
    start: first.start,
    end: last.end,
    newsDescriptor: extra.news || before.news || descriptorAfter(tokens, withAlias),
    personNoun: extra.person || before.person,
    withArticle:
      extra.article || withThe || (isLower(tokens[start - 1]) && tokens[start - 1]?.text === 'the'),
    ...(modifies ? { modifies } : {}),
    ...(unnamed ? { describesUnnamed: true } : {}),
  };
}

/** Names right after a forward frame ("according to …"), a list sharing the frame included. */
export function namesAfter(text: string, base: number, tokens: readonly Token[]): NameSpan[] {
  let i = 0;
  let article = false;
  const skipArticle = () => {
    if (ARTICLES.has(tokens[i]?.text ?? '')) {
      i++;
      article = true;
    }
  };
  skipArticle();
  // "according to a (new) report by X": the nested report phrase shares the frame.
  let j = i;
  while (j < i + 2 && isLower(tokens[j]) && !REPORT_NOUNS.has(tokens[j]?.text ?? '')) j++;
  if (REPORT_NOUNS.has(tokens[j]?.text ?? '') && /^(?:by|in|from|on|of)$/u.test(tokens[j + 1]?.text ?? '')) {
    i = j + 2;
    article = false;
    skipArticle();
  }
  const found: NameSpan[] = [];
  let news = false;
  let person = false;
  // A descriptor before the name: "the German weekly X", "local broadcaster X", "spokesman X".
  for (let k = i; k < Math.min(tokens.length, i + 6); k++) {
    const token = tokens[k];
    if (!token?.word) break;
    if (isLower(token) && PERSON_NOUNS.has(token.text) && isNameWord(tokens[k + 1])) {
      person = true;
      i = k + 1;
      break;
    }
    if (isDescriptorHead(tokens, k) && isNameWord(tokens[k + 1])) {
      news = true;
      i = k + 1;
      break;
    }
  }
  for (let item = 0; item < MAX_LIST; item++) {
    const end = collectForward(tokens, i);
    if (end === i) break;
    const span = makeSpan(text, base, tokens, i, end, { news, person, article });
    if (span) found.push(span);
    let next = aliasAfter(tokens, end);
    const sep = tokens[next]?.text;
    if (sep !== 'and' && sep !== 'or' && sep !== '/' && sep !== ',') break;
    next++;
    if (sep === ',' && (tokens[next]?.text === 'and' || tokens[next]?.text === 'or')) next++;
    if (tokens[next]?.text === 'the') next++;
    if (!isNameWord(tokens[next])) break;
    // "according to Reuters, Russia said …": a comma lists only when an "and"/"or" closes the list.
    if (sep === ',' && !listCloses(tokens, next)) break;
    i = next;
    news = false;
    person = false;
  }
  return found;
}

function listCloses(tokens: readonly Token[], from: number): boolean {
  for (let k = from; k < Math.min(tokens.length, from + 16); k++) {
    const t = tokens[k]?.text;
    if (t === 'and' || t === 'or') return true;
    if (!isNameWord(tokens[k]) && t !== ',' && !CONNECTORS.has(t ?? '')) return false;
  }
  return false;
}

/** Names right before a backward frame ("… reported"), a list sharing it included. */
export function namesBefore(text: string, base: number, tokens: readonly Token[]): NameSpan[] {
  let end = tokens.length;
  let news = false;
  // "the Nikkei business daily reported": a descriptor after the name.
  for (let k = end - 1; k >= Math.max(0, end - 3); k--) {
    if (!isLower(tokens[k])) break;
    if (isDescriptorHead(tokens, k)) {
      news = true;
      end = k;
      while (end > 0 && isLower(tokens[end - 1])) end--;
      break;
    }
  }
  // "X, the country's largest daily, reported": an appositive between the name and the frame.
  if (tokens[end - 1]?.text === ',') {
    for (let k = end - 2; k >= Math.max(0, end - 12); k--) {
      const t = tokens[k]?.text;
      if (t === ',') {
        // "a weekly in Virginia, Minn., said": a place's state or country inside the appositive.
        if (isNameWord(tokens[k + 1]) && /^[.,]$/u.test(tokens[k + 2]?.text ?? '') && k + 2 < end - 1)
          continue;
        if (ARTICLES.has(tokens[k + 1]?.text ?? '')) {
          for (let d = k + 1; d < end - 1; d++) if (isDescriptorHead(tokens, d)) news = true;
          end = k;
        }
        break;
      }
      // An abbreviation's dot ("Minn.,") does not end the appositive; a sentence's does.
      if ((t === '.' && tokens[k + 1]?.text !== ',') || t === '\n') break;
    }
  }
  const found: NameSpan[] = [];
  for (let item = 0; item < MAX_LIST; item++) {
    // An alias in brackets right before the frame: "Deutsche Welle (DW) reported".
    let nameEnd = end;
    if (tokens[nameEnd - 1]?.text === ')') {
      let k = nameEnd - 2;
      while (k >= 0 && k > nameEnd - 8 && tokens[k]?.text !== '(') k--;
      if (tokens[k]?.text === '(') nameEnd = k;
    }
    let start = nameEnd;
    let words = 0;
    while (start > 0 && words < MAX_NAME_WORDS) {
      const token = tokens[start - 1];
      if (
        isNameWord(token) ||
        titleNoun(tokens, start - 1) ||
        (words > 0 && channelNumber(tokens, start - 1))
      ) {
        start--;
        words++;
        continue;
      }
      // A title that opens with a number, at the start of its sentence: "24 Chasa reported".
      if (words > 0 && start - 1 === 0 && CHANNEL_NUMBER.test(token?.text ?? '')) {
        start--;
        words++;
        continue;
      }
      if (
        (CONNECTORS.has(token?.text ?? '') ||
          token?.text === '&' ||
          (words === 1 && joinsNewsWord(tokens, start - 1, start))) &&
        isNameWord(tokens[start - 2]) &&
        words > 0
      ) {
        start--;
        continue;
      }
      break;
    }
    if (start === nameEnd) break;
    const article = tokens[start - 1]?.text === 'the';
    const span = makeSpan(text, base, tokens, start, nameEnd, { news, person: false, article });
    if (span) found.push(span);
    // "The New York Times and Bloomberg reported".
    let sep = start - (article ? 2 : 1);
    const t = tokens[sep]?.text;
    if (t !== 'and' && t !== 'or' && t !== '/' && t !== ',') break;
    if ((t === 'and' || t === 'or') && tokens[sep - 1]?.text === ',') sep--;
    end = sep;
    news = false;
    if (!isNameWord(tokens[end - 1]) && tokens[end - 1]?.text !== ')') break;
  }
  return found;
}
