import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { builtCliEntry } from '../../bin/cli-build.mjs';
import { PROJECT_ROOT } from '../support/paths.ts';

const SAMPLES = `${PROJECT_ROOT}fixtures/samples`;
/** Runs cli/main.ts from the TypeScript sources through tsx, as bin/syndicate.js does without a build. */
const FROM_SOURCES = [
  '--import',
  'tsx',
  '--input-type=module',
  '-e',
  "const { main } = await import('./cli/main.ts'); process.exitCode = await main(process.argv.slice(1));",
];

function node(args: string[]) {
  const result = spawnSync(process.execPath, args, { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Items without a date of their own are dated at receipt: mask the times of this run only. */
function maskReceiptTimes(text: string, from: number, to: number): string {
  return text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g, (iso) => {
    const time = Date.parse(iso);
    return time >= from - 1000 && time <= to + 1000 ? '<receipt>' : iso;
  });
}

describe('the built CLI', () => {
  it('is current, so the tests that spawn bin/syndicate.js run the build', () => {
    expect(builtCliEntry()).toBeDefined();
  });

  it('prints byte for byte what the sources print', () => {
    const from = Date.now();
    const built = node(['bin/syndicate.js', 'parse', SAMPLES]);
    const sources = node([...FROM_SOURCES, 'parse', SAMPLES]);
    const to = Date.now();
    expect(built.status).toBe(0);
    expect(built.stdout.split('\n').length).toBeGreaterThan(3);
    expect({ ...built, stdout: maskReceiptTimes(built.stdout, from, to) }).toEqual({
      ...sources,
      stdout: maskReceiptTimes(sources.stdout, from, to),
    });
  });
});
