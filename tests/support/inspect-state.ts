import { spawnSync } from 'node:child_process';
import { PROJECT_ROOT } from './paths.ts';

export const STORY = `${PROJECT_ROOT}fixtures/dedupe/versions/story.txt`;
export const NEAR_COPY = `${PROJECT_ROOT}fixtures/dedupe/versions/story-copy.txt`;
export const HOSTILE = `${PROJECT_ROOT}fixtures/inspect/hostile-headline.rss.xml`;

/** `syndicate` as a user runs it, in its own process; bounded by a timeout. */
export function syndicate(...args: string[]) {
  return spawnSync(process.execPath, [`${PROJECT_ROOT}bin/syndicate.js`, ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
}

/**
 * A state folder holding a story (lakeshore), another outlet's near copy of it
 * (rivertown) and an item whose headline carries markup characters (harborwatch).
 */
export function runInspectFixtures(state: string): void {
  for (const [outlet, file] of [
    ['lakeshore', STORY],
    ['rivertown', NEAR_COPY],
    ['harborwatch', HOSTILE],
  ] as const) {
    const result = syndicate('run', '--state', state, '--outlet', outlet, file);
    if (result.status !== 0)
      throw new Error(`syndicate run ${file} exited ${result.status}: ${result.stderr}`);
  }
}
