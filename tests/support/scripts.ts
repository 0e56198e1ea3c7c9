import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every `.js` file under a folder, recursively: for tests that search a dependency's own code. */
export function scriptsUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? scriptsUnder(join(dir, entry.name))
      : entry.name.endsWith('.js')
        ? [join(dir, entry.name)]
        : [],
  );
}
