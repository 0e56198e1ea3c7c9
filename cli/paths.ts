import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './usage-error.ts';

/** Expands files and folders (recursively, sorted, hidden entries skipped) into a list of files. */
export function expandPaths(paths: readonly string[]): string[] {
  const files: string[] = [];
  const visit = (path: string, depth: number) => {
    if (depth > 32) throw new UsageError(`${path}: folders nested too deeply`);
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(path);
    } catch {
      throw new UsageError(`${path}: no such file or folder`);
    }
    if (stats.isDirectory()) {
      for (const entry of readdirSync(path).sort()) {
        if (!entry.startsWith('.')) visit(join(path, entry), depth + 1);
      }
    } else if (stats.isFile()) {
      files.push(path);
    }
  };
  for (const path of paths) visit(path, 0);
  return files;
}
