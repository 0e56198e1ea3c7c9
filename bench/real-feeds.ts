import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { processOffline } from '../local/offline.ts';
import { median } from '../soak/stats.ts';
import { agreement, type PeerEntry } from './feed-agreement.ts';
import { ensurePeer, runPeer } from './peer-feedparser.ts';
import type { BenchRow } from './pipeline.ts';
import {
  type CorpusFile,
  mixedLanguageFeed,
  realFeedsCorpus,
  speedCorpus,
  tenFeeds,
} from './real-feeds-corpus.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
const PYTHON = '/usr/bin/python3';
const MIB = 1024 * 1024;
const RUNS = 5;
const PROCESS_RUNS = 3;
const RECEIVED_AT = '2026-12-01T00:00:00.000Z';
/** The URLs the hand-written real-feed fixtures were fetched from, given to both readers alike. */
const SOURCE_URLS: Record<string, string> = {
  'relative-rss.xml': 'https://lowfield.example.com/classifieds/feed.rss',
  'relative-atom.xml': 'https://ridgeway.example.net/blog/atom.xml',
};

function writeFiles(files: readonly CorpusFile[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'syndicate-real-feeds-'));
  for (const file of files) writeFileSync(join(dir, file.name), file.bytes);
  return dir;
}

async function inProcessRate(files: readonly CorpusFile[]): Promise<{ rate: number; items: number }> {
  const pass = async () => {
    let items = 0;
    for (const file of files)
      items += (await processOffline(file.bytes, { contentType: file.contentType, receivedAt: RECEIVED_AT }))
        .items.length;
    return items;
  };
  let items = await pass(); // warm-up: JIT, the language detector's model
  const seconds: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = process.hrtime.bigint();
    items = await pass();
    seconds.push(Number(process.hrtime.bigint() - started) / 1e9);
  }
  return { rate: items / median(seconds), items };
}

