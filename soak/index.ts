import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPORTED_PLANS, runArrivalProperty } from './arrival-property.ts';
import { conserved, formatSoak } from './report.ts';
import { runSoak } from './run-soak.ts';

// `npm run soak`: the full run (10,000 items by default), bounded in time, figures on stdout.
// `npm run soak -- --arrival-runs N [--seed S]`: instead, the arrival property over N random plans.
const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '10000' },
    'timeout-seconds': { type: 'string', default: '900' },
    restarts: { type: 'string', default: '2' },
    seed: { type: 'string', default: '9' },
    'arrival-runs': { type: 'string' },
  },
});
if (values['arrival-runs'] !== undefined) {
  const runs = Number(values['arrival-runs']);
  if (!Number.isInteger(runs) || runs <= 0) {
    process.stderr.write('usage: tsx soak/index.ts --arrival-runs N [--seed N]\n');
    process.exit(2);
  }
  let done = 0;
  const lastWord: string[] = [];
  await runArrivalProperty({
    runs: REPORTED_PLANS.length + runs,
    seed: Number(values.seed),
    root: new URL('../', import.meta.url).pathname,
    examples: REPORTED_PLANS,
    onRun: (_plan, check) => {
      done++;
      lastWord.push(...check.lastWord.map((text) => `run ${done}: ${text}`));
      process.stdout.write(
        `arrivals run ${done}: ${check.arrivals} arrival(s), ${check.published} published, ${check.violations.length} violation(s), ${check.lastWord.length} last-word miss(es)\n`,
      );
    },
  });
  process.stdout.write(`arrival property held over ${done} run(s), seed ${values.seed}\n`);
  for (const line of lastWord) process.stdout.write(`  last word not newest: ${line}\n`);
  process.exit(0);
}
const items = Number(values.items);
const timeoutMs = Number(values['timeout-seconds']) * 1000;
if (!Number.isInteger(items) || items <= 0 || !(timeoutMs > 0)) {
  process.stderr.write(
    'usage: tsx soak/index.ts [--items N] [--timeout-seconds S] [--restarts N] [--seed N]\n',
  );
  process.exit(2);
}
const stateDir = mkdtempSync(join(tmpdir(), 'syndicate-soak-'));
const watchdog = setTimeout(() => {
  process.stderr.write(`soak: gave up after ${timeoutMs + 60_000} ms\n`);
  process.exit(3);
}, timeoutMs + 60_000);
watchdog.unref();
try {
  const result = await runSoak({
    stateDir,
    items,
    timeoutMs,
    s3Restarts: Number(values.restarts),
    seed: Number(values.seed),
  });
  process.stdout.write(`${formatSoak(result)}\n`);
  process.exitCode = conserved(result) ? 0 : 1;
} finally {
  rmSync(stateDir, { recursive: true, force: true });
}
