import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoAnchorLog, type LoggedStory } from '../../lambdas/dedupe/anchor-log.ts';
import { sha256Hex } from '../../lambdas/shared/hash.ts';
import { startTestPipeline, type TestPipeline } from '../support/local-pipeline.ts';

let running: TestPipeline;
beforeAll(async () => {
  running = await startTestPipeline();
});
afterAll(async () => {
  await running.close();
});

const stories = (prefix: string, count: number): LoggedStory[] =>
  Array.from({ length: count }, (_, i) => ({
    fingerprint: sha256Hex(`${prefix}${i}`),
    expiresAt: 2_000_000_000,
    anchors: Uint32Array.of(i, i + 1),
  }));

describe('the anchor log on DynamoDB', () => {
  it('returns what was written since a time, across days and oldest first, and nothing before it', async () => {
    const log = new DynamoAnchorLog(running.pipeline.clients.dynamodb, running.pipeline.resources.table);
    const day = Date.parse('2026-03-01T23:59:59.000Z');
    await log.write(stories('before', 1), day - 60_000);
    await log.write(stories('late', 2), day);
    await log.write(stories('next-day', 1), day + 2_000);
    const segments = await log.readSince(day - 1_000, day + 5_000);
    expect(segments.map((s) => s.stories.map((t) => t.fingerprint))).toEqual([
      [sha256Hex('late0'), sha256Hex('late1')],
      [sha256Hex('next-day0')],
    ]);
    expect(segments[0]?.stories[1]?.anchors).toEqual(Uint32Array.of(1, 2));
  });

  it('splits a batch too large for one item, and reads every part back', async () => {
    const log = new DynamoAnchorLog(running.pipeline.clients.dynamodb, running.pipeline.resources.table);
    const at = Date.parse('2026-04-01T12:00:00.000Z');
    await log.write(stories('big', 4_500), at);
    const segments = await log.readSince(at, at);
    expect(segments.map((s) => s.stories.length)).toEqual([2_000, 2_000, 500]);
    expect(new Set(segments.flatMap((s) => s.stories.map((t) => t.fingerprint))).size).toBe(4_500);
  });
});
