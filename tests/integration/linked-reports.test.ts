import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { ninjsErrors } from '../../lambdas/publish/validate.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import { tempDir } from '../support/temp-dir.ts';

const FIXTURES = `${PROJECT_ROOT}fixtures/dedupe/events/`;

interface Published {
  readonly uri: string;
  readonly altIds: { role: string; value: string }[];
  readonly associations?: { name: string; uri: string; rel: string }[];
}

function run(state: string, outlet: string, file: string) {
  const result = spawnSync(
    process.execPath,
    [`${PROJECT_ROOT}bin/syndicate.js`, 'run', '--state', state, '--outlet', outlet, FIXTURES + file],
    { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 120_000 },
  );
  expect(result.status, result.stderr).toBe(0);
  const lines = result.stdout.split('\n').filter((line) => line.length > 0);
  expect(lines).toHaveLength(1);
  const message = JSON.parse(lines[0] ?? '') as Published;
  expect(ninjsErrors(message)).toEqual([]);
  return message;
}

const eventOf = (m: Published) => m.altIds.find((a) => a.role === 'syndicate:event-id')?.value;
const linksOf = (m: Published) => (m.associations ?? []).filter((a) => a.rel === 'syndicate:same-event-as');

describe('linked reports through syndicate run', () => {
  let state: ReturnType<typeof tempDir> | undefined;
  afterEach(() => state?.remove());

  it('publishes two outlets’ reports of one event as two stories sharing an event id, the later linked to the earlier', () => {
    state = tempDir();
    const first = run(state.path, 'courant', 'a-quarrybrook-bridge.txt');
    const second = run(state.path, 'herald', 'b-fork-valley-bridge.txt');
    const other = run(state.path, 'herald', 'c-quarrybrook-water-main.txt');

    expect(second.uri).not.toBe(first.uri);
    expect(eventOf(first)).toMatch(/^event-/);
    expect(eventOf(second)).toBe(eventOf(first));
    expect(linksOf(second)).toEqual([
      { name: 'earlier report of the same event', uri: first.uri, rel: 'syndicate:same-event-as' },
    ]);
    expect(linksOf(first)).toEqual([]);
    // Same town, official and day, another event: a story and an event of its own.
    expect(eventOf(other)).not.toBe(eventOf(first));
    expect(linksOf(other)).toEqual([]);
  });
});
