import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../support/paths.ts';

/** Folders whose code runs from `npm test` or an npm script: none may read beside the repository. */
const FOLDERS = ['tests', 'bench', 'soak', 'hostile'];
/** A relative path in a string literal, e.g. `'../../x/'` or `"../y.ts"`. */
const RELATIVE_PATH = /['"`]((?:\.\.\/)+[^'"`$\s]*)/g;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.[cm]?[jt]s$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !path.includes('node_modules'));
}

describe('the repository is self-contained', () => {
  it('finds source files to check', () => {
    expect(sourceFiles(join(PROJECT_ROOT, 'tests')).length).toBeGreaterThan(50);
  });

  it.each(FOLDERS)('%s/ names no path outside the repository', (folder) => {
    const outside: string[] = [];
    for (const file of sourceFiles(join(PROJECT_ROOT, folder))) {
      const text = readFileSync(file, 'utf8');
      for (const [, path] of text.matchAll(RELATIVE_PATH)) {
        if (!path) continue;
        const target = resolve(dirname(file), path);
        if (relative(PROJECT_ROOT, target).startsWith('..'))
          outside.push(`${relative(PROJECT_ROOT, file)}: ${path}`);
      }
      if (/['"`]\/work\/shared/.test(text)) outside.push(`${relative(PROJECT_ROOT, file)}: /work/shared`);
    }
    expect(outside).toEqual([]);
  });
});
