import { readFileSync } from 'node:fs';
import { parseDate } from '../../lambdas/normalize/dates.ts';

export interface DateCaseResult {
  readonly input: string;
  readonly expected: string | null;
  readonly actual: string | null;
  readonly pass: boolean;
}

interface DateCase {
  readonly input: string;
  readonly expected_utc: string | null;
}

/** feedparser's date cases: an instant must match to the second, a rejection must be a rejection. */
export function runDateCases(
  file: string,
  parse: (raw: string) => Date | undefined = parseDate,
): DateCaseResult[] {
  const { cases } = JSON.parse(readFileSync(file, 'utf8')) as { cases: DateCase[] };
  return cases.map(({ input, expected_utc: expected }) => {
    const parsed = parse(input);
    // feedparser keeps whole seconds (struct_time), so fractions are dropped before comparing.
    const actual = parsed ? new Date(Math.floor(parsed.getTime() / 1000) * 1000).toISOString() : null;
    const pass =
      expected === null ? actual === null : actual !== null && Date.parse(expected) === Date.parse(actual);
    return { input, expected, actual, pass };
  });
}
