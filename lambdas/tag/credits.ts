import { citesInformation, describesCoverage, findFrameCredits } from './frames.ts';
import type { NewsOrganisation } from './gazetteer.ts';
import { type Mention, normalizeKey, OrganisationIndex } from './mentions.ts';
import { MAX_CREDITED, type TagWork } from './work.ts';

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
const COMPLEMENT_OF =
  /\b(?:service|edition|arm|unit|branch|subsidiary|affiliate|sister\s+\p{L}+|bureau|channel|programme|program)\s+of\s+(?:the\s+)?$/iu;
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

  find(text: string, work?: TagWork): Credit[] {
    const mentions = this.#index.mentions(text, work);
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
    const candidates: Candidate[] = [];
    mentions.forEach((mention, i) => {
      if (credited[i])
        candidates.push({
          name: mention.name,
          start: mention.start,
          listed: true,
          ...(mention.org ? { org: mention.org } : {}),
        });
    });
    // Open-vocabulary frames add names no list knows; in text order with the gazetteer's, first spelling kept.
    const framed = findFrameCredits(text, (name) => this.#index.lookup(name), work).map((c) => ({
      ...c,
      listed: false,
    }));
    const all = mergeByStart(candidates, framed);
    if (work) work.steps += all.length;
    const found = new Map<string, Credit>();
    for (const [i, candidate] of all.entries()) {
      const key = normalizeKey(candidate.org?.name ?? candidate.name);
      if (found.has(key) || coveredBy(candidate, all, i) || extendedBy(candidate, all, i)) continue;
      if (found.size >= MAX_CREDITED) {
        if (work) work.capped = true;
        break;
      }
      found.set(key, {
        name: candidate.name,
        ...(candidate.org ? { org: candidate.org } : {}),
        wire: candidate.org?.wire ?? false,
      });
    }
    return [...found.values()];
  }

  #credits(text: string, mention: Mention): boolean {
    const before = sentenceBefore(text, mention.phraseStart);
    if (CREDIT_BEFORE.test(before)) return true;
    const after = text.slice(mention.end, mention.end + CONTEXT);
    const phrase = CREDIT_AFTER.exec(after)?.[0];
    // "X, the Uzbek service of Y, reported": the verb is X's, Y only says whose service X is.
    const complement = COMPLEMENT_OF.test(before) && /^\s*,/u.test(after);
    // "… blocked X, citing a law": citing a reason credits nobody; "X, which has reported on corruption"
    // (or "… extensively") says what X covers, not that it reported this.
    if (
      phrase !== undefined &&
      !complement &&
      (!phrase.endsWith('citing') || citesInformation(after, phrase.length)) &&
      !(/report(?:ed|s|ing)$/u.test(phrase) && describesCoverage(after.slice(phrase.length)))
    )
      return true;
    if (REPORT_NOUN_AFTER.test(after)) return true;
    return mention.org?.wire === true && WIRE_SAID.test(after);
  }
}

interface Candidate {
  readonly name: string;
  readonly start: number;
  readonly org?: NewsOrganisation;
  /** Found by the mention reader (gazetteer, outlet noun, site name) rather than by a frame alone. */
  readonly listed: boolean;
}

/** Two lists each in text order, merged in text order (a sweep, not a sort of everything again). */
function mergeByStart(a: readonly Candidate[], b: readonly Candidate[]): Candidate[] {
  const sortedB = [...b].sort((x, y) => x.start - y.start);
  const out: Candidate[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < sortedB.length) {
    const x = a[i];
    const y = sortedB[j];
    if (x && (!y || x.start <= y.start)) {
      out.push(x);
      i++;
    } else if (y) {
      out.push(y);
      j++;
    }
  }
  return out;
}

const endOf = (c: Candidate) => c.start + c.name.length;
const overlap = (a: Candidate, b: Candidate) => a.start < endOf(b) && b.start < endOf(a);
/** A frame's name longer than the listed one at the same place, by capitalised words: "BBC Radio X" for "BBC". */
const extends_ = (frame: Candidate, listed: Candidate) =>
  frame.start === listed.start &&
  frame.name.length > listed.name.length &&
  /^\s+\p{Lu}/u.test(frame.name.slice(listed.name.length));

/**
 * Where a frame's name and a listed mention overlap, the listed one is kept ("The BBC" is "BBC"; "Monday
 * Reuters" is "Reuters"), unless the frame's extends it at the same start. Only text-order neighbours
 * can overlap, so this is a constant amount of work per candidate.
 */
function coveredBy(candidate: Candidate, all: readonly Candidate[], index: number): boolean {
  if (candidate.listed) return false;
  for (const other of [all[index - 1], all[index + 1]])
    if (other?.listed && overlap(candidate, other) && !extends_(candidate, other)) return true;
  return false;
}

function extendedBy(candidate: Candidate, all: readonly Candidate[], index: number): boolean {
  if (!candidate.listed) return false;
  for (const other of [all[index - 1], all[index + 1]])
    if (other && !other.listed && extends_(other, candidate)) return true;
  return false;
}
