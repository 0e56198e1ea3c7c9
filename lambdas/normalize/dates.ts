/**
 * Strict date reading for feeds: W3C-DTF / ISO 8601 (with the truncated forms
 * of ISO 8601:1988), RFC 822/1123 as RSS writes it (with its common slips),
 * asctime, and a few national forms feeds really carry (Korean, Greek,
 * Hungarian). Every component is checked against the calendar, so 31 February
 * is rejected rather than rolled into March, and a date without a zone is UTC
 * (the feed convention), never the server's local time. Anything else gives
 * undefined: the caller decides what a missing date means.
 *
 * Hand-written because no maintained JS library reads this family strictly:
 * `Date.parse` is lenient and locale-dependent, and general date libraries
 * either roll invalid dates over or do not know RFC 822's named zones.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const FULL_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Named zones in minutes east of UTC: RFC 822's own, the US short forms, and common European ones. */
const ZONES: Readonly<Record<string, number>> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  'ETC/GMT': 0,
  'ETC/UTC': 0,
  WET: 0,
  AT: -240,
  AST: -240,
  ADT: -180,
  ET: -300,
  EST: -300,
  EDT: -240,
  CT: -360,
  CST: -360,
  CDT: -300,
  MT: -420,
  MST: -420,
  MDT: -360,
  PT: -480,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
  WEST: 60,
  BST: 60,
  CET: 60,
  MET: 60,
  CEST: 120,
  MEST: 120,
  EET: 120,
  EEST: 180,
  JST: 540,
  KST: 540,
};

/** Greek and Hungarian month names (accents removed, lower case) → English abbreviation. */
const FOREIGN_MONTHS: ReadonlyArray<[RegExp, string]> = [
  [/^ιαν/, 'jan'],
  [/^φεβ/, 'feb'],
  [/^μα[ρω]/, 'mar'],
  [/^απρ/, 'apr'],
  [/^μαι/, 'may'],
  [/^ιο[υ]?ν/, 'jun'],
  [/^ιο[υ]?λ/, 'jul'],
  [/^αυγ/, 'aug'],
  [/^σεπ/, 'sep'],
  [/^οκτ/, 'oct'],
  [/^νοε/, 'nov'],
  [/^δεκ/, 'dec'],
  [/^januar/, 'jan'],
  [/^februar/, 'feb'],
  [/^marcius/, 'mar'],
  [/^aprilis/, 'apr'],
  [/^majus/, 'may'],
  [/^junius/, 'jun'],
  [/^julius/, 'jul'],
  [/^augusztus/, 'aug'],
  [/^szeptember/, 'sep'],
  [/^oktober/, 'oct'],
  [/^november/, 'nov'],
  [/^december/, 'dec'],
];
const KOREA_OFFSET = 540;
const MAX_YEAR = 9999;

function build(
  y: number,
  mo: number,
  d: number,
  h = 0,
  mi = 0,
  s = 0,
  ms = 0,
  offsetMinutes = 0,
): Date | undefined {
  if (![y, mo, d, h, mi, s, ms].every(Number.isInteger)) return undefined;
  if (y < 1 || y > MAX_YEAR || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60) return undefined;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not turn years 0-99 into 1900-1999.
  date.setUTCFullYear(y, mo - 1, d);
  if (date.getUTCMonth() !== mo - 1) return undefined;
  date.setUTCHours(h, mi, Math.min(s, 59), ms);
  const time = date.getTime() - offsetMinutes * 60_000;
  const result = new Date(time);
  return Number.isNaN(time) || result.getUTCFullYear() > MAX_YEAR ? undefined : result;
}

