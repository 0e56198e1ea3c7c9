import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { ninjsErrors } from '../../lambdas/publish/validate.ts';
import { PROJECT_ROOT, SEED_ARTICLE } from '../support/paths.ts';
import { tempDir } from '../support/temp-dir.ts';

/** Runs the real `syndicate` binary as a user would, in its own process. */
function syndicate(...args: string[]) {
  const result = spawnSync(process.execPath, [`${PROJECT_ROOT}bin/syndicate.js`, ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const lines = result.stdout.split('\n').filter((line) => line.length > 0);
  return { status: result.status, lines, stderr: result.stderr };
}

describe('the syndicate CLI contract', () => {
  const state = tempDir();
  afterAll(() => state.remove());

  it('run prints the seed as one ninjs line, then a duplicate on the second run with the same state', () => {
    const first = syndicate('run', '--state', state.path, SEED_ARTICLE);
    expect(first.status).toBe(0);
    expect(first.lines).toHaveLength(1);
    const ninjs = JSON.parse(first.lines[0] ?? '{}');
    expect(ninjsErrors(ninjs)).toEqual([]);
    expect(ninjs.headlines[0].value).toBe('Kremlin Tells Top Officials They Cannot Resign');
    expect(first.stderr).toMatch(
      /1 document\(s\) \(1 accepted, 0 rejected\), 1 item\(s\) = 1 new \+ 0 new version\(s\) \+ 0 duplicate\(s\) \+ 0 near-duplicate\(s\) \+ 0 rejected; 1 published/,
    );

    const second = syndicate('run', '--state', state.path, SEED_ARTICLE);
    expect(second.status).toBe(0);
    expect(second.lines).toHaveLength(0);
    expect(second.stderr).toMatch(
      /1 item\(s\) = 0 new \+ 0 new version\(s\) \+ 1 duplicate\(s\) .*; 0 published/,
    );
  });

  it('run exits 1 and names the reason when a document is rejected, still publishing the others', () => {
    const fresh = tempDir();
    try {
      const result = syndicate(
        'run',
        '--state',
        fresh.path,
        '--outlet',
        'mixed',
        SEED_ARTICLE,
        `${PROJECT_ROOT}fixtures/bad`,
      );
      expect(result.status).toBe(1);
      expect(result.lines).toHaveLength(1);
      expect(result.stderr).toMatch(
        /rejected document .*not-a-feed\.html at normalize: document is an HTML page, not a feed/,
      );
    } finally {
      fresh.remove();
    }
  });

  it('parse prints one JSON line per document, with the error for a rejected one', () => {
    const result = syndicate('parse', SEED_ARTICLE, `${PROJECT_ROOT}fixtures/bad/not-a-feed.html`);
    expect(result.status).toBe(1);
    const [seed, bad] = result.lines.map((line) => JSON.parse(line));
    expect(seed.path).toBe(SEED_ARTICLE);
    expect(seed.feed).toBeNull();
    expect(seed.items).toHaveLength(1);
    expect(ninjsErrors(seed.items[0])).toEqual([]);
    expect(bad.error).toMatch(/HTML page/);
  });

  it('exits 2 on usage errors', () => {
    expect(syndicate('run').status).toBe(2);
    expect(syndicate('run', '--outlet', 'Bad Outlet!', SEED_ARTICLE).status).toBe(2);
    expect(syndicate('run', '/no/such/file').status).toBe(2);
    expect(syndicate('frobnicate').status).toBe(2);
  });
});
