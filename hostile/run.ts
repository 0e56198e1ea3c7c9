import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { HostileCase } from './cases.ts';
import type { ChildOutcome } from './child.ts';

export const SAFETY_LIMITS = { ms: 10_000, peakMb: 256 } as const;

/** Writes each case's bytes to `dir` (generated, never stored in the repository). */
export function writeCase(dir: string, index: number, hostile: HostileCase): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${String(index).padStart(2, '0')}.bin`);
  writeFileSync(file, hostile.build());
  return file;
}

/** Bundles the child runner once, so each document's process starts in tens of milliseconds, not seconds. */
export async function bundleChild(dir: string): Promise<string> {
  const outfile = join(dir, 'hostile-child.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./child.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    outfile,
    logLevel: 'silent',
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
  return outfile;
}

/** Runs one document in a fresh process, killed if it outlives three times the time limit. */
export function runChild(bundle: string, file: string, contentType?: string): Promise<ChildOutcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bundle, file, ...(contentType ? [contentType] : [])], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '', POWERTOOLS_METRICS_DISABLED: 'true' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString();
    });
    const started = performance.now();
    const timer = setTimeout(() => child.kill('SIGKILL'), SAFETY_LIMITS.ms * 3);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(line) as ChildOutcome);
      } catch {
        resolve({
          status: 'crashed',
          reason: `child exited with ${signal ?? code}: ${stderr.split('\n').slice(0, 5).join(' | ')}`,
          items: 0,
          itemErrors: 0,
          violations: [],
          ms: Number.NaN,
          wallMs: performance.now() - started,
          peakMb: Number.NaN,
        });
      }
    });
  });
}
