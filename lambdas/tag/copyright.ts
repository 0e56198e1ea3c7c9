import { collapseWhitespace } from '../shared/text.ts';

/**
 * Reads copyright notices as outlets write them:
 *   "Copyright 2023, PatriotWise.com", "© 2023 Holder. All rights reserved.",
 *   "(c) 2021 Holder Inc.", "Copyright © 2019-2023 Holder", "© Holder 2022".
 * The holder is what follows the years (or precedes a trailing year), up to the
 * end of its sentence or "All rights reserved". A notice without a recognisable
 * holder yields none: an absent holder is better than a wrong one.
 *
 * Written by hand: no maintained library parses free-text copyright lines, and
 * the forms are few enough to list.
 */
export interface CopyrightNotice {
  /** The notice as written, trimmed. */
  readonly notice: string;
  readonly holder?: string;
  /** The year or span as written, e.g. "2023" or "2019-2023". */
  readonly year?: string;
  /** Restrictions stated with the notice ("may not be published, broadcast, …"). */
  readonly usageTerms?: string;
}

const MARKER = /(?:\bcopyright\b\s*:?\s*(?:©|\(c\))?|©|\(c\))/iu;
// What every MARKER match contains, found without `\b`, which V8 runs slowly under the i and u flags
// together: most texts read for a notice (a last paragraph, a rights field) have no marker at all.
const MARKER_WORDS = /copyright|©|\(c\)/iu;
// A short lead-in before the marker is allowed ("All content ©", "Text and photos copyright").
const MAX_LEAD_WORDS = 4;
const YEARS = /^(?<years>\d{4}(?:\s*[-–—]\s*(?:\d{4}|present))?)\b[\s,]*/iu;
const TRAILING_YEARS = /[\s,]+(?<years>\d{4}(?:\s*[-–—]\s*\d{4})?)$/u;
const RESERVED = /[\s,;:]*\ball rights reserved\b\.?/iu;
const UNLESS = /\s+unless\s+otherwise\s+(?:noted|stated|indicated|specified)\b.*$/iu;
// Dots that end an abbreviation inside a name, not the sentence.
const ABBREVIATIONS =
  /(?:^|\s)(?:Inc|Ltd|Co|Corp|Cos|Pvt|Pty|Pte|Sdn|Bhd|Ltda|Cia|L\.L\.C|S\.A|S\.p\.A|S\.L|N\.V|A\.G|B\.V|L\.P|K\.K|Bros|Jr|Sr|St|U\.S|U\.K|Mr|Mrs|Ms|Dr)\.$/u;
const RESTRICTION =
  /\b(?:may|must|can)\s*not\s+be\b|\bwithout\s+(?:the\s+)?(?:prior\s+|express\s+)?(?:written\s+)?permission\b|\bfor\s+personal\b|\bnot\s+for\s+(?:re)?(?:distribution|publication)\b/iu;
const MAX_NOTICE = 600;
// Where a licence statement begins on the notice's own line: the notice ends there ("© 2024 X This
// article is licensed under CC BY 4.0.", "Copyright 2025, X Licensed under CC BY-SA 4.0: https://…").
const LICENCE_START =
  /(?:^|[\s.;,|–—-])(?=(?:This\s+(?:article|story|work|content|post|piece|report|text|material)\s+(?:is|was|has\s+been|may\s+be)\s+)?(?:re)?(?:licen[cs]ed|published|distributed|made\s+available|available|released|shared)\s+under\b|(?:Licen[cs]e|Licen[cs]ed)\s*:|CC[\s-]BY\b|CC0\b|Creative\s+Commons\b)/iu;
// "[Copyright The Jiji Press, Ltd.]": a notice set in brackets reads as the notice inside them.
const BRACKETED = /^\[(?<inner>[^[\]]+)\]$/u;
const MAX_HOLDER = 120;

