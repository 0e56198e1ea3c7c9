// The compiled `syndicate` CLI: built from cli/main.ts with the local esbuild at `npm ci` (`prepare`),
// so a command starts without compiling TypeScript first. Plain JavaScript because bin/syndicate.js
// loads it before anything can compile TypeScript.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Gitignored; `npm ci` and `npm run build:cli` write it. */
export const CLI_OUT_DIR = 'dist/cli';
const MANIFEST = 'build.json';

/**
 * The built CLI's entry as a file URL, or undefined when it is missing or older
 * than any source it was built from (an edit since the last build): then the
 * caller runs the sources instead, so the CLI never runs stale code.
 * The manifest lists every source file the build read, with the build's start time.
 */
export function builtCliEntry(root = PROJECT_ROOT) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(root, CLI_OUT_DIR, MANIFEST), 'utf8'));
  } catch {
    return undefined;
  }
  for (const input of manifest.inputs) {
    try {
      if (statSync(join(root, input)).mtimeMs > manifest.builtAt) return undefined;
    } catch {
      return undefined;
    }
  }
  return pathToFileURL(join(root, CLI_OUT_DIR, manifest.entry)).href;
}

/**
 * Bundles the CLI's own sources (the same files the Lambdas are bundled from),
 * one chunk per command so a command loads only its own modules; packages stay
 * in node_modules, loaded exactly as when the sources run through tsx.
 */
export async function buildCli(root = PROJECT_ROOT) {
  const { build } = await import('esbuild');
  const { mkdirSync, rmSync, writeFileSync } = await import('node:fs');
  const builtAt = Date.now();
  const outdir = join(root, CLI_OUT_DIR);
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['cli/main.ts'],
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs).sort();
  const manifest = { entry: 'main.mjs', builtAt, inputs };
  writeFileSync(join(outdir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return { outdir, inputs: inputs.length };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { outdir, inputs } = await buildCli();
  process.stderr.write(`syndicate CLI built from ${inputs} source files into ${outdir}\n`);
}
