import { spawnSync } from 'node:child_process';
import { buildCli, builtCliEntry, PROJECT_ROOT } from '../bin/cli-build.mjs';
import { median } from '../soak/stats.ts';
import type { BenchRow } from './pipeline.ts';

const RUNS = 7;
const TARGET_RATIO = 3;

/** Wall time of one whole process, start to exit, in milliseconds. */
function timeProcess(args: readonly string[]): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: PROJECT_ROOT, stdio: 'ignore', timeout: 60_000 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${result.status}`);
  return ms;
}

/**
 * `syndicate --help` as a whole process against bare `node -e 0`, alternating so
 * both see the same load: what a user waits for before any command does work.
 * It measures the build `npm ci` makes, as the README's path runs it.
 */
export async function benchCliStartup(): Promise<BenchRow[]> {
  if (!builtCliEntry()) await buildCli();
  const bare: number[] = [];
  const cli: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    bare.push(timeProcess(['-e', '0']));
    cli.push(timeProcess(['bin/syndicate.js', '--help']));
  }
  const ratio = median(cli) / median(bare);
  return [
    {
      name: `CLI start-up: node bin/syndicate.js --help (median of ${RUNS})`,
      value: Math.round(median(cli)),
      unit: 'ms',
    },
    {
      name: `CLI start-up reference: node -e 0 (median of ${RUNS})`,
      value: Math.round(median(bare)),
      unit: 'ms',
    },
    {
      name: 'CLI start-up vs node -e 0',
      value: Math.round(ratio * 100) / 100,
      unit: '×',
      target: `≤ ${TARGET_RATIO}×`,
      ok: ratio <= TARGET_RATIO,
    },
  ];
}
