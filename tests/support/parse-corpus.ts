import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { realFeedsCorpus } from '../../bench/real-feeds-corpus.ts';
import { PROJECT_ROOT } from './paths.ts';
import { tempDir } from './temp-dir.ts';

/**
 * The fixed corpus whose `syndicate parse` output must not change when normalize gets faster: the
 * generated real-feed shapes (small, same seed as the bench) and the hand-written real-feed fixtures.
 * Every item in it carries its own date, so no output depends on when it runs.
 */
export const EXPECTED_PARSE_OUTPUT = `${PROJECT_ROOT}fixtures/parse-corpus/expected.jsonl`;
const GENERATED_BYTES = 24 * 1024;

export function writeParseCorpus(dir: string): string[] {
  const files: string[] = [];
  for (const file of realFeedsCorpus(GENERATED_BYTES)) {
    writeFileSync(join(dir, file.name), file.bytes);
    files.push(join(dir, file.name));
  }
  const real = `${PROJECT_ROOT}fixtures/feeds/real/`;
  for (const name of readdirSync(real).sort()) {
    copyFileSync(join(real, name), join(dir, name));
    files.push(join(dir, name));
  }
  return files;
}

/** `syndicate parse` over the corpus as a user runs it, paths reduced to file names. */
export function parseCorpusOutput(): { status: number | null; output: string; stderr: string } {
  const dir = tempDir('syndicate-parse-corpus-');
  try {
    const files = writeParseCorpus(dir.path);
    const result = spawnSync(process.execPath, [`${PROJECT_ROOT}bin/syndicate.js`, 'parse', ...files], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    const output = result.stdout
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => {
        const record = JSON.parse(line) as { path: string };
        return JSON.stringify({ ...record, path: basename(record.path) });
      })
      .join('\n');
    return { status: result.status, output: `${output}\n`, stderr: result.stderr };
  } finally {
    dir.remove();
  }
}

// `npx tsx tests/support/parse-corpus.ts --write` regenerates the expected output: only for a change
// that is meant to alter what parse prints, never to make a speed-up pass.
if (
  process.argv[1] &&
  fileURLToPath(import.meta.url) === process.argv[1] &&
  process.argv.includes('--write')
) {
  const { status, output, stderr } = parseCorpusOutput();
  if (status !== 0) throw new Error(`syndicate parse failed: ${stderr}`);
  writeFileSync(EXPECTED_PARSE_OUTPUT, output);
}
