import type { NewsOrganisation } from './gazetteer.ts';

/**
 * Finds the news organisations a text credits for its information. A name
 * counts only where the phrasing credits it ("according to Newsweek", "told
 * independent outlet Meduza", "Reuters reported") — a gazetteer name merely
 * mentioned, or a phrase crediting an unnamed person ("according to a Kremlin
 * source"), does not. After an explicit "outlet"/"newspaper"/"agency" noun, a
 * capitalised name counts even when the gazetteer does not know it.
 */
export interface Credit {
  /** As written, with a parenthesised alias kept: "Vazhnye Istorii (iStories)". */
  readonly name: string;
  readonly wire: boolean;
}

const OUTLET_NOUN = String.raw`(?:(?:independent|investigative|opposition|state(?:-run)?|online|news|media|Russian|Ukrainian|local|German|French|British|American)\s+)*(?:outlet|newspaper|news\s+(?:site|agency|outlet|website)|agency|publication|broadcaster|magazine|daily|tabloid|website)`;
// A capitalised name of up to six words, optionally followed by an alias in parentheses.
const WORD = String.raw`[\p{Lu}\p{N}][\p{L}\p{N}&'’-]*(?:\.[\p{L}\p{N}]+)*`;
const NAME = String.raw`(?<name>${WORD}(?:\s+(?:of\s+|the\s+)?${WORD}){0,5}(?:\s+\([\p{L}\p{N}.&'’ -]{2,40}\))?)`;

const BEFORE_NAME = [
  String.raw`[Aa]ccording\s+to\s+(?:the\s+|a\s+report\s+(?:by|from|in)\s+(?:the\s+)?)?(?:${OUTLET_NOUN}\s+)?`,
  String.raw`\b[Tt]old\s+(?:the\s+)?(?:${OUTLET_NOUN}\s+)?`,
  String.raw`\b(?:the\s+)?${OUTLET_NOUN}\s+`,
  String.raw`\breported\s+by\s+(?:the\s+)?`,
  String.raw`\b(?:originally\s+)?(?:appeared|published)\s+(?:on|in|at)\s+(?:the\s+)?`,
  String.raw`\bRepublished\s+(?:from|with\s+permission\s+(?:from|of))\s+(?:the\s+)?`,
  String.raw`\b(?:report|reporting|investigation|interview)\s+(?:by|from|in|with)\s+(?:the\s+)?`,
  String.raw`\bcited\s+by\s+(?:the\s+)?`,
];
const AFTER_NAME = [String.raw`\s+(?:first\s+)?(?:reported|reports|contributed\s+to\s+this\s+report)\b`];

const STOP_NAMES = new Set([
  'A',
  'An',
  'The',
  'It',
  'He',
  'She',
  'They',
  'This',
  'That',
  'Officials',
  'Sources',
]);

function normalizeKey(value: string): string {
  return value
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export class CreditFinder {
  readonly #byAlias = new Map<string, NewsOrganisation>();
  readonly #patterns: RegExp[];

  constructor(gazetteer: readonly NewsOrganisation[]) {
    for (const org of gazetteer) {
      for (const alias of [org.name, ...(org.aliases ?? [])]) this.#byAlias.set(normalizeKey(alias), org);
    }
    this.#patterns = [
      ...BEFORE_NAME.map((before) => new RegExp(`${before}${NAME}`, 'gu')),
      ...AFTER_NAME.map((after) => new RegExp(`${NAME}${after}`, 'gu')),
    ];
  }

  /** The organisation a name refers to, trying the longest prefix of the name first. */
  lookup(name: string): NewsOrganisation | undefined {
    const words = name.replace(/\s*\(.*\)$/, '').split(/\s+/);
    for (let n = words.length; n > 0; n--) {
      const org = this.#byAlias.get(normalizeKey(words.slice(0, n).join(' ')));
      if (org) return org;
    }
    const alias = /\(([^)]+)\)$/.exec(name)?.[1];
    return alias ? this.#byAlias.get(normalizeKey(alias)) : undefined;
  }

  find(text: string): Credit[] {
    const found = new Map<string, Credit>();
    const outletNoun = new RegExp(`${OUTLET_NOUN}\\s+$`, 'iu');
    for (const pattern of this.#patterns) {
      for (const match of text.matchAll(pattern)) {
        const raw = match.groups?.name?.trim().replace(/[.,;:'’]+$/, '');
        if (!raw) continue;
        const org = this.lookup(raw);
        const prefix = match[0].slice(0, match[0].length - (match.groups?.name?.length ?? 0));
        const namedByNoun = outletNoun.test(prefix);
        if (!org && !namedByNoun) continue;
        const name = org ? this.#asWritten(raw, org) : raw;
        if (STOP_NAMES.has(name)) continue;
        const key = org ? normalizeKey(org.name) : normalizeKey(name);
        if (!found.has(key)) found.set(key, { name, wire: org?.wire ?? false });
      }
    }
    return [...found.values()];
  }

  /** Trims a matched run of capitalised words to the organisation's name as the text wrote it. */
  #asWritten(raw: string, org: NewsOrganisation): string {
    const words = raw.split(/\s+/);
    for (let n = words.length; n > 0; n--) {
      const candidate = words.slice(0, n).join(' ');
      const bare = candidate.replace(/\s*\([^)]*\)$/, '');
      if (this.#byAlias.get(normalizeKey(bare)) === org) return candidate;
    }
    return raw;
  }
}
