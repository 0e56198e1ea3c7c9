/**
 * Strict date reading: ISO 8601 / RFC 3339 and RFC 822 (as RSS uses it).
 * Components are checked against the calendar, so 31 February is rejected
 * rather than rolled over into March, and a date without a zone is UTC (the
 * feed's convention), never the server's local time.
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};
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
  if (y < 1 || y > MAX_YEAR || mo < 1 || mo > 12 || d < 1 || h > 24 || mi > 59 || s > 60) return undefined;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > daysInMonth) return undefined;
  const time = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms) - offsetMinutes * 60_000;
  const date = new Date(time);
  return Number.isNaN(time) || date.getUTCFullYear() > MAX_YEAR ? undefined : date;
}

function zoneOffset(zone: string | undefined): number | undefined {
  if (!zone) return 0;
  const named = ZONES[zone.toUpperCase()];
  if (named !== undefined) return named;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const RFC822 =
  /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([A-Za-z]{1,5}|[+-]\d{4})?$/;

export function parseDate(raw: string | undefined): Date | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  const iso = ISO.exec(value);
  if (iso) {
    const offset = zoneOffset(iso[8]);
    if (offset === undefined) return undefined;
    const ms = iso[7] ? Number(iso[7].slice(0, 3).padEnd(3, '0')) : 0;
    return build(
      +(iso[1] ?? 0),
      +(iso[2] ?? 0),
      +(iso[3] ?? 0),
      +(iso[4] ?? 0),
      +(iso[5] ?? 0),
      +(iso[6] ?? 0),
      ms,
      offset,
    );
  }
  const rfc = RFC822.exec(value);
  if (rfc) {
    const month = MONTHS.indexOf((rfc[2] ?? '').toLowerCase()) + 1;
    if (month === 0) return undefined;
    let year = Number(rfc[3]);
    if (year < 100) year += year < 50 ? 2000 : 1900;
    const offset = zoneOffset(rfc[7]);
    if (offset === undefined) return undefined;
    return build(
      year,
      month,
      Number(rfc[1]),
      Number(rfc[4] ?? 0),
      Number(rfc[5] ?? 0),
      Number(rfc[6] ?? 0),
      0,
      offset,
    );
  }
  return undefined;
}
