import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchColdStart } from './cold-start.ts';
import { benchCost } from './cost.ts';
import { benchLatency } from './latency.ts';
import { type BenchRow, benchPipeline } from './pipeline.ts';

// `npm run bench`: every benchmark in one run, one table. Ratios compare figures measured in this run.

type Bench = () => Promise<Array<{ name: string; value: number; unit: string }>>;

/** Benchmarks other files contribute; each is optional so this entry keeps working while they are written. */
const OPTIONAL: Array<{ file: string; exportName: string }> = [
  { file: './normalize.ts', exportName: 'benchNormalize' },
  { file: './dedupe.ts', exportName: 'benchDedupe' },
  { file: './dedupe-eval.ts', exportName: 'benchDedupeEval' },
  { file: './dedupe-dynamo.ts', exportName: 'benchDedupeDynamo' },
  { file: './sanitizer-path.ts', exportName: 'benchSanitizerPath' },
  { file: './anchor-log.ts', exportName: 'benchAnchorLog' },
  { file: './bundles.ts', exportName: 'benchBundles' },
  { file: './cli-startup.ts', exportName: 'benchCliStartup' },
  { file: './real-feeds.ts', exportName: 'benchRealFeeds' },
  { file: './adversarial.ts', exportName: 'benchAdversarial' },
  { file: './tagging.ts', exportName: 'benchTagging' },
];

async function optionalBench(file: string, exportName: string): Promise<Bench | undefined> {
  const path = fileURLToPath(new URL(file, import.meta.url));
  if (!existsSync(path)) return undefined;
  const module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  const bench = module[exportName];
  return typeof bench === 'function' ? (bench as Bench) : undefined;
}

async function section(title: string, run: () => Promise<BenchRow[]>): Promise<BenchRow[]> {
  process.stderr.write(`bench: ${title}...\n`);
  try {
    return await run();
  } catch (error) {
    return [
      { name: title, value: Number.NaN, unit: '', ok: false, note: `failed: ${(error as Error).message}` },
    ];
  }
}

function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    // Not a git checkout: the commit is only informative.
  }
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at the end, commit ${commit}, ${new Date().toISOString()}`;
}

function formatValue(row: BenchRow): string {
  if (Number.isNaN(row.value)) return '—';
  if (Math.abs(row.value) >= 1000) return Math.round(row.value).toLocaleString('en-US');
  return String(Number(row.value.toPrecision(4)));
}

function table(rows: readonly BenchRow[]): string {
  const lines = ['| benchmark | median | unit | target | met |', '| --- | ---: | --- | --- | --- |'];
  for (const row of rows) {
    const met = row.ok === undefined ? '' : row.ok ? 'yes' : '**no**';
    const name = row.note ? `${row.name} (${row.note})` : row.name;
    lines.push(`| ${name} | ${formatValue(row)} | ${row.unit} | ${row.target ?? ''} | ${met} |`);
  }
  return lines.join('\n');
}

process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
const rows: BenchRow[] = [];
// First, while this process is small and nothing of the run is still settling: a cold start is a fresh
// process on a quiet host, and the later sections leave a large heap and busy emulators behind.
const coldInit = await section('cold init per function', () => benchColdStart());
rows.push(...(await section('throughput vs feedparser, pipeline vs floor', () => benchPipeline())));
for (const { file, exportName } of OPTIONAL) {
  const bench = await optionalBench(file, exportName).catch(() => undefined);
  if (bench) rows.push(...(await section(exportName, bench)));
}
rows.push(...coldInit);
rows.push(...(await section('end-to-end latency', () => benchLatency())));
rows.push(...(await section('cost per million items', () => benchCost())));
process.stdout.write(`\nMachine: ${machine()}\n\n${table(rows)}\n`);
