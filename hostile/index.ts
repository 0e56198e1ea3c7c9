import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOSTILE_CASES } from './cases.ts';
import { bundleChild, runChild, SAFETY_LIMITS, writeCase } from './run.ts';

// `npx tsx hostile/index.ts`: generates the hostile corpus in a temporary folder and prints what
// happened to each document (one process each), with its time and peak memory.
const dir = mkdtempSync(join(tmpdir(), 'syndicate-hostile-'));
try {
  const bundle = await bundleChild(dir);
  for (const [i, hostile] of HOSTILE_CASES.entries()) {
    const file = writeCase(dir, i, hostile);
    const outcome = await runChild(bundle, file, hostile.contentType);
    rmSync(file);
    const within = outcome.ms <= SAFETY_LIMITS.ms && outcome.peakMb <= SAFETY_LIMITS.peakMb;
    process.stdout.write(
      `${hostile.name}: ${outcome.status}${outcome.code ? ` (${outcome.code})` : ''}, ${outcome.items} item(s), ` +
        `${outcome.ms.toFixed(0)} ms CPU (${outcome.wallMs.toFixed(0)} ms wall), +${outcome.peakMb.toFixed(0)} MB${within ? '' : ' OVER LIMIT'}` +
        `${outcome.violations.length > 0 ? `, UNSAFE: ${outcome.violations.map((v) => `${v.path} ${v.sample}`).join('; ')}` : ''}` +
        `${outcome.status !== 'processed' ? `\n    ${outcome.reason}` : ''}\n`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
