import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtCliEntry, CLI_OUT_DIR } from '../../../bin/cli-build.mjs';
import { tempDir } from '../../support/temp-dir.ts';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});

/** A fake project: one source file and a manifest saying the build started at builtAt. */
function project(builtAt: number) {
  const dir = tempDir('syndicate-cli-build-');
  dirs.push(dir);
  mkdirSync(join(dir.path, CLI_OUT_DIR), { recursive: true });
  writeFileSync(join(dir.path, 'main.ts'), 'export {};\n');
  const seconds = (builtAt - 60_000) / 1000;
  utimesSync(join(dir.path, 'main.ts'), seconds, seconds);
  writeFileSync(
    join(dir.path, CLI_OUT_DIR, 'build.json'),
    JSON.stringify({ entry: 'main.mjs', builtAt, inputs: ['main.ts'] }),
  );
  return dir.path;
}

describe('choosing the built CLI', () => {
  it('uses the build when every source is older than it', () => {
    const root = project(Date.now());
    expect(builtCliEntry(root)).toMatch(/^file:.*\/dist\/cli\/main\.mjs$/);
  });

  it('falls back to the sources when one was edited after the build', () => {
    const root = project(Date.now() - 3_600_000);
    utimesSync(join(root, 'main.ts'), new Date(), new Date());
    expect(builtCliEntry(root)).toBeUndefined();
  });

  it('falls back when a source is gone or there is no build', () => {
    const root = project(Date.now());
    rmSync(join(root, 'main.ts'));
    expect(builtCliEntry(root)).toBeUndefined();
    rmSync(join(root, CLI_OUT_DIR), { recursive: true });
    expect(builtCliEntry(root)).toBeUndefined();
  });
});