/** Minutes east of UTC, or undefined when the zone is not understood (the date is then rejected). */
function zoneOffset(zone: string | undefined): number | undefined {
  if (!zone) return 0;
  const match = /^([A-Za-z]+(?:\/[A-Za-z]+)?)?(?:([+-])(\d{2})(?::?(\d{2}))?)?$/.exec(zone.trim());
  if (!match || (!match[1] && !match[2])) return undefined;
  let offset = 0;
  if (match[1]) {
    const named = ZONES[match[1].toUpperCase()];
    if (named === undefined) return undefined;
    offset = named;
  }
  if (match[2]) {
    const hours = Number(match[3]);
    const minutes = Number(match[4] ?? 0);
    if (hours > 23 || minutes > 59) return undefined;
    offset += (match[2] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  return offset;
}

function twoDigitYear(value: string): number {
  const year = Number(value);
  if (value.length !== 2) return year;
  return year + (year < 50 ? 2000 : 1900);
}

function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase().replace(/\.$/, '');
  if (/^\d+$/.test(lower)) return Number(lower);
  const full = FULL_MONTHS.indexOf(lower);
  if (full >= 0) return full + 1;
  const short = MONTHS.indexOf(lower === 'sept' ? 'sep' : lower);
  return short >= 0 ? short + 1 : undefined;
}

/** Replaces Greek/Hungarian month names with English ones and drops Greek weekday names. */
function anglicise(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return value;
  const stripped = value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return stripped
    .replace(/^(κυρ|δευ|τρι|τετ|πεμ|παρ|σαβ)[^\s,]*,?\s*/u, '')
    .replace(/\p{L}{3,}/gu, (word) => FOREIGN_MONTHS.find(([pattern]) => pattern.test(word))?.[1] ?? word);
}

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?`;
const ZONE = String.raw`[A-Za-z]+(?:\/[A-Za-z]+)?(?:[+-]\d{2}(?::?\d{2})?)?|[+-][\w:]+`;

const W3DTF = new RegExp(
  String.raw`^(\d{4})(?:-(0?\d{2}|[a-z]{3})(?:-(\d{1,2}))?)?(?:[T ]${TIME})?\s*(Z|[+-][\w:]+)?$`,
  'i',
);
const ISO_TRUNCATED: ReadonlyArray<RegExp> = [
  /^-(\d{2})-?(\d{2})$/, // -YYMM, -YY-MM
  /^(\d{2})-?(\d{2})-?(\d{2})$/, // YYMMDD, YY-MM-DD
];
const RFC822 = new RegExp(
  String.raw`^(?:[A-Za-z]+\.?,?\s*)?(\d{1,2})\s+([A-Za-z]+\.?),?\s+(\d{4}|\d{2})(?:\s+${TIME})?(?:\s*(${ZONE}))?$`,
);
/** JavaScript's Date#toString shape, and the slash-dated form some tools emit. */
const WEEKDAY_MONTH_DAY_YEAR = new RegExp(
  String.raw`^[A-Za-z]{3},?\s+([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4})\s+${TIME}(?:\s*(${ZONE}))?(?:\s*\([^)]*\))?$`,
);
const ASCTIME = new RegExp(
  String.raw`^[A-Za-z]{3}\s+([A-Za-z]{3})\s+(\d{1,2})\s+${TIME}(?:\s+(${ZONE}))?\s+(\d{4})$`,
);
const SLASHED = new RegExp(
  String.raw`^(?:[A-Za-z]{3},?\s+)?(\d{4})\/(\d{2})\/(\d{2})(?:\s+${TIME})?(?:\s*(${ZONE}))?$`,
);
const KOREAN =
  /^(\d{4})(?:년\s*|-)(\d{1,2})(?:월\s*|-)(\d{1,2})일?\s+(?:(오전|오후)\s*)?(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

const num = (value: string | undefined) => Number(value ?? 0);
const millis = (fraction: string | undefined) => (fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0);

function withZone(zone: string | undefined, make: (offset: number) => Date | undefined): Date | undefined {
  const offset = zoneOffset(zone);
  return offset === undefined ? undefined : make(offset);
}

function readKorean(m: RegExpExecArray): Date | undefined {
  let hour = num(m[5]);
  if (m[4] === '오후' && hour < 12) hour += 12;
  if (m[4] === '오전' && hour === 12) hour = 0;
  return build(num(m[1]), num(m[2]), num(m[3]), hour, num(m[6]), num(m[7]), 0, KOREA_OFFSET);
}

export function parseDate(raw: string | undefined): Date | undefined {
  const trimmed = raw?.trim().replace(/\s+/g, ' ');
  if (!trimmed) return undefined;
  let m = KOREAN.exec(trimmed);
  if (m && (trimmed.includes('년') || m[4])) return readKorean(m);
  const value = anglicise(trimmed);
  m = W3DTF.exec(value);
  if (m) {
    const month = m[2] ? monthNumber(m[2].replace(/^0(\d{2})$/, '$1')) : 1;
    if (month === undefined) return undefined;
    const [y, d, h, mi, s, f, zone] = [m[1], m[3], m[4], m[5], m[6], m[7], m[8]];
    // A zone belongs to a time; "2013-01-27-01" is a malformed date, not 27 January at UTC-1.
    if (zone && h === undefined) return undefined;
    return withZone(zone, (offset) =>
      build(num(y), month, m?.[3] ? num(d) : 1, num(h), num(mi), num(s), millis(f), offset),
    );
  }
  for (const [index, pattern] of ISO_TRUNCATED.entries()) {
    m = pattern.exec(value);
    if (m) return build(twoDigitYear(m[1] ?? ''), num(m[2]), index === 0 ? 1 : num(m[3]));
  }
  m = RFC822.exec(value);
  if (m) {
    const month = monthNumber(m[2] ?? '');
    const [d, y, h, mi, s, f, zone] = [m[1], m[3], m[4], m[5], m[6], m[7], m[8]];
    if (month === undefined) return undefined;
    return withZone(zone, (offset) =>
      build(twoDigitYear(y ?? ''), month, num(d), num(h), num(mi), num(s), millis(f), offset),
    );
  }
  m = WEEKDAY_MONTH_DAY_YEAR.exec(value);
  if (m) {
    const month = monthNumber(m[1] ?? '');
    const [d, y, h, mi, s, f, zone] = [m[2], m[3], m[4], m[5], m[6], m[7], m[8]];
    if (month === undefined) return undefined;
    return withZone(zone, (offset) =>
      build(num(y), month, num(d), num(h), num(mi), num(s), millis(f), offset),
    );
  }
  m = ASCTIME.exec(value);
  if (m) {
    const month = monthNumber(m[1] ?? '');
    const [d, h, mi, s, f, zone, y] = [m[2], m[3], m[4], m[5], m[6], m[7], m[8]];
    if (month === undefined) return undefined;
    return withZone(zone, (offset) =>
      build(num(y), month, num(d), num(h), num(mi), num(s), millis(f), offset),
    );
  }
  m = SLASHED.exec(value);
  if (m) {
    const [y, mo, d, h, mi, s, f, zone] = [m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8]];
    return withZone(zone, (offset) =>
      build(num(y), num(mo), num(d), num(h), num(mi), num(s), millis(f), offset),
    );
  }
  return undefined;
}
