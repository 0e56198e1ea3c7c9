import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/paths.ts';
import { tempDir } from '../support/temp-dir.ts';

const FIXTURES = `${PROJECT_ROOT}fixtures/dedupe/versions/`;

interface Published {
  readonly uri: string;
  /** ninjs 3.1 carries the version as a string. */
  readonly version: string;
  readonly bodies: { role: string; contentType: string; value: string }[];
  readonly headlines: { value: string }[];
}

const plainBody = (message: Published | undefined) =>
  message?.bodies.find((b) => b.contentType === 'text/plain')?.value ?? '';

/** `syndicate run` as a user runs it: each call one process, one state folder for the whole story. */
function run(state: string, outlet: string, ...files: string[]) {
  const result = spawnSync(
    process.execPath,
    [
      `${PROJECT_ROOT}bin/syndicate.js`,
      'run',
      '--state',
      state,
      '--outlet',
      outlet,
      ...files.map((f) => FIXTURES + f),
    ],
    { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 120_000 },
  );
  const published = result.stdout
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as Published);
  return { status: result.status, published, stderr: result.stderr };
}

describe('versions and copies of one story through syndicate run', () => {
  let state: ReturnType<typeof tempDir> | undefined;
  afterEach(() => state?.remove());

  it('takes the same outlet’s RSS re-send as a copy and its corrected RSS item as version 2 of the plain-text story', () => {
    state = tempDir();
    const first = run(state.path, 'lakeshore', 'story.txt');
    expect(first.status).toBe(0);
    expect(first.published).toHaveLength(1);
    const uri = first.published[0]?.uri;

    const resent = run(state.path, 'lakeshore', 'story.rss.xml');
    expect(resent.status).toBe(0);
    expect(resent.published).toHaveLength(0);
    expect(resent.stderr).toMatch(/1 duplicate\(s\)/);

    const corrected = run(state.path, 'lakeshore', 'story-corrected.rss.xml');
    expect(corrected.status).toBe(0);
    expect(corrected.published).toHaveLength(1);
    expect(corrected.published[0]).toMatchObject({ uri, version: '2' });
    expect(plainBody(corrected.published[0])).toContain('Correction: An earlier version');

    // Another outlet's copy-edited copy of the story is no new story.
    const copy = run(state.path, 'rivertown', 'story-copy.txt');
    expect(copy.status).toBe(0);
    expect(copy.published).toHaveLength(0);
    expect(copy.stderr).toMatch(/1 near-duplicate\(s\)/);
  });

  it('publishes a same-outlet plain-text update as the story’s next version, with its new text', () => {
    state = tempDir();
    const first = run(state.path, 'lakeshore', 'story.txt');
    const update = run(state.path, 'lakeshore', 'story-update.txt');
    expect(update.status).toBe(0);
    expect(update.published).toHaveLength(1);
    expect(update.published[0]).toMatchObject({ uri: first.published[0]?.uri, version: '2' });
    expect(update.published[0]?.headlines[0]?.value).toBe(
      'Harbor Board Approves Dredging Contract After Delay',
    );
    expect(update.stderr).toMatch(/1 new version\(s\)/);
  });

  it('keeps a weekly item with its own guid and link as a new item, not last week’s updated', () => {
    state = tempDir();
    const week1 = run(state.path, 'elmport', 'library-week-1.rss.xml');
    const week2 = run(state.path, 'elmport', 'library-week-2.rss.xml');
    expect(week2.status).toBe(0);
    expect(week2.published).toHaveLength(1);
    expect(week2.published[0]?.version).toBe('1');
    expect(week2.published[0]?.uri).not.toBe(week1.published[0]?.uri);
  });

  it('leaves consumers with the outlet’s last word when an item goes A → B → A in one run', () => {
    state = tempDir();
    const result = run(state.path, 'elmport', 'fare-a.rss.xml', 'fare-b.rss.xml', 'fare-a-again.rss.xml');
    expect(result.status).toBe(0);
    const newest = [...result.published].sort((a, b) => Number(b.version) - Number(a.version))[0];
    expect(plainBody(newest)).toContain('$4.20');
    // Every arrival is accounted for once, whichever order the stages took them in.
    const counts =
      /3 item\(s\) = (\d+) new \+ (\d+) new version\(s\) \+ (\d+) duplicate\(s\) \+ (\d+) near-duplicate\(s\) \+ 0 rejected(?: \+ (\d+) superseded)?; (\d+) published/.exec(
        result.stderr,
      );
    expect(counts).not.toBeNull();
    const [created, versions, duplicates, near, superseded, published] = (counts ?? []).slice(1).map(Number);
    expect((created ?? 0) + (versions ?? 0) + (duplicates ?? 0) + (near ?? 0) + (superseded || 0)).toBe(3);
    expect(published).toBe(result.published.length);
  });
});
