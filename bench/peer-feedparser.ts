import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { median } from '../soak/stats.ts';

// Debian's packages install into the system interpreter, not a pyenv or venv one found first on PATH.
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const SCRIPT = fileURLToPath(new URL('./peer_feedparser.py', import.meta.url));
const PACKAGES = ['python3-feedparser', 'python3-bleach'];

export interface PeerRun {
  readonly itemsPerSecond: number;
  readonly items: number;
  readonly versions: string;
}

const importable = (): boolean =>
  spawnSync(PYTHON, ['-c', 'import feedparser, bleach'], { stdio: 'ignore', timeout: 30_000 }).status === 0;

/**
 * Makes sure feedparser and bleach are importable, installing the Debian
 * packages when they are not (the bench must run on a fresh clone). Returns why
 * the peer cannot run, or undefined when it can.
 */
export function ensurePeer(): string | undefined {
  if (importable()) return undefined;
  const aptGet = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' });
  if (aptGet.status !== 0) return `apt-get is not available to install ${PACKAGES.join(' ')}`;
  if (process.getuid?.() !== 0)
    return `installing ${PACKAGES.join(' ')} needs root (run: apt-get install -y ${PACKAGES.join(' ')})`;
  process.stderr.write(`bench: installing ${PACKAGES.join(' ')} with apt-get...\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update'], { stdio: 'ignore', env, timeout: 300_000 });
  if (update.status !== 0) return 'apt-get update failed (no network to the Debian mirror?)';
  const install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...PACKAGES], {
    stdio: 'ignore',
    env,
    timeout: 600_000,
  });
  if (install.status !== 0) return `apt-get install ${PACKAGES.join(' ')} failed`;
  return importable() ? undefined : `${PACKAGES.join(' ')} installed but not importable by ${PYTHON}`;
}

/** Runs the Python peer over a folder of documents, `runs` times in one process. */
export function runPeer(folder: string, runs: number): PeerRun {
  const result = spawnSync(PYTHON, [SCRIPT, folder, String(runs)], {
    encoding: 'utf8',
    timeout: 600_000,
    maxBuffer: 1024 * 1024,
  });
  if (result.status !== 0)
    throw new Error(`feedparser peer failed: ${result.stderr || result.error?.message}`);
  const out = JSON.parse(result.stdout.trim()) as {
    items: number;
    seconds: number[];
    feedparser: string;
    bleach: string;
  };
  return {
    items: out.items,
    itemsPerSecond: out.items / median(out.seconds),
    versions: `feedparser ${out.feedparser}, bleach ${out.bleach}`,
  };
}
