import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ninjsErrors } from '../../lambdas/publish/validate.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import { tempDir } from '../support/temp-dir.ts';

function syndicate(...args: string[]) {
  const result = spawnSync(process.execPath, [`${PROJECT_ROOT}bin/syndicate.js`, ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const lines = result.stdout.split('\n').filter((line) => line.length > 0);
  return { status: result.status, lines, stderr: result.stderr };
}

describe('syndicate run with an embargoed ninjs push', () => {
  const state = tempDir();
  afterAll(() => state.remove());

  it('holds it in one run, reports it, and the first run after its time prints it', async () => {
    const until = new Date(Date.now() + 15_000);
    const story = JSON.parse(readFileSync(`${PROJECT_ROOT}fixtures/withdrawals/story.ninjs.json`, 'utf8'));
    // Written into the run's own temporary folder: the embargo is relative to now.
    const input = join(state.path, 'embargoed.ninjs.json');
    writeFileSync(input, JSON.stringify({ ...story, embargoedUntil: until.toISOString() }));

    const first = syndicate('run', '--state', join(state.path, 'state'), input);
    expect(first.status).toBe(0);
    expect(first.lines).toEqual([]);
    expect(first.stderr).toMatch(
      /1 item\(s\) = 1 new .*; 0 published \(0 message\(s\) on the output queue\); 1 held under embargo/,
    );
    expect(first.stderr).toContain(`until ${until.toISOString()}`);

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, until.getTime() - Date.now() + 500)));
    const second = syndicate('run', '--state', join(state.path, 'state'), input);
    expect(second.status).toBe(0);
    // The same document again is a duplicate; what goes out is the held item, released.
    expect(second.lines).toHaveLength(1);
    const ninjs = JSON.parse(second.lines[0] ?? '{}');
    expect(ninjsErrors(ninjs)).toEqual([]);
    expect(ninjs.embargoedUntil).toBe(until.toISOString());
    expect(ninjs.headlines[0].value).toBe(story.headlines[0].value);
    expect(second.stderr).toContain('1 held item(s) released from embargo');
  }, 240_000);
});
