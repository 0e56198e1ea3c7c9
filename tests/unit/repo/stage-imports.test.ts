import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../support/paths.ts';

const LAMBDAS = join(PROJECT_ROOT, 'lambdas');
/** Relative module specifiers: static imports and re-exports, dynamic import() and type imports alike. */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;
/** What any stage may read besides its own folder and lambdas/shared: data, not code. */
const DATA = join(PROJECT_ROOT, 'schemas');

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(?:ts|mts|mjs|js)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every relative import in a folder that leaves it for somewhere not in `allowed`. */
function strayImports(folder: string, allowed: readonly string[]): string[] {
  const stray: string[] = [];
  for (const file of sources(folder)) {
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      if (!specifier) continue;
      const target = resolve(dirname(file), specifier);
      const inside = [folder, ...allowed].some((root) => !relative(root, target).startsWith('..'));
      if (!inside) stray.push(`${relative(PROJECT_ROOT, file)} imports ${specifier}`);
    }
  }
  return stray;
}

const stages = readdirSync(LAMBDAS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'shared')
  .map((entry) => entry.name);

describe('stage boundaries', () => {
  it('finds the stages', () => {
    expect(stages).toEqual(
      expect.arrayContaining(['ingest', 'normalize', 'dedupe', 'tag', 'publish', 'poller']),
    );
  });

  it.each(stages)('lambdas/%s imports only from itself and lambdas/shared', (stage) => {
    expect(strayImports(join(LAMBDAS, stage), [join(LAMBDAS, 'shared'), DATA])).toEqual([]);
  });

  it('lambdas/shared imports no stage', () => {
    expect(strayImports(join(LAMBDAS, 'shared'), [DATA])).toEqual([]);
  });
});
