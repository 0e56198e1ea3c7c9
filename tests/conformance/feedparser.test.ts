import { beforeAll, describe, expect, it } from 'vitest';
import { FEEDPARSER_CORPUS } from '../support/paths.ts';
import { type DateCaseResult, runDateCases } from './date-cases.ts';
import { type CaseResult, runSuite } from './run-suite.ts';
import { CORE_FOLDERS, type FolderSummary, markdownTable, rate, summarise, total } from './table.ts';

const ROOT = FEEDPARSER_CORPUS;

/**
 * Floors, a little under the rates measured when they were set (docs/conformance.md),
 * so a regression fails here instead of slipping by. Raise them as things improve.
 */
const FLOORS: Readonly<Record<string, number>> = {
  'wellformed/rss': 0.98,
  'wellformed/atom': 0.99,
  'wellformed/atom10': 0.99,
  'wellformed/rdf': 0.9,
  entities: 0.99,
  encoding: 0.9,
  'wellformed/sanitize': 0.97,
};
const CORE_FLOOR = 0.99;
const DATE_FLOOR = 0.95;
/** The translator must keep covering as many core cases, or the rates above would mean less. */
const MIN_CORE_TRANSLATED = 490;

describe('conformance with feedparser’s test suite', () => {
  let results: CaseResult[] = [];
  let summaries: FolderSummary[] = [];
  let dates: DateCaseResult[] = [];

  beforeAll(async () => {
    results = await runSuite(ROOT);
    summaries = summarise(results);
    dates = runDateCases(`${ROOT}/dates/date_parser_cases.json`);
    // The table committed in docs/conformance.md is this output.
    const table = markdownTable(summaries, {
      passed: dates.filter((d) => d.pass).length,
      cases: dates.length,
    });
    process.stdout.write(`\n${table}\n\n`);
  }, 60_000);

  it('runs every test feed in the suite', () => {
    expect(results.length).toBeGreaterThan(1500);
  });

  it.each(Object.entries(FLOORS))('keeps %s at or above its floor', (folder, floor) => {
    const summary = summaries.find((s) => s.folder === folder);
    expect(summary, `no results for ${folder}`).toBeDefined();
    const failures = results.filter((r) => r.folder === folder && r.outcome === 'fail');
    expect(
      rate(summary?.passed ?? 0, summary?.translated ?? 0),
      failures.map((f) => `${f.file}: ${f.detail}`).join('\n'),
    ).toBeGreaterThanOrEqual(floor);
  });

  it('passes at least 99% of the translated core cases, and keeps translating them', () => {
    const core = total(summaries, CORE_FOLDERS);
    expect(core.translated).toBeGreaterThanOrEqual(MIN_CORE_TRANSLATED);
    expect(rate(core.passed, core.translated)).toBeGreaterThanOrEqual(CORE_FLOOR);
  });

  it('reads feedparser’s date cases right, rejections included', () => {
    const wrong = dates.filter((d) => !d.pass);
    expect(dates.length).toBe(73);
    expect(
      rate(dates.length - wrong.length, dates.length),
      wrong.map((d) => `${d.input}: expected ${d.expected}, got ${d.actual}`).join('\n'),
    ).toBeGreaterThanOrEqual(DATE_FLOOR);
  });

  it('never crashes: every document is parsed or rejected with a typed reason', () => {
    const crashed = results.filter((r) => r.status === 'crashed');
    expect(crashed.map((r) => `${r.file}: ${r.reason}`)).toEqual([]);
  });

  it('parses or clearly rejects every ill-formed feed', () => {
    const illformed = results.filter((r) => r.folder === 'illformed');
    expect(illformed.length).toBeGreaterThan(0);
    for (const result of illformed) {
      if (result.status === 'rejected') expect(result.reason, result.file).toMatch(/\w{4,}/);
      else expect(result.status, result.file).toBe('parsed');
    }
  });
});
