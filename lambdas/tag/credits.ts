import type { NewsOrganisation } from './gazetteer.ts';
import { type Mention, normalizeKey, OrganisationIndex } from './mentions.ts';

/**
 * Finds the news organisations a text credits for its information. A name
 * counts only where the phrasing credits it ("according to Newsweek", "told
 * independent outlet Meduza", "Reuters first reported", "a Newsweek
 * investigation") — a name merely mentioned ("Newsweek's offices"), or a phrase
 * crediting someone who is not a news organisation ("according to a Kremlin
 * source", "according to officials", "Putin said"), does not.
 */
export interface Credit {
  /** As written, with a parenthesised alias kept: "Vazhnye Istorii (iStories)". */
  readonly name: string;
  readonly org?: NewsOrganisation;
  readonly wire: boolean;
}

// Phrasings that end right before the credited name (the name's own "the" is allowed).
const CREDIT_BEFORE =
  /(?:\baccording\s+to|\b(?:told|tells|telling|said\s+to|speaking\s+(?:to|with)|spoke\s+(?:to|with)|confirmed\s+to|interviewed\s+by|quoted\s+by|cited\s+by|(?:first\s+|previously\s+|initially\s+)?(?:reported|revealed|published|broadcast|aired)\s+by|obtained\s+by|seen\s+by|reviewed\s+by|compiled\s+by|citing|per|via|writing\s+in|wrote\s+in)|\b(?:report|reports|reporting|investigation|analysis|story|article|piece|interview|interviews|comments|documents|data|tally|poll|survey|documentary)\s+(?:by|from|in|with|to|published\s+by|carried\s+by|aired\s+by)|\b(?:statement|comment|email|remarks)s?\s+(?:to|provided\s+to|sent\s+to))\s+(?:the\s+|a\s+)?$/iu;
// Phrasings that start right after the name.
const CREDIT_AFTER =
  /^(?:['’]s?)?\s*,?\s*(?:(?:which|who)\s+)?(?:(?:has|had|was|were|is)\s+)?(?:(?:first|also|previously|earlier|exclusively|initially|later|separately|recently|originally)\s+)?(?:reported|reports|reporting|revealed|reveals|wrote|writes|published|broke\s+the\s+(?:news|story)|has\s+learned|learned|obtained|cited|citing|quoted|the\s+first\s+to\s+report|first\s+to\s+report)\b/u;
const REPORT_NOUN_AFTER =
  /^(?:['’]s?)?\s+(?:own\s+|exclusive\s+|new\s+|latest\s+)?(?:report|reporting|investigation|analysis|poll|survey|interview|story|article|tally|count|findings|review|documentary)\b/u;
// A wire agency "saying" something is its report ("Interfax said, citing …"); a newspaper saying something is usually about itself.
const WIRE_SAID = /^\s*(?:said|says|quoted)\b/u;
const LIST_JOIN = /^\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*\/\s*)(?:the\s+)?$/iu;
const CONTEXT = 90;

function sentenceBefore(text: string, index: number): string {
  const window = text.slice(Math.max(0, index - CONTEXT), index);
  const cut = Math.max(
    window.lastIndexOf('. '),
    window.lastIndexOf('! '),
    window.lastIndexOf('? '),
    window.lastIndexOf('\n'),
  );
  return cut >= 0 ? window.slice(cut + 1) : window;
}

export class CreditFinder {
  readonly #index: OrganisationIndex;

  constructor(gazetteer: readonly NewsOrganisation[]) {
    this.#index = new OrganisationIndex(gazetteer);
  }

  /** The organisation a name refers to, by name or alias. */
  lookup(name: string): NewsOrganisation | undefined {
    return this.#index.lookup(name);
  }

  /** Every organisation the text names, credited or not (footers, where the phrase was matched already). */
  mentions(text: string): Mention[] {
    return this.#index.mentions(text);
  }

  find(text: string): Credit[] {
    const mentions = this.#index.mentions(text);
    const credited = mentions.map((mention) => this.#credits(text, mention));
    // "Newsweek and the BBC reported", "according to Reuters and AFP": a list shares its phrasing.
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i + 1 < mentions.length; i++) {
        const a = mentions[i] as Mention;
        const b = mentions[i + 1] as Mention;
        if (!LIST_JOIN.test(text.slice(a.end, b.phraseStart))) continue;
        if (credited[i] || credited[i + 1]) {
          credited[i] = true;
          credited[i + 1] = true;
        }
      }
    }
    const found = new Map<string, Credit>();
    mentions.forEach((mention, i) => {
      if (!credited[i]) return;
      const key = normalizeKey(mention.org?.name ?? mention.name);
      if (!found.has(key)) {
        found.set(key, {
          name: mention.name,
          ...(mention.org ? { org: mention.org } : {}),
          wire: mention.org?.wire ?? false,
        });
      }
    });
    return [...found.values()];
  }

  #credits(text: string, mention: Mention): boolean {
    if (CREDIT_BEFORE.test(sentenceBefore(text, mention.phraseStart))) return true;
    const after = text.slice(mention.end, mention.end + CONTEXT);
    if (CREDIT_AFTER.test(after) || REPORT_NOUN_AFTER.test(after)) return true;
    return mention.org?.wire === true && WIRE_SAID.test(after);
  }
}
