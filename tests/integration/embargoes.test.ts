import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ninjsErrors } from '../../lambdas/publish/validate.ts';
import { startTestPipeline, type TestPipeline } from '../support/local-pipeline.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import { tempDir } from '../support/temp-dir.ts';

const story = JSON.parse(readFileSync(`${PROJECT_ROOT}fixtures/withdrawals/story.ninjs.json`, 'utf8'));
const kill = readFileSync(`${PROJECT_ROOT}fixtures/withdrawals/story-kill.ninjs.json`);

/** Stories that share no text, so dedupe takes none for a copy of another. */
const TEXTS = {
  budget: [
    'City Council Sets Budget Vote for Friday',
    'The Port Calder city council will vote on Friday on a budget that raises library hours and cuts the road repair fund by a tenth.',
    'Mayor Irene Castell said the savings would pay for two new bus routes to the east side, where residents have asked for them since spring.',
  ],
  ferry: [
    'Ferry Service Returns After Winter Repairs',
    'The island ferry resumed its crossings on Monday after eleven weeks in dry dock, where crews replaced both engines and the passenger deck.',
    'Operators expect the first weekend to sell out and advised travellers to book seats early, since the summer timetable starts a week late.',
  ],
  school: [
    'School District Names New Superintendent',
    'The Lakeshore school board on Wednesday chose Daniel Okafor, a former high school science teacher, to lead the district from July.',
    'Okafor said his first priority would be filling forty open teaching posts before the autumn term, mostly in mathematics and special education.',
  ],
} as const;

/** A ninjs story of its own under `uri`, embargoed until `until`. */
function embargoedStory(uri: string, until: Date, text: keyof typeof TEXTS): Buffer {
  const [headline, ...paragraphs] = TEXTS[text];
  return Buffer.from(
    JSON.stringify({
      ...story,
      uri,
      embargoedUntil: until.toISOString(),
      headlines: [{ role: 'main', value: headline }],
      bodies: [{ role: 'main', contentType: 'text/plain', value: paragraphs.join('\n\n') }],
    }),
  );
}

/** A clock the test moves: the pipeline decides embargoes by it, the emulators keep real time. */
class Clock {
  offsetMs = 0;
  readonly now = () => new Date(Date.now() + this.offsetMs);
}

interface Received {
  readonly ninjs: {
    uri: string;
    version: string;
    embargoedUntil?: string;
    pubStatus: string;
    headlines: { value: string }[];
  };
  readonly body: unknown;
  readonly attributes: Record<string, string | undefined>;
  readonly at: number;
}

async function received(test: TestPipeline): Promise<Received[]> {
  await test.pipeline.waitForIdle();
  return drained(test);
}

async function drained(test: TestPipeline): Promise<Received[]> {
  return (await test.pipeline.drainOutput()).map(({ body, message }) => ({
    ninjs: JSON.parse(body),
    body: JSON.parse(body),
    attributes: Object.fromEntries(
      Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [name, value.StringValue]),
    ),
    at: Date.now(),
  }));
}

