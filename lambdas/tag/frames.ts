import type { NewsOrganisation } from './gazetteer.ts';
import { type NameSpan, namesAfter, namesBefore, tokenize, WINDOW } from './name-span.ts';
import { isNewsName } from './newsiness.ts';
import { isAsciiLetter, WordStarts } from './word-starts.ts';
import type { TagWork } from './work.ts';

/**
 * Open-vocabulary credits: finds the phrasings that credit a party for
 * information ("according to X", "X reported", "told X", "a report by X",
 * "X's investigation found", "X, which obtained the documents"), reads the name
 * the frame points at, and keeps it when it reads as a news organisation
 * (newsiness.ts). The gazetteer is one kind of evidence among several, not the
 * way in. Work is bounded: at most MAX_FRAMES frames a document, each reading a
 * fixed window of text.
 */
export interface FrameCredit {
  readonly name: string;
  readonly start: number;
  readonly org?: NewsOrganisation;
}

/** Frames a document may make the reader look at; a flood of them is cut here. */
export const MAX_FRAMES = 600;

type Strength = 'strong' | 'medium' | 'described';
interface Frame {
  readonly direction: 'after' | 'before';
  readonly strength: Strength;
}

// The name follows these.
const AFTER: Record<string, Strength> = {
  asReportedBy: 'strong',
  reportedBy: 'strong',
  revealedBy: 'strong',
  accordingTo: 'medium',
  // People tell a reporter's outlet, give it interviews and are quoted by it; bodies and persons that are
  // told or quoted are vetoed by the name checks.
  told: 'strong',
  interview: 'strong',
  citing: 'medium',
  citedBy: 'strong',
  seenBy: 'medium',
  reportBy: 'medium',
  writingIn: 'medium',
  // Footage, a video or a quote "carried by X" names where it was seen, "(source: X)" where it came from;
  // both are said of agencies and companies too.
  carriedBy: 'medium',
  sourceColon: 'medium',
};
// The name comes before these.
const BEFORE: Record<string, Strength> = {
  reported: 'strong',
  learned: 'strong',
  broke: 'strong',
  investigation: 'strong',
  which: 'strong',
  seen: 'strong',
  contributed: 'strong',
  commaCiting: 'strong',
  inAside: 'strong',
  investigationBare: 'strong',
  saidInReport: 'medium',
  wrote: 'medium',
  said: 'described',
};