/** Wall-clock seconds of a whole process, median of PROCESS_RUNS, and what it printed the last time. */
function processSeconds(command: string, args: string[]): { seconds: number; stdout: string } {
  const seconds: number[] = [];
  let stdout = '';
  for (let run = 0; run < PROCESS_RUNS; run++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(command, args, {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      timeout: 600_000,
      maxBuffer: 512 * MIB,
    });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.error?.message}`);
    seconds.push(Number(process.hrtime.bigint() - started) / 1e9);
    stdout = result.stdout;
  }
  return { seconds: median(seconds), stdout };
}

const ratioRow = (name: string, ratio: number, target: number): BenchRow => ({
  name,
  value: Math.round(ratio * 100) / 100,
  unit: '×',
  target: `≥ ${target}×`,
  ok: ratio >= target,
});

export async function agreementRows(): Promise<BenchRow[]> {
  const real = `${PROJECT_ROOT}fixtures/feeds/real/`;
  const samples = `${PROJECT_ROOT}fixtures/samples/`;
  const dir = writeFiles(realFeedsCorpus(128 * 1024, 21));
  try {
    const paths = [
      ...readdirSync(dir).map((name) => join(dir, name)),
      ...readdirSync(real).map((name) => join(real, name)),
      ...readdirSync(samples)
        .filter((name) => name.endsWith('.xml'))
        .map((name) => join(samples, name)),
    ].sort();
    const base = (path: string) => SOURCE_URLS[path.slice(path.lastIndexOf('/') + 1)] ?? null;
    const peer = spawnSync(
      PYTHON,
      [
        fileURLToPath(new URL('./peer_fields.py', import.meta.url)),
        JSON.stringify(paths.map((p) => [p, base(p)])),
      ],
      { encoding: 'utf8', timeout: 600_000, maxBuffer: 256 * MIB },
    );
    if (peer.status !== 0) throw new Error(`feedparser fields failed: ${peer.stderr}`);
    const theirs = JSON.parse(peer.stdout) as Record<string, PeerEntry[]>;
    const documents = [];
    for (const path of paths) {
      const sourceUrl = base(path);
      const ours = await processOffline(readFileSync(path), {
        receivedAt: RECEIVED_AT,
        ...(sourceUrl ? { sourceUrl } : {}),
      });
      documents.push({ path, ours: ours.items, theirs: theirs[path] ?? [] });
    }
    const result = agreement(documents);
    for (const miss of result.disagreements.slice(0, 10))
      process.stderr.write(`bench: disagreement ${miss}\n`);
    return [
      {
        name: `real-feed agreement with feedparser on headline, link, date and body (${result.entries} entries in ${result.feeds} feeds; headline ${result.fields.headline}%, link ${result.fields.link}%, date ${result.fields.date}%, body ${result.fields.body}%)`,
        value: result.percent,
        unit: '%',
        target: '≥ 99%',
        ok: result.percent >= 99,
      },
      {
        name: 'real-feed agreement, lowest feed of 5+ entries',
        value: result.lowestFeed,
        unit: '%',
        target: '≥ 80%',
        ok: result.lowestFeed >= 80,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Feeds shaped like real ones (bench/real-feeds-corpus.ts): in-process throughput against feedparser
 * + bleach on the same four 1 MiB files in the same run; `syndicate parse` over ten 1 MiB feeds as a
 * whole process against the Python peer as a whole process; and agreement with feedparser.
 */
export async function benchRealFeeds(): Promise<BenchRow[]> {
  const why = ensurePeer();
  const corpus = speedCorpus(MIB);
  const ours = await inProcessRate(corpus);
  const mixed = await inProcessRate([mixedLanguageFeed(MIB)]);
  const rows: BenchRow[] = [
    {
      name: `real feeds in-process: parse+normalize+tag (${ours.items} items in four 1 MiB feeds: RSS, Atom, no language, JSON Feed; 1 core)`,
      value: Math.round(ours.rate),
      unit: 'items/s',
    },
    {
      name: `mixed-language 1 MiB feed in-process, every item detected (${mixed.items} items)`,
      value: Math.round(mixed.rate),
      unit: 'items/s',
    },
  ];
  const ten = tenFeeds(MIB);
  const tenDir = writeFiles(ten);
  const corpusDir = writeFiles(corpus);
  try {
    const files = ten.map((file) => join(tenDir, file.name));
    const parse = processSeconds(process.execPath, [`${PROJECT_ROOT}bin/syndicate.js`, 'parse', ...files]);
    const parsedItems = parse.stdout
      .split('\n')
      .filter((line) => line.length > 0)
      .reduce((sum, line) => sum + ((JSON.parse(line) as { items?: unknown[] }).items?.length ?? 0), 0);
    const parseRate = parsedItems / parse.seconds;
    rows.push({
      name: `syndicate parse, ten 1 MiB feeds, whole process (${parsedItems} items, ${parse.seconds.toFixed(2)} s)`,
      value: Math.round(parseRate),
      unit: 'items/s',
    });
    if (why) {
      rows.push({
        name: 'feedparser peer (real feeds)',
        value: Number.NaN,
        unit: '',
        note: `skipped: ${why}`,
      });
      return rows;
    }
    const peer = runPeer(corpusDir, RUNS);
    rows.push(
      {
        name: `${peer.versions} in-process, same four files`,
        value: Math.round(peer.itemsPerSecond),
        unit: 'items/s',
      },
      ratioRow('real feeds in-process vs feedparser', ours.rate / peer.itemsPerSecond, 5),
    );
    const script = fileURLToPath(new URL('./peer_feedparser.py', import.meta.url));
    const whole = processSeconds(PYTHON, [script, tenDir, '1']);
    const peerItems = (JSON.parse(whole.stdout.trim()) as { items: number }).items;
    const peerRate = peerItems / whole.seconds;
    rows.push(
      {
        name: `feedparser + bleach, same ten feeds, whole process (${peerItems} items, ${whole.seconds.toFixed(2)} s)`,
        value: Math.round(peerRate),
        unit: 'items/s',
      },
      ratioRow('syndicate parse vs feedparser, whole processes', parseRate / peerRate, 3),
      ...(await agreementRows()),
    );
    return rows;
  } finally {
    rmSync(tenDir, { recursive: true, force: true });
    rmSync(corpusDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  for (const row of await benchRealFeeds())
    process.stdout.write(
      `${row.name}: ${row.value} ${row.unit}${row.target ? ` (target ${row.target}: ${row.ok ? 'met' : 'NOT met'})` : ''}${row.note ? ` ${row.note}` : ''}\n`,
    );
}
