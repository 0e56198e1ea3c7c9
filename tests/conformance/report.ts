/**
 * Prints the conformance table (and, with --failures, every failing case) for
 * docs/conformance.md: `npx tsx tests/conformance/report.ts [--failures] [--bare-rss-parser] [folder]`.
 * `--bare-rss-parser` measures rss-parser with default options instead, for reference.
 */
import { FEEDPARSER_CORPUS } from '../support/paths.ts';
import { bareRssParserReader } from './baseline.ts';
import { runDateCases } from './date-cases.ts';
import { PIPELINE_READER, runSuite } from './run-suite.ts';
import { markdownTable, summarise } from './table.ts';

const say = (line: string) => process.stdout.write(`${line}\n`);
const root = FEEDPARSER_CORPUS;
const showFailures = process.argv.includes('--failures');
const baseline = process.argv.includes('--bare-rss-parser');
const only = process.argv.slice(2).find((arg) => !arg.startsWith('--'));

const results = await runSuite(root, baseline ? bareRssParserReader() : PIPELINE_READER);
// rss-parser turns dates into isoDate with `new Date(string)`.
const jsDate = (raw: string) => {
  const date = new Date(raw);
  return Number.isNaN(date.getTime()) ? undefined : date;
};
const dates = runDateCases(`${root}/dates/date_parser_cases.json`, baseline ? jsDate : undefined);
say(markdownTable(summarise(results), { passed: dates.filter((d) => d.pass).length, cases: dates.length }));
if (showFailures) {
  for (const r of results) {
    if ((r.outcome === 'fail' || r.status === 'crashed') && (!only || r.folder === only)) {
      say(`FAIL ${r.file}: ${r.detail}`);
    }
  }
  for (const d of dates.filter((date) => !date.pass)) {
    say(`DATE ${JSON.stringify(d.input)}: expected ${d.expected}, got ${d.actual}`);
  }
}