const S = String.raw`[ \t\u00a0]+`;
// A frame that starts with a letter starts a word ("untold" is no "told"): "was reported by" holds "as
// reported by", and a match there would consume the real "reported by".
const W = String.raw`(?<![\p{L}\p{N}])`;
// "X, which has reported extensively on corruption": what an outlet covers, not a credit for this story.
const HABIT = String.raw`(?!${S}(?:extensively|widely|often|regularly|frequently|critically|heavily|repeatedly)\b)`;
// "X, which has reported on corruption": what it covers; "which reported on Monday that …" is a credit.
const COVERS = String.raw`(?!${S}on${S}(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b))`;
/** Whether the words right after "reported" say what an outlet covers (HABIT or COVERS fails there). */
const COVERAGE = new RegExp(String.raw`^(?!${HABIT}${COVERS})`, 'u');
export const describesCoverage = (after: string): boolean => COVERAGE.test(after);
// What a report "found", after an optional phrase on what it covers: "analysis of customer complaints in the
// city found", "investigation published in September found".
const WHAT_OF = String.raw`(?:${S}(?:of|into|on|published|released)(?:${S}[\p{L}\p{N}'’-]+){1,5}?)?`;
const FINDING = String.raw`${WHAT_OF}${S}(?:found|showed|shows|revealed|reveals|concluded|uncovered)`;
const FINDING_OR_SAYING = String.raw`${WHAT_OF}${S}(?:found|showed|shows|revealed|reveals|said|says|uncovered|concluded|published|counted)`;
const BRANCHES = [
  `${W}(?<asReportedBy>[Aa]s${S}(?:first${S}|previously${S}|originally${S})?reported${S}by|[Aa]s${S}(?:first${S})?revealed${S}by)${S}`,
  `${W}(?<reportedBy>(?:first|originally|initially|previously|exclusively)${S}reported${S}by|reported${S}by)${S}`,
  `${W}(?<revealedBy>(?:first${S})?(?:revealed|uncovered)${S}by)${S}`,
  `${W}(?<accordingTo>[Aa]ccording${S}to)${S}`,
  `${W}(?<told>told|tells|telling|said${S}to|speaking${S}(?:to|with)|spoke${S}(?:to|with)|confirmed${S}to|interviewed${S}by)${S}`,
  `${W}(?<interview>[Ii]n${S}(?:an?${S})?(?:exclusive${S}|recent${S}|separate${S})?(?:interview|statement|email|comments?|remarks)${S}(?:with|to))${S}`,
  `${W}(?<carriedBy>(?:carried|broadcast|aired|posted|recorded)${S}by)${S}`,
  `${W}(?<sourceColon>[Ss]ources?[ \t\u00a0]*:)${S}`,
  `${W}(?<citing>[Cc]iting)${S}`,
  `${W}(?<citedBy>(?:cited|quoted)${S}by)${S}`,
  `${W}(?<seenBy>(?:obtained|seen|reviewed|compiled)${S}by)${S}`,
  `${W}(?<reportBy>(?:[Rr]eporting|(?:report|investigation|analysis|survey|poll|story|article|documentary)s?)${S}(?:by|from|published${S}by|carried${S}by|aired${S}by|in))${S}`,
  `${W}(?<writingIn>(?:writing|wrote)${S}in)${S}`,
  String.raw`(?<commaCiting>,${S}(?:citing|quoting))\b`,
  String.raw`(?<inAside>,${S}in${S}an?${S}(?:report|analysis|article|editorial|investigation|story|broadcast|interview|statement)\b[^,.\n]{0,80},${S}(?:said|reported|wrote|found))\b`,
  String.raw`(?<which>,${S}which${S}(?:first${S}|also${S}|had${S}|has${S})?(?:obtained|reported|broke|revealed|published|reviewed|saw))\b${HABIT}${COVERS}`,
  String.raw`${S}(?<seen>said${S}it${S}had${S}(?:seen|obtained|reviewed))\b`,
  String.raw`['’]s?${S}(?<investigation>(?:own${S}|new${S}|exclusive${S}|latest${S}|recent${S})?(?:investigation|reporting|report|analysis|review|tally|count|survey|reporters|journalists|correspondents)${FINDING_OR_SAYING})\b`,
  String.raw`${S}(?<contributed>contributed${S}(?:reporting|to${S}this${S}(?:report|story|article)))\b`,
  String.raw`${S}(?<saidInReport>said${S}in${S}an?${S}(?:report|article|story|investigation|analysis|editorial|broadcast|dispatch))\b`,
  String.raw`${S}(?<learned>has${S}learned|had${S}learned|broke${S}the${S}(?:news|story)|(?:was|were|is)${S}(?:the${S})?first${S}to${S}(?:report|reveal|publish))\b`,
  String.raw`${S}(?<reported>(?:(?:first|also|previously|earlier|exclusively|initially|originally|separately|later|recently|had|has)${S})?reported(?!${S}by\b)|reports(?=${S}that\b|,))\b${HABIT}`,
  String.raw`${S}(?<wrote>wrote|revealed)\b`,
  String.raw`${S}(?<investigationBare>(?:investigation|analysis|review|tally|count|survey)${FINDING})\b`,
  String.raw`${S}(?<said>said|says)\b(?!${S}(?:it|its|in${S}a|on${S}\p{L}+${S}(?:that${S})?it)\b)`,
];
// Kept out of the frame: "X reported a loss", "X reported 30 cases", "reported to police".
const FIGURE_AFTER =
  /^[ \t]*(?:(?:a|an|the|its|their|record|strong|weak|net|quarterly|annual|first-quarter|half-year)[ \t]+)*(?:[\p{N}$€£¥%]|loss|losses|profit|profits|revenue|revenues|earnings|sales|income|deficit|surplus|growth|decline|drop|fall|rise|increase|decrease|jump|surge|results|deliveries|cases|deaths|infections|outages?|shipments|orders|turnover|dividend|to[ \t]+(?:police|the[ \t]+police|authorities|work))/u;

