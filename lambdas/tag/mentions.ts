import type { NewsOrganisation } from './gazetteer.ts';
import { NameIndex } from './name-index.ts';
import { WordStarts } from './word-starts.ts';
import { MAX_MENTIONS, type TagWork } from './work.ts';

/**
 * Where a text names a news organisation: a gazetteer name or alias as written
 * ("Newsweek", "the New York Times"), a capitalised name introduced by an
 * outlet noun ("the independent outlet Vazhnye Istorii (iStories)", "the
 * Russian newspaper Kommersant"), or a site name ("PatriotWise.com"). Whether
 * the text *credits* the mention is decided elsewhere, from the phrasing around it.
 */
export interface Mention {
  /** As written, with a parenthesised alias kept: "Vazhnye Istorii (iStories)". */
  readonly name: string;
  readonly org?: NewsOrganisation;
  /** Start of the whole noun phrase ("the independent outlet …"), for reading the words before it. */
  readonly phraseStart: number;
  readonly start: number;
  readonly end: number;
}

const ADJECTIVES = String.raw`(?:independent|investigative|exiled|opposition|pro-Kremlin|state(?:-run|-owned|-controlled)?|online|business|financial|daily|weekly|liberal|conservative|tabloid|local|regional|national|international|respected|leading|popular|[\p{Lu}][\p{L}-]{1,40}(?![\p{L}-]))`;
// "daily"/"weekly" name an outlet only after an adjective ("the Russian daily Kommersant", not "the weekly Cabinet meeting").
const NOUNS = String.raw`(?:outlet|newspaper|paper|news\s+(?:site|agency|outlet|website|portal|service|channel)|wire\s+service|publication|broadcaster|magazine|tabloid|Telegram\s+channel|(?:TV|television|radio)\s+(?:channel|station|network)|radio\s+station|media\s+(?:outlet|group))`;
const WORD = String.raw`[\p{Lu}\p{N}][\p{L}\p{N}&'’/-]*(?:\.[\p{L}\p{N}]+)*`;
const CONNECTOR = '(?:of|de|del|la|el|di|du|des|der|the)';
const NAME = String.raw`${WORD}(?:\s+(?:${CONNECTOR}\s+)?${WORD}){0,5}`;
const ALIAS = String.raw`\s*\((?<alias>[\p{L}\p{N}.&'’ -]{2,40})\)`;

const ALIAS_AFTER = new RegExp(`^${ALIAS}`, 'u');