describe('an embargoed item held across a pipeline restart', () => {
  const state = tempDir();
  const clock = new Clock();
  const until = new Date(Date.now() + 3_600_000);
  const uri = 'urn:newsml:lakeshore.example:2026:budget-embargoed';
  let first: TestPipeline | undefined;
  let second: TestPipeline | undefined;
  let beforeRelease: Received[] = [];
  let heldBefore: Awaited<ReturnType<TestPipeline['pipeline']['heldItems']>> = [];
  let sweptEarly = -1;
  let afterRestart: Received[] = [];
  let againAfter: Received[] = [];

  beforeAll(async () => {
    first = await startTestPipeline({ stateDir: state.path, visibilityTimeout: 30, now: clock.now });
    await first.pipeline.ingest('lakeshore', embargoedStory(uri, until, 'budget'));
    await first.pipeline.ingest(
      'lakeshore',
      readFileSync(`${PROJECT_ROOT}fixtures/withdrawals/story.ninjs.json`),
    );
    beforeRelease = await received(first);
    heldBefore = await first.pipeline.heldItems();
    sweptEarly = (await first.pipeline.sweepHeld()).released;
    beforeRelease.push(...(await drained(first)));
    await first.close();
    first = undefined;
    // A new pipeline over the same state folder, its clock past the embargo: the timers died with the first.
    clock.offsetMs = 2 * 3_600_000;
    second = await startTestPipeline({ stateDir: state.path, visibilityTimeout: 30, now: clock.now });
    afterRestart = await received(second);
    await second.pipeline.sweepHeld();
    againAfter = await received(second);
  }, 180_000);

  afterAll(async () => {
    await first?.close();
    await second?.close();
    state.remove();
  });

  it('publishes only the item without an embargo before its time, and holds the other durably', () => {
    expect(beforeRelease.map((m) => m.ninjs.headlines[0]?.value)).toEqual([story.headlines[0].value]);
    expect(beforeRelease[0]?.ninjs.embargoedUntil).toBeUndefined();
    expect(heldBefore).toEqual([
      expect.objectContaining({ uri: expect.stringMatching(/^urn:syndicate:/), version: 1 }),
    ]);
    expect(heldBefore[0]?.until).toBe(until.toISOString());
    expect(sweptEarly).toBe(0);
  });

  it('releases it once the clock passes the embargo, after a restart, ninjs-valid and once', async () => {
    expect(afterRestart).toHaveLength(1);
    const released = afterRestart[0];
    expect(released?.ninjs).toMatchObject({
      version: '1',
      embargoedUntil: until.toISOString(),
      pubStatus: 'usable',
    });
    expect(released?.ninjs.headlines[0]?.value).toBe(TEXTS.budget[0]);
    expect(released?.attributes.decision).toBe('new');
    expect(ninjsErrors(released?.body)).toEqual([]);
    expect(againAfter).toEqual([]);
    expect(await second?.pipeline.heldItems()).toEqual([]);
    expect(await second?.pipeline.deadLetters()).toEqual([]);
  });
});

describe('an embargo released by its timer, and one canceled by a kill', () => {
  let test: TestPipeline;
  const clock = new Clock();

  beforeAll(async () => {
    test = await startTestPipeline({ visibilityTimeout: 30, now: clock.now });
  }, 60_000);

  afterAll(async () => test?.close());

  it('sends nothing before the embargo and the item at it, with no sweep', async () => {
    const until = new Date(Date.now() + 8_000);
    await test.pipeline.ingest(
      'lakeshore',
      embargoedStory('urn:newsml:lakeshore.example:2026:soon', until, 'ferry'),
    );
    const early = await received(test);
    expect(early).toEqual([]);
    expect(await test.pipeline.heldItems()).toHaveLength(1);
    const out: Received[] = [];
    for (let i = 0; i < 60 && out.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      out.push(...(await drained(test)));
    }
    expect(out).toHaveLength(1);
    expect(out[0]?.at).toBeGreaterThanOrEqual(until.getTime());
    expect(out[0]?.ninjs.embargoedUntil).toBe(until.toISOString());
    expect(ninjsErrors(out[0]?.body)).toEqual([]);
    expect(await test.pipeline.heldItems()).toEqual([]);
  }, 60_000);

  it('cancels the held story when its kill arrives, so the story never goes out', async () => {
    const until = new Date(Date.now() + 3_600_000);
    await test.pipeline.ingest('lakeshore', embargoedStory(story.uri, until, 'school'));
    expect(await received(test)).toEqual([]);
    expect(await test.pipeline.heldItems()).toHaveLength(1);
    await test.pipeline.ingest('lakeshore', kill);
    const killed = await received(test);
    expect(killed.map((m) => m.ninjs.pubStatus)).toEqual(['canceled']);
    expect(await test.pipeline.heldItems()).toEqual([]);
    clock.offsetMs = 2 * 3_600_000;
    await test.pipeline.sweepHeld();
    expect(await received(test)).toEqual([]);
  }, 60_000);
});