export function findFrameCredits(
  text: string,
  lookup: (name: string) => NewsOrganisation | undefined,
  work?: TagWork,
): FrameCredit[] {
  const found: FrameCredit[] = [];
  let frames = 0;
  let everyday: ReadonlySet<string> | undefined;
  for (const match of frameMatches(text)) {
    if (++frames > MAX_FRAMES) {
      if (work) work.capped = true;
      break;
    }
    if (work) work.frames++;
    const groups = match.groups ?? {};
    const key = Object.keys(groups).find((k) => groups[k] !== undefined);
    if (!key) continue;
    const at = match.at;
    const frame: Frame | undefined =
      key in AFTER
        ? { direction: 'after', strength: AFTER[key] as Strength }
        : key in BEFORE
          ? { direction: 'before', strength: BEFORE[key] as Strength }
          : undefined;
    if (!frame) continue;
    const readings: Array<[Strength, NameSpan[]]> = [];
    // "Authorities blocked X, citing a law": the name before ", citing" is credited only when what it
    // cites is information (a name, sources, a report), not a reason.
    if (key !== 'commaCiting' || citesInformation(text, at + match[0].length))
      readings.push([frame.strength, spansAt(text, match, key, frame)]);
    // "X said, citing the newsletter Y": the party cited is credited too.
    if (key === 'commaCiting')
      readings.push([AFTER.citing as Strength, namesFollowing(text, at + match[0].length)]);
    for (const [strength, spans] of readings)
      for (const span of spans) {
        const org = lookup(span.name);
        if (
          !org &&
          !span.newsDescriptor &&
          isEverydayWord(span.name, () => (everyday ??= lowercaseWords(text)))
        )
          continue;
        if (isNewsName(span, strength, org))
          found.push({ name: span.name, start: span.start, ...(org ? { org } : {}) });
      }
  }
  return found;
}

// What a reporter cites, after up to three lower-case words ("citing two people familiar with …").
const CITED_INFORMATION =
  /^[ \t\u00a0]+(?:\p{Ll}+[ \t\u00a0]+){0,3}?(?:\p{Lu}|(?:sources?|people|persons?|officials?|documents?|records|data|figures|statements?|witnesses|residents|diplomats|executives|insiders|estimates|research|reports?|reporting|analysis|surveys?|polls?|interviews?|emails?|letters?|memos?|filings?|minutes|recordings?|footage|images|calculations)\b)/u;
// "X, citing terminal operators, said …": a parenthetical citing phrase before the outlet's own verb.
const CITING_ASIDE = /^[^,.\n]{1,80},[ \t\u00a0]+(?:said|says|reported|reports|wrote|added|quoted)\b/u;
export function citesInformation(text: string, from: number): boolean {
  const after = text.slice(from, from + 120);
  return CITED_INFORMATION.test(after) || CITING_ASIDE.test(after);
}

/** The names a frame points at: after it ("according to X") or before it, within its sentence ("X reported"). */
function spansAt(text: string, match: FrameMatch, key: string, frame: Frame): NameSpan[] {
  const end = match.at + match[0].length;
  if (frame.direction === 'after') return namesFollowing(text, end);
  if (key === 'reported' && FIGURE_AFTER.test(text.slice(end, end + 60))) return [];
  const from = Math.max(0, match.at - WINDOW);
  const window = text.slice(from, match.at);
  const cut = Math.max(window.lastIndexOf('\n'), sentenceCut(window));
  const kept = cut >= 0 ? window.slice(cut + 1) : window;
  const base = from + (cut >= 0 ? cut + 1 : 0);
  return namesBefore(kept, base, tokenize(kept, base));
}

function namesFollowing(text: string, from: number): NameSpan[] {
  const window = text.slice(from, from + WINDOW);
  return namesAfter(window, from, tokenize(lineStop(window), from));
}

/**
 * A one-word name the same text also uses as an ordinary lower-case word ("Would", "Walk", "Winter" at
 * the start of a sentence) is that word, not an outlet nobody has listed: an outlet's own name is not
 * written in lower case in the story that credits it. The gazetteer and a news descriptor still admit
 * outlets named by a common word ("according to the magazine Time").
 */
function isEverydayWord(name: string, words: () => ReadonlySet<string>): boolean {
  const content = name.split(/\s+/u).filter((w) => w.length > 0 && w !== 'The');
  const [only] = content;
  if (content.length !== 1 || !only || !/^\p{Lu}\p{Ll}+$/u.test(only)) return false;
  return words().has(only.toLowerCase());
}

