import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../lambdas/normalize/dates.ts';

const iso = (raw: string) => parseDate(raw)?.toISOString();

describe('parseDate', () => {
  it.each([
    ['2026-03-02T09:00:00+02:00', '2026-03-02T07:00:00.000Z'],
    ['2026-03-02 09:00:00', '2026-03-02T09:00:00.000Z'],
    ['2026-03', '2026-03-01T00:00:00.000Z'],
    ['Tue, 03 Mar 2026 09:30:00 +0100', '2026-03-03T08:30:00.000Z'],
    ['Tue, 03 Mar 26 09:30 EST', '2026-03-03T14:30:00.000Z'],
    ['3 March 2026 09:30:00 CEST', '2026-03-03T07:30:00.000Z'],
    ['Tue Mar 3 09:30:00 2026', '2026-03-03T09:30:00.000Z'],
    ['2026년 03월 03일 09:30:00', '2026-03-03T00:30:00.000Z'],
    ['Τρι, 03 Μάρ 2026 09:30:00 GMT', '2026-03-03T09:30:00.000Z'],
  ])('reads %s', (raw, expected) => {
    expect(iso(raw)).toBe(expected);
  });

  it.each([
    ['31 Feb 2026 10:00:00 GMT', 'a day February does not have'],
    ['2026-02-29', 'a leap day in a common year'],
    ['2026-03-02T24:30:00Z', 'hour 24'],
    ['Tue, 03 Mar 2026 09:30:00 XYZ', 'an unknown zone'],
    ['2026-03-02-05', 'a zone without a time'],
    ['yesterday', 'words'],
    ['', 'nothing'],
  ])('rejects %s (%s)', (raw) => {
    expect(parseDate(raw)).toBeUndefined();
  });

  it('reads a date without a zone as UTC, whatever the server zone', () => {
    expect(iso('2026-06-01T12:00:00')).toBe('2026-06-01T12:00:00.000Z');
  });
});
