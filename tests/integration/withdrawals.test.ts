import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ninjsErrors } from '../../lambdas/publish/validate.ts';
import { ORIGINAL_WITHDRAWN_REL } from '../../lambdas/publish/withdrawn.ts';
import { startTestPipeline, type TestPipeline } from '../support/local-pipeline.ts';
import { PROJECT_ROOT } from '../support/paths.ts';

const fixture = (name: string) => readFileSync(`${PROJECT_ROOT}fixtures/${name}`);

interface Received {
  readonly ninjs: {
    uri: string;
    version: string;
    pubStatus: string;
    representationType: string;
    headlines?: { value: string }[];
    bodies?: { value: string }[];
    associations?: { uri: string; rel: string; pubStatus?: string }[];
  };
  readonly attributes: Record<string, string | undefined>;
  readonly body: unknown;
}

async function received(test: TestPipeline): Promise<Received[]> {
  await test.pipeline.waitForIdle();
  return (await test.pipeline.drainOutput()).map(({ body, message }) => ({
    ninjs: JSON.parse(body),
    body: JSON.parse(body),
    attributes: Object.fromEntries(
      Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [name, value.StringValue]),
    ),
  }));
}

describe('a kill of an original with a syndicated copy, through the local pipeline', () => {
  let test: TestPipeline;
  let story: Received[];
  let copy: Received[];
  let kill: Received[];
  let again: Received[];

  beforeAll(async () => {
    // Long enough that a slow handler is not redelivered: these tests count messages.
    test = await startTestPipeline({ visibilityTimeout: 30, duplicatePolicy: 'flag' });
    await test.pipeline.ingest('lakeshore', fixture('withdrawals/story.ninjs.json'));
    story = await received(test);
    await test.pipeline.ingest('rivertown', fixture('dedupe/versions/story-copy.txt'));
    copy = await received(test);
    await test.pipeline.ingest('lakeshore', fixture('withdrawals/story-kill.ninjs.json'));
    kill = await received(test);
    // The same kill again (a new arrival, as a re-push is): it is in force already.
    await test.pipeline.ingest('lakeshore', fixture('withdrawals/story-kill.ninjs.json'));
    again = await received(test);
  }, 180_000);

  afterAll(async () => test?.close());

  it('first publishes the story and the other outlet’s copy, flagged as a near duplicate', () => {
    expect(story).toHaveLength(1);
    expect(copy).toHaveLength(1);
    expect(copy[0]?.attributes.decision).toBe('near-duplicate');
    expect(story[0]?.attributes.pubStatus).toBe('usable');
  });

  it('publishes the canceled version of the original and the flagged next version of the copy', () => {
    const original = story[0]?.ninjs;
    const copied = copy[0]?.ninjs;
    expect(kill).toHaveLength(2);
    const canceled = kill.find((m) => m.ninjs.uri === original?.uri);
    const flagged = kill.find((m) => m.ninjs.uri === copied?.uri);
    expect(canceled?.ninjs).toMatchObject({
      version: '2',
      pubStatus: 'canceled',
      representationType: 'partial',
    });
    expect(canceled?.ninjs.headlines?.[0]?.value).toMatch(/^KILL:/);
    expect(canceled?.attributes).toMatchObject({ pubStatus: 'canceled', decision: 'original-withdrawn' });
    expect(flagged?.ninjs).toMatchObject({
      version: '2',
      pubStatus: 'usable',
      representationType: 'partial',
    });
    expect(flagged?.ninjs.bodies).toBeUndefined();
    expect(flagged?.attributes.pubStatus).toBe('usable');
    expect(flagged?.ninjs.associations).toContainEqual(
      expect.objectContaining({ uri: original?.uri, rel: ORIGINAL_WITHDRAWN_REL, pubStatus: 'canceled' }),
    );
    for (const message of kill) expect(ninjsErrors(message.body)).toEqual([]);
  });

  it('publishes nothing for a second arrival of the same kill', () => {
    expect(again).toHaveLength(0);
  });

  it('publishes nothing for a kill of an item never seen, and loses no message', async () => {
    const unknown = JSON.stringify({ uri: 'urn:lakeshore:never-sent', pubStatus: 'withheld' });
    await test.pipeline.ingest('lakeshore', Buffer.from(unknown));
    expect(await received(test)).toHaveLength(0);
    expect(await test.pipeline.deadLetters()).toEqual([]);
  });
});