function lowercaseWords(text: string): ReadonlySet<string> {
  return new Set(text.match(/(?<![\p{L}\p{N}])\p{Ll}+(?![\p{L}\p{N}])/gu) ?? []);
}

/**
 * The words every frame contains (one of them each). Scanning for these word starts, as NameIndex does
 * for names, is far cheaper than running the frames over the whole text; they then run only on a short
 * slice around each of them.
 */
const TRIGGERS = [
  'accord',
  'Accord',
  'told',
  'tell',
  'said',
  'speak',
  'spoke',
  'confirmed',
  'interview',
  'statement',
  'email',
  'comment',
  'citing',
  'Citing',
  'cited',
  'quoted',
  'obtained',
  'seen',
  'reviewed',
  'compiled',
  'revealed',
  'uncovered',
  'report',
  'investigation',
  'analysis',
  'survey',
  'poll',
  'stor',
  'article',
  'documentar',
  'writing',
  'wrote',
  'which',
  'learned',
  'broke',
  'contributed',
  'tally',
  'count',
  'carried',
  'broadcast',
  'aired',
  'posted',
  'recorded',
  'source',
  'Source',
  'quoting',
  'Reporting',
  'journalist',
  'correspondent',
  'remarks',
];
// A trigger at the start of a run of ASCII letters.
const TRIGGER = new WordStarts(TRIGGERS, { prefix: true });
/**
 * For each trigger, the frames whose pattern contains it, in BRANCHES' order: a slice around "said" is
 * searched for the frames with "said" in them only, not for all of them (an alternation tries every
 * branch at every position, which made this the costliest regex of tagging). A frame always contains
 * its trigger, so the slice around that trigger finds it.
 */
const caseFolded = (branch: string) => branch.replace(/\[([A-Z])([a-z])\]/gu, '$2').toLowerCase();
const FRAMES_BY_TRIGGER = new Map(
  TRIGGERS.map((t) => {
    const mine = BRANCHES.filter((b) => caseFolded(b).includes(t.toLowerCase()));
    if (mine.length === 0) throw new Error(`no frame contains the trigger "${t}"`);
    return [t, new RegExp(mine.join('|'), 'gu')];
  }),
);
// How far before its trigger word a frame may start ("In an exclusive interview with", "as first reported by").
const LEAD = 32;
// How far after it a frame may end ("'s analysis of customer complaints in the city found").
const TAIL = 64;

interface FrameMatch {
  readonly at: number;
  readonly 0: string;
  readonly groups: Record<string, string | undefined>;
}

/** The frames' matches in text order, each found in a bounded slice around a trigger word. */
function* frameMatches(text: string): Generator<FrameMatch> {
  let done = 0;
  for (let start = TRIGGER.next(text), i = 0; start >= 0; start = TRIGGER.next(text, i)) {
    // On to the end of the word the trigger begins.
    i = start + 1;
    while (i < text.length && isAsciiLetter(text.charCodeAt(i))) i++;
    const from = Math.max(done, start - LEAD);
    const slice = text.slice(from, i + TAIL);
    const frame = FRAMES_BY_TRIGGER.get(TRIGGER.wordAt(text, start) ?? '');
    if (!frame) continue;
    frame.lastIndex = 0;
    for (let m = frame.exec(slice); m !== null; m = frame.exec(slice)) {
      const at = from + m.index;
      if (at > i) break;
      if (at + m[0].length < start) continue;
      done = at + m[0].length;
      yield { at, 0: m[0], groups: m.groups ?? {} };
    }
  }
}

/** The window up to its first line break: a name never runs over a paragraph. */
function lineStop(window: string): string {
  const end = window.indexOf('\n');
  return end < 0 ? window : window.slice(0, end);
}

/** Where the sentence containing the window's end begins: after the last ". " before a capital. */
function sentenceCut(window: string): number {
  for (let i = window.length - 2; i > 0; i--) {
    const c = window[i];
    if ((c === '.' || c === '!' || c === '?') && /\s/u.test(window[i + 1] ?? '')) {
      // An abbreviation's dot ("S.Paulo", "Inc.", "U.S.") does not end the sentence.
      const before = window.slice(Math.max(0, i - 4), i);
      if (/(?:^|[\s.])(?:\p{Lu}|Inc|Co|Corp|Ltd|Mr|Ms|Mrs|Dr|St|Jr)$/u.test(before)) continue;
      return i + 1;
    }
  }
  return -1;
}
