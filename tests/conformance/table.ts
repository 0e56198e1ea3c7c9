import type { CaseResult } from './run-suite.ts';

export interface FolderSummary {
  readonly folder: string;
  readonly files: number;
  readonly translated: number;
  readonly passed: number;
  readonly rejected: number;
  readonly crashed: number;
  readonly fromRaw: number;
}

export const CORE_FOLDERS = [
  'wellformed/rss',
  'wellformed/atom',
  'wellformed/atom10',
  'wellformed/rdf',
  'entities',
] as const;

export function summarise(results: readonly CaseResult[]): FolderSummary[] {
  const folders = [...new Set(results.map((r) => r.folder))].sort();
  return folders.map((folder) => {
    const rows = results.filter((r) => r.folder === folder);
    return {
      folder,
      files: rows.length,
      translated: rows.filter((r) => r.outcome !== 'untranslated').length,
      passed: rows.filter((r) => r.outcome === 'pass').length,
      rejected: rows.filter((r) => r.status === 'rejected').length,
      crashed: rows.filter((r) => r.status === 'crashed').length,
      fromRaw: rows.filter((r) => r.fromRaw).length,
    };
  });
}

export function rate(passed: number, translated: number): number {
  return translated === 0 ? 1 : passed / translated;
}

export function total(summaries: readonly FolderSummary[], folders: readonly string[]): FolderSummary {
  const rows = summaries.filter((s) => folders.includes(s.folder));
  const sum = (key: keyof Omit<FolderSummary, 'folder'>) => rows.reduce((n, s) => n + s[key], 0);
  return {
    folder: 'core total',
    files: sum('files'),
    translated: sum('translated'),
    passed: sum('passed'),
    rejected: sum('rejected'),
    crashed: sum('crashed'),
    fromRaw: sum('fromRaw'),
  };
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** The pass-rate table as Markdown, as committed in docs/conformance.md. */
export function markdownTable(
  summaries: readonly FolderSummary[],
  dates?: { passed: number; cases: number },
): string {
  const core = total(summaries, CORE_FOLDERS);
  const line = (s: FolderSummary) =>
    `| ${s.folder} | ${s.files} | ${s.translated} | ${s.passed} | ${percent(rate(s.passed, s.translated))} | ${s.rejected} | ${s.crashed} | ${s.fromRaw} |`;
  return [
    '| folder | files | translated | passed | pass rate | rejected | crashed | answered from parse output |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...summaries.map(line),
    line(core),
    ...(dates
      ? [
          `| dates (date_parser_cases.json) | ${dates.cases} | ${dates.cases} | ${dates.passed} | ${percent(rate(dates.passed, dates.cases))} | – | 0 | – |`,
        ]
      : []),
  ].join('\n');
}
