import { DeleteMessageBatchCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { resolveBody } from '../lambdas/shared/claim-check.ts';
import { LocalPipeline, type StageHandler } from '../local/pipeline.ts';
import { STAGES, type Stage } from '../local/provision.ts';
import { renderRss } from '../soak/feeds.ts';
import { median, percentile } from '../soak/stats.ts';
import { SeededRandom } from '../soak/text.ts';
import { tempDir } from '../tests/support/temp-dir.ts';
import type { BenchRow } from './pipeline.ts';

export interface LatencyOptions {
  readonly documents: number;
  readonly intervalMs: number;
  readonly timeoutMs: number;
}

/**
 * Local end-to-end latency: one-item documents pushed at a steady rate, each
 * timed from the push (the S3 PUT the ingest endpoint makes) to its ninjs
 * message being received from the output queue. Handler time per stage is
 * measured alongside, so the table says what dominates: work or queue hops.
 */
export async function benchLatency(
  options: LatencyOptions = { documents: 150, intervalMs: 100, timeoutMs: 90_000 },
): Promise<BenchRow[]> {
  const dir = tempDir('syndicate-latency-');
  const handlerMs = new Map<Stage, number[]>(STAGES.map((s) => [s, []]));
  const timed =
    (stage: Stage, handler: StageHandler): StageHandler =>
    async (event) => {
      const started = performance.now();
      try {
        return await handler(event);
      } finally {
        handlerMs.get(stage)?.push(performance.now() - started);
      }
    };
  const pipeline = await LocalPipeline.start({ stateDir: dir.path, logLevel: 'SILENT', wrapHandler: timed });
  const pushedAt = new Map<string, number>();
  const latencies: number[] = [];
  const deadline = Date.now() + options.timeoutMs;
  try {
    const consumer = (async () => {
      while (latencies.length < options.documents && Date.now() < deadline) {
        const received = await pipeline.clients.sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: pipeline.resources.output.url,
            MaxNumberOfMessages: 10,
            WaitTimeSeconds: 1,
          }),
        );
        const now = performance.now();
        const messages = received.Messages ?? [];
        for (const message of messages) {
          const ninjs = JSON.parse(await resolveBody(pipeline.clients.s3, message.Body ?? '')) as {
            altIds?: Array<{ role: string; value: string }>;
          };
          const documentId = ninjs.altIds?.find((a) => a.role === 'syndicate:document-id')?.value;
          const started = documentId ? pushedAt.get(documentId) : undefined;
          if (started !== undefined) {
            latencies.push(now - started);
            pushedAt.delete(documentId as string);
          }
        }
        if (messages.length > 0)
          await pipeline.clients.sqs.send(
            new DeleteMessageBatchCommand({
              QueueUrl: pipeline.resources.output.url,
              Entries: messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })),
            }),
          );
      }
    })();
    const random = new SeededRandom(31);
    for (let i = 0; i < options.documents && Date.now() < deadline; i++) {
      const bytes = Buffer.from(
        renderRss({
          title: 'latency',
          link: 'https://latency.example/',
          items: [
            {
              guid: `latency-${i}`,
              link: `https://latency.example/${i}`,
              title: random.sentence(7),
              paragraphs: random.paragraphs(3),
              published: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
            },
          ],
        }),
      );
      const started = performance.now();
      const { documentId } = await pipeline.ingest('latency', bytes, 'application/rss+xml');
      pushedAt.set(documentId, started);
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
    }
    await consumer;
  } finally {
    await pipeline.stop();
    dir.remove();
  }
  const p50 = percentile(latencies, 50);
  const p99 = percentile(latencies, 99);
  const work = STAGES.map((s) => `${s} ${median(handlerMs.get(s) ?? []).toFixed(0)}`).join(', ');
  const workSum = STAGES.reduce((sum, s) => sum + median(handlerMs.get(s) ?? []), 0);
  return [
    {
      name: `e2e latency p50 (${latencies.length}/${options.documents} docs at ${1000 / options.intervalMs}/s)`,
      value: Math.round(p50),
      unit: 'ms',
      target: '≤ 300 ms',
      ok: p50 <= 300,
    },
    { name: 'e2e latency p99', value: Math.round(p99), unit: 'ms', target: '≤ 1000 ms', ok: p99 <= 1000 },
    {
      name: `handler time per batch, median ms: ${work}; the rest of p50 is queue hops`,
      value: Math.round(workSum),
      unit: 'ms',
    },
  ];
}
