import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { conserved, formatSoak } from './report.ts';
import { runSoak } from './run-soak.ts';

// `npm run soak`: the full run (10,000 items by default), bounded in time, figures on stdout.
const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '10000' },
    'timeout-seconds': { type: 'string', default: '900' },
    restarts: { type: 'string', default: '2' },
    seed: { type: 'string', default: '9' },
  },
});
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