/** Sentences of a short text, keeping dots that end abbreviations or sit inside domains. */
export function sentences(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const match of text.matchAll(/[.!?]\s+(?=[\p{Lu}\d"“(])|[;|]\s+/gu)) {
    const end = (match.index ?? 0) + match[0].length;
    const candidate = text.slice(start, (match.index ?? 0) + 1);
    if (match[0].startsWith('.') && ABBREVIATIONS.test(candidate)) continue;
    parts.push(text.slice(start, end).trim());
    start = end;
  }
  parts.push(text.slice(start).trim());
  return parts.filter((p) => p.length > 0);
}

function cleanHolder(raw: string): string | undefined {
  let holder = raw.replace(RESERVED, '').replace(UNLESS, '').trim();
  holder = holder.replace(/^by\s+/i, '').replace(/[\s,;:|–—-]+$/u, '');
  if (holder.endsWith('.') && !ABBREVIATIONS.test(holder)) holder = holder.slice(0, -1).trimEnd();
  if (!/\p{L}/u.test(holder) || holder.length < 2 || holder.length > MAX_HOLDER) return undefined;
  if (/^(?:all rights reserved|the authors?|unknown)$/i.test(holder)) return undefined;
  return holder;
}

/** The notice without a licence statement that follows it on the same line. */
function withoutLicence(notice: string): string {
  const start = LICENCE_START.exec(notice);
  if (!start || start.index === 0) return notice;
  const end = start.index + (start[0] === '.' ? 1 : 0);
  return notice.slice(0, end).replace(/[\s,;:|–—-]+$/u, '');
}

export function parseCopyrightNotice(text: string): CopyrightNotice | undefined {
  // Most texts read for a notice have no marker at all: they skip the work below (the inner part tested
  // again below is a part of this text, so it cannot hold a marker this one lacks).
  if (!MARKER_WORDS.test(text)) return undefined;
  const whole = collapseWhitespace(text);
  if (whole.length === 0 || whole.length > MAX_NOTICE) return undefined;
  // The notice stays as written (brackets too); the holder is read inside the brackets.
  const notice = withoutLicence(whole);
  const inner = BRACKETED.exec(notice)?.groups?.inner?.trim() ?? notice;
  if (inner.length === 0) return undefined;
  const marker = MARKER_WORDS.test(inner) ? MARKER.exec(inner) : null;
  if (!marker) return undefined;
  const lead = inner.slice(0, marker.index).trim();
  if (lead.split(/\s+/).filter(Boolean).length > MAX_LEAD_WORDS || /[.!?]/.test(lead)) return undefined;

  // "Copyright © 2019" or "© Copyright 2019": skip a second marker.
  let rest = inner.slice(marker.index + marker[0].length).replace(/^\s*(?:©|\(c\)|copyright\b)\s*/iu, '');
  const leadingYears = YEARS.exec(rest.trimStart());
  let years = leadingYears?.groups?.years;
  if (leadingYears) rest = rest.trimStart().slice(leadingYears[0].length);

  const [first = '', ...others] = sentences(rest);
  let holderPart = first.split(RESERVED)[0] ?? '';
  if (!years) {
    const trailing = TRAILING_YEARS.exec(holderPart.replace(/[.,;]+$/, ''));
    if (trailing?.groups?.years) {
      years = trailing.groups.years;
      holderPart = holderPart.replace(/[.,;]+$/, '').slice(0, trailing.index);
    }
  }
  // Without years or a © sign, only a notice that starts with "Copyright" and names a capitalised holder counts:
  // "The copyright dispute with Foo…" is prose, not a notice.
  const symbol = /©|\(c\)/iu.test(marker[0]);
  if (!years && !symbol && (lead.length > 0 || !/^\s*(?:by\s+)?[\p{Lu}\d]/u.test(holderPart)))
    return undefined;
  // "Skagerrak Post © 2025": nothing but years after the sign, so the name before it holds the copyright
  // (a lead that only says what is covered, "All content ©", "Photo ©", names no one).
  const holder = cleanHolder(holderPart) ?? (symbol && years ? holderLead(lead) : undefined);
  const restrictions = others.filter((s) => RESTRICTION.test(s));
  return {
    notice,
    ...(holder ? { holder } : {}),
    ...(years ? { year: years.replace(/\s+/g, '').replace(/[–—]/g, '-') } : {}),
    ...(restrictions.length > 0 ? { usageTerms: restrictions.join(' ') } : {}),
  };
}

// Words a lead before the sign uses to say what is covered, not who holds it.
const COVERED = /^(?:all|text|content|photos?|images?|pictures?|video|graphics?|illustrations?|and|&)$/iu;

function holderLead(lead: string): string | undefined {
  const words = lead.split(/\s+/u).filter(Boolean);
  if (words.length === 0 || words.some((w) => COVERED.test(w))) return undefined;
  return words.every((w) => /^[\p{Lu}\p{N}]/u.test(w)) ? cleanHolder(lead) : undefined;
}

const MAX_FOOTER = 300;

/** True when a short paragraph normalize left in the body reads as a notice naming a holder. */
export function looksLikeCopyrightNotice(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= MAX_FOOTER && parseCopyrightNotice(trimmed)?.holder !== undefined;
}
