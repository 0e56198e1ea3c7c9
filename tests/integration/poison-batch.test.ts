import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { SQSEvent } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { item, rss } from '../../hostile/xml.ts';
import { DEFAULT_MAX_RECEIVE_COUNT } from '../../lambdas/shared/dead-letters.ts';
import type { Stage } from '../../local/provision.ts';
import { startTestPipeline, type TestPipeline } from '../support/local-pipeline.ts';

let running: TestPipeline | undefined;
let release: () => void = () => undefined;
afterEach(async () => {
  release();
  await running?.close();
  running = undefined;
});

const POISON_GUID = 'poison';
/** Big enough to travel as a claim check: the only item whose envelope tag reads from S3. */
const POISON_BODY = `<p>${'Reuters reported. a.com '.repeat(14_000)}</p>`;

function feedOfTen(): Buffer {
  const items = Array.from({ length: 10 }, (_, i) =>
    i === 4
      ? item({ title: 'Poison', guid: POISON_GUID, link: 'https://poison.example/p', content: POISON_BODY })
      : item({
          title: `Harbour notice number ${i}`,
          guid: `notice-${i}`,
          link: `https://poison.example/notice/${i}`,
          content: `<p>Berth ${i} closes for repairs on day ${i * 3 + 1}; pilots take vessel group ${i} elsewhere.</p>`,
        }),
  );
  return Buffer.from(rss(items.join('')));
}

/**
 * The tag stage's S3 client, except that reading a claim-checked envelope never completes: the
 * poison item's tagging never ends, as a runaway tagger's would.
 */
function stuckClaims(s3: S3Client, stuck: Promise<never>): S3Client {
  return new Proxy(s3, {
    get(target, prop, receiver) {
      if (prop !== 'send') return Reflect.get(target, prop, receiver);
      return (command: unknown, ...rest: unknown[]) => {
        if (command instanceof GetObjectCommand && command.input.Key?.startsWith('work/claims/'))
          return stuck;
        return (target.send as (...args: unknown[]) => Promise<unknown>).call(target, command, ...rest);
      };
    },
  });
}

describe('a poison item in a batch of ten, through the local pipeline', () => {
  it('fails alone: nine published once, the poison in the tag DLQ with its reason, nothing else redelivered', async () => {
    const stuck = new Promise<never>((_, reject) => {
      release = () => reject(new Error('test over'));
    });
    stuck.catch(() => undefined);
    const deliveries: Array<{ stage: Stage; id: string; receive: number; batch: number; poison: boolean }> =
      [];
    running = await startTestPipeline({
      logLevel: 'SILENT',
      concurrency: 1,
      // The deployed limit, which the tag stage's dead-letter sink assumes (its bootstrap passes none).
      maxReceiveCount: DEFAULT_MAX_RECEIVE_COUNT,
      visibilityTimeout: 2,
      // The cutoff comes 1 s into a 2 s timeout: long enough for nine small items on a busy machine.
      functionTimeoutMs: { tag: 2_000 },
      wrapClients: (stage, clients) =>
        stage === 'tag' ? { ...clients, s3: stuckClaims(clients.s3, stuck) } : clients,
      wrapHandler: (stage, handler) => (event: SQSEvent, context) => {
        for (const record of event.Records)
          deliveries.push({
            stage,
            id: record.messageId,
            receive: Number(record.attributes.ApproximateReceiveCount),
            batch: event.Records.length,
            poison: record.body.includes('syndicate.claim-check'),
          });
        return handler(event, context);
      },
    });
    const { pipeline } = running;
    await pipeline.ingest('poison', feedOfTen(), 'application/rss+xml');
    await pipeline.waitForIdle(60_000);

    const published = (await pipeline.drainOutput()).map(
      ({ body }) => (JSON.parse(body) as { headlines: Array<{ value: string }> }).headlines[0]?.value,
    );
    expect(published.sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `Harbour notice number ${i}`)
        .filter((_, i) => i !== 4)
        .sort(),
    );
    const letters = await pipeline.deadLetters();
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ stage: 'tag', code: 'deadline-exceeded' });
    expect(letters[0]?.reason).toMatch(/did not finish within \d+ ms.*receive 5 of 5/);
    expect(pipeline.errors).toEqual([]);

    const atTag = deliveries.filter((d) => d.stage === 'tag');
    const poison = atTag.filter((d) => d.poison);
    expect(poison.map((d) => d.receive)).toEqual([1, 2, 3, 4, 5]);
    // The poison came with the other nine, and none of them was delivered to any stage twice.
    expect(poison[0]?.batch).toBe(10);
    const others = deliveries.filter((d) => !d.poison);
    expect(others.filter((d) => d.receive !== 1)).toEqual([]);
    expect(new Set(others.map((d) => `${d.stage} ${d.id}`)).size).toBe(others.length);
    expect(atTag.filter((d) => !d.poison)).toHaveLength(9);
  }, 90_000);
});