const NOUN_PHRASE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?:the|a|an)\s+)?(?:(?:${ADJECTIVES}\s+){0,3}${NOUNS}|(?:${ADJECTIVES}\s+){1,3}(?:daily|weekly))\s+(?<name>${NAME})(?:${ALIAS})?`,
  'gu',
);
const DOMAIN =
  /(?<![\p{L}\p{N}./@:-])[\p{L}\p{N}][\p{L}\p{N}-]*\.(?:com|net|org|ru|ua|news|info|media|co\.uk)(?![\p{L}\p{N}])/gu;
// What every DOMAIN match contains. V8 runs this (a literal first) far faster than DOMAIN, whose
// lookbehind it evaluates at every position, so texts without a site name skip DOMAIN.
const TOP_LEVEL = /\.(?:com|net|org|ru|ua|news|info|media|co\.uk)/u;
/**
 * The first word of every NOUN_PHRASE noun (and of "daily"/"weekly"). In a match that word stands
 * alone: after the lookbehind's non-letter or the whitespace that ends an adjective, and before `\s+`.
 */
const NOUN_FIRST_WORDS = new Set([
  'outlet',
  'newspaper',
  'paper',
  'news',
  'wire',
  'publication',
  'broadcaster',
  'magazine',
  'tabloid',
  'Telegram',
  'TV',
  'television',
  'radio',
  'media',
  'daily',
  'weekly',
]);
/**
 * Whether a run of ASCII letters (delimited by anything else) is one of NOUN_FIRST_WORDS: a text
 * without one has no NOUN_PHRASE match, and is spared that regex, which is slow to find nothing.
 */
const NOUN_WORD = new WordStarts([...NOUN_FIRST_WORDS], { prefix: false });
const hasNounWord = (text: string) => NOUN_WORD.test(text);

// Words that may stand capitalised before a name at the start of a sentence without being part of it.
const SENTENCE_STARTERS = new Set(
  'The A An As And But Also Both Earlier Later Meanwhile Separately Then Now Yesterday Today In On At By When While After Before Last Unlike Like According Citing Per Via'.split(
    ' ',
  ),
);
const CALENDAR =
  /\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b.*$/u;
// An edition or service after a known name is part of what the text credits: "Politico Europe", "BBC Russian".
const EDITION =
  /^\s+(?:Europe|International|World(?:\s+Service)?|English|Russian|Ukrainian|Arabic|Persian|Turkish|Español|America|Africa|Asia|Online|Digital|UK|US)(?![\p{L}\p{N}])/u;
const NOT_NAMES = new Set([
  'The',
  'A',
  'An',
  'It',
  'This',
  'That',
  'These',
  'Those',
  'He',
  'She',
  'They',
  'We',
]);

// Every name a frame reads is looked up, so the common case (nothing to rewrite) skips the replacements.
const SPACES_TO_FOLD = /\s\s|[^\S ]/;
const ONE_WORD_AFTER_THE = /^the\s+\S+$/iu;

export function normalizeKey(value: string): string {
  let key = value.toLowerCase();
  if (key.startsWith('the')) key = key.replace(/^the\s+/, '');
  if (key.includes('’')) key = key.replace(/’/g, "'");
  if (SPACES_TO_FOLD.test(key)) key = key.replace(/\s+/g, ' ');
  return key.trim();
}

export class OrganisationIndex {
  readonly #byAlias = new Map<string, NewsOrganisation>();
  readonly #names: NameIndex;

  /** Keys listed only with a leading "The" before one word: "The Information", "The Hindu", "The Times". */
  readonly #onlyWithThe = new Set<string>();

  constructor(gazetteer: readonly NewsOrganisation[]) {
    const aliases: string[] = [];
    const bare = new Set<string>();
    for (const org of gazetteer) {
      for (const alias of [org.name, ...(org.aliases ?? [])]) {
        const key = normalizeKey(alias);
        this.#byAlias.set(key, org);
        aliases.push(alias);
        if (ONE_WORD_AFTER_THE.test(alias)) this.#onlyWithThe.add(key);
        else bare.add(key);
      }
    }
    for (const key of bare) this.#onlyWithThe.delete(key);
    // A name followed by a hyphenated word ("AP-NORC") or "of …" ("The Times of India") is some other name.
    this.#names = new NameIndex(aliases);
  }

  /** The organisation a name refers to: the name itself, its alias in parentheses, or a leading "the". */
  lookup(name: string): NewsOrganisation | undefined {
    const bare = name.replace(/\s*\([^)]*\)\s*$/, '');
    const alias = /\(([^)]+)\)\s*$/.exec(name)?.[1];
    return this.#byKey(bare) ?? (alias ? this.#byKey(alias) : undefined);
  }

  // "Information" or "Times" alone is a word, not "The Information" or "The Times": a one-word name
  // listed only after "The" needs its "The" (unless an alias lists it bare, as "Guardian" is).
  #byKey(name: string): NewsOrganisation | undefined {
    const key = normalizeKey(name);
    if (this.#onlyWithThe.has(key) && !/^\s*the\s/iu.test(name)) return undefined;
    return this.#byAlias.get(key);
  }

  mentions(text: string, work?: TagWork): Mention[] {
    const found: Mention[] = [];
    const full = () => {
      if (found.length < MAX_MENTIONS) return false;
      if (work) work.capped = true;
      return true;
    };
    for (const { start, name: listed } of this.#names.find(text, MAX_MENTIONS + 1)) {
      if (full()) break;
      const before = /(?<![\p{L}\p{N}.])(\p{Lu}[\p{L}'’-]*)\s+$/u.exec(
        text.slice(Math.max(0, start - 40), start),
      )?.[1];
      // "Michael Bloomberg", "Sunday Times": a capitalised word right before makes it part of another name.
      if (before && !SENTENCE_STARTERS.has(before)) continue;
      const org = this.lookup(listed);
      let end = start + listed.length;
      end += EDITION.exec(text.slice(end, end + 40))?.[0].length ?? 0;
      const alias = ALIAS_AFTER.exec(text.slice(end, end + 50));
      if (
        alias?.groups?.alias &&
        (this.lookup(alias.groups.alias) === org || /^\p{Lu}/u.test(alias.groups.alias))
      ) {
        end += alias[0].length;
      }
      found.push({ name: text.slice(start, end), ...(org ? { org } : {}), phraseStart: start, start, end });
    }
    // Gazetteer mentions by start, so a noun phrase naming the same place is found without a scan.
    const byStart = new Map<number, number>();
    for (const [i, m] of found.entries()) byStart.set(m.start, i);
    for (const match of hasNounWord(text) ? text.matchAll(NOUN_PHRASE) : []) {
      if (full()) break;
      const raw = match.groups?.name;
      if (!raw) continue;
      const name = raw.replace(CALENDAR, '').replace(/[.,;:'’]+$/, '');
      if (NOT_NAMES.has(name)) continue;
      const phraseStart = match.index ?? 0;
      const start = phraseStart + match[0].indexOf(raw);
      let end = start + name.length;
      if (name === raw && match.groups?.alias) end = phraseStart + match[0].length;
      const written = text.slice(start, end);
      const known = byStart.get(start);
      if (known !== undefined) {
        // The gazetteer already has it; the noun phrase only widens the words read before it.
        found[known] = { ...(found[known] as Mention), phraseStart };
        continue;
      }
      const org = this.lookup(written);
      found.push({ name: written, ...(org ? { org } : {}), phraseStart, start, end });
    }
    // Site names inside a mention already found are part of it: a sweep over mentions by start.
    const spans = [...found].sort((a, b) => a.start - b.start);
    let cursor = 0;
    let reach = -1;
    for (const match of TOP_LEVEL.test(text) ? text.matchAll(DOMAIN) : []) {
      if (full()) break;
      const start = match.index ?? 0;
      while (cursor < spans.length && (spans[cursor] as Mention).start <= start) {
        reach = Math.max(reach, (spans[cursor] as Mention).end);
        cursor++;
        if (work) work.steps++;
      }
      if (start < reach) continue;
      const org = this.lookup(match[0]);
      found.push({
        name: match[0],
        ...(org ? { org } : {}),
        phraseStart: start,
        start,
        end: start + match[0].length,
      });
    }
    if (work) work.mentions += found.length;
    return dropOverlaps(found, work);
  }
}

/**
 * Keeps the longest of overlapping mentions, in text order: a sort by start (longest first on a tie)
 * and one sweep, where a longer mention overlapping the last one kept replaces it.
 */
function dropOverlaps(mentions: Mention[], work?: TagWork): Mention[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mention[] = [];
  for (const mention of sorted) {
    if (work) work.steps++;
    const last = kept[kept.length - 1];
    if (!last || mention.start >= last.end) {
      kept.push(mention);
      continue;
    }
    const before = kept[kept.length - 2];
    if (mention.end - mention.start > last.end - last.start && (!before || before.end <= mention.start))
      kept[kept.length - 1] = mention;
  }
  return kept;
}
