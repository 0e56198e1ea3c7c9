import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { argv } from 'node:process';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { ESBUILD_OPTIONS, handlerEntry } from '../lib/bundling.ts';

/** The budget per function: code Lambda must load and parse at every cold start. */
export const BUNDLE_LIMIT_BYTES = 1024 * 1024;

export const FUNCTIONS = ['normalize', 'dedupe', 'tag', 'publish', 'ingest', 'poller'] as const;

export interface BundleSize {
  readonly name: string;
  /** Minified ESM bundle (index.mjs), as shipped; the source map is a separate file. */
  readonly bytes: number;
  readonly gzipBytes: number;
  /** The three largest inputs, to show where the bytes go. */
  readonly largest: { path: string; bytes: number }[];
  /** Modules left out of the bundle that it imports statically: Lambda must resolve each at init. */
  readonly staticImports: string[];
  /** Of the bundle's code, to tell whether another build produced the same. */
  readonly sha256: string;
}

/** Bundles one function with the options the stack gives NodejsFunction (lib/bundling.ts). */
export async function measureBundle(name: string): Promise<BundleSize> {
  const result = await build({
    ...ESBUILD_OPTIONS,
    entryPoints: [handlerEntry(name)],
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const byPackage = new Map<string, number>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) {
      const pkg =
        /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? path.split('/').slice(0, 2).join('/');
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + input.bytesInOutput);
    }
  }
  const largest = [...byPackage.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([path, bytes]) => ({ path, bytes }));
  const staticImports = Object.values(result.metafile.outputs).flatMap((o) =>
    o.imports.filter((i) => i.external && i.kind === 'import-statement').map((i) => i.path),
  );
  return {
    name,
    bytes: code.byteLength,
    gzipBytes: gzipSync(code).byteLength,
    largest,
    staticImports: [...new Set(staticImports)].sort(),
    sha256: createHash('sha256').update(code).digest('hex'),
  };
}

/** Bundle size per function that exists, in bytes (and gzip, roughly the deployment zip). */
export async function benchBundles(): Promise<{ name: string; value: number; unit: string }[]> {
  const rows: { name: string; value: number; unit: string }[] = [];
  for (const name of FUNCTIONS) {
    if (!existsSync(handlerEntry(name))) continue;
    const size = await measureBundle(name);
    rows.push({ name: `bundle ${name}`, value: size.bytes, unit: 'bytes' });
    rows.push({ name: `bundle ${name} (gzip)`, value: size.gzipBytes, unit: 'bytes' });
  }
  return rows;
}

async function main(): Promise<void> {
  let over = 0;
  for (const name of FUNCTIONS) {
    if (!existsSync(handlerEntry(name))) continue;
    const size = await measureBundle(name);
    const ok = size.bytes <= BUNDLE_LIMIT_BYTES;
    if (!ok) over++;
    const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
    const top = size.largest.map((l) => `${l.path} ${kib(l.bytes)}`).join(', ');
    process.stdout.write(
      `${name.padEnd(10)} ${kib(size.bytes).padStart(9)}  gzip ${kib(size.gzipBytes).padStart(8)}  ${ok ? 'ok ' : 'OVER'}  largest: ${top}\n`,
    );
  }
  process.stdout.write(`limit ${BUNDLE_LIMIT_BYTES} bytes per function; ${over} over\n`);
  process.exitCode = over > 0 ? 1 : 0;
}

if (argv[1] && fileURLToPath(import.meta.url) === argv[1]) await main();
