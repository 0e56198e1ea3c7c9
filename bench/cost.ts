import type { AwsClients } from '../lambdas/shared/clients.ts';
import { LocalPipeline } from '../local/pipeline.ts';
import { generateSoakCorpus } from '../soak/corpus.ts';
import { tempDir } from '../tests/support/temp-dir.ts';
import type { BenchRow } from './pipeline.ts';

/**
 * us-east-1 list prices (USD) the cost figure uses, as published by AWS for
 * on-demand use with no free tier: SQS standard queue requests (each 64 KiB
 * chunk of a payload is one request), S3 Standard requests, DynamoDB on-demand
 * request units, Lambda requests and Arm (Graviton) duration, the architecture
 * the stack deploys (lib/constructs/pipeline-function.ts).
 */
export const PRICES = {
  sqsPerMillionRequests: 0.4,
  s3PerThousandWrites: 0.005,
  s3PerThousandReads: 0.0004,
  dynamoPerMillionWriteUnits: 0.625,
  dynamoPerMillionReadUnits: 0.125,
  lambdaPerMillionRequests: 0.2,
  lambdaPerGbSecond: 0.0000133334,
} as const;

/** The memory the stack gives each stage function (lib/constructs/pipeline-function.ts default). */
export const LAMBDA_MEMORY_GB = 0.5;

type Billable = 'sqs' | 's3-write' | 's3-read' | 'ddb-write' | 'ddb-read' | 'free';

interface Tally {
  requests: number;
  units: number;
}

const SQS_CHUNK = 64 * 1024;

type Loose = Record<string, unknown>;
type Next = (args: { input: Loose }) => Promise<{ output: Loose }>;
interface CountingStack {
  add(
    middleware: (next: Next, context: { commandName?: string }) => Next,
    options: { step: 'initialize'; name: string },
  ): void;
}

/**
 * Counts the requests the pipeline's SDK clients actually send, with a
 * middleware on each client, and the billable units each one is worth.
 * `exclude` leaves out the harness's own calls (queue depth checks, draining
 * the output queue), which a deployment does not make.
 */
export class RequestCounter {
  readonly tallies = new Map<string, Tally & { billable: Billable }>();
  #enabled = true;

  constructor(private readonly exclude: (command: string, input: Record<string, unknown>) => boolean) {}

  attach(clients: AwsClients): void {
    for (const [service, client] of Object.entries(clients)) {
      // The three clients' stacks differ only in their input/output types, which the counter reads loosely.
      const stack = client.middlewareStack as unknown as CountingStack;
      stack.add(
        (next, context) => async (args) => {
          const command = context.commandName ?? 'unknown';
          const counted = this.#enabled && !this.exclude(command, args.input);
          try {
            const result = await next(args);
            if (counted) this.#count(service, command, args.input, result.output);
            return result;
          } catch (error) {
            // A write refused by its condition is billed like one that succeeded.
            if (counted && (error as Error).name === 'ConditionalCheckFailedException')
              this.#count(service, command, args.input, {});
            throw error;
          }
        },
        { step: 'initialize', name: `benchRequestCounter-${service}` },
      );
    }
  }

  reset(): void {
    this.tallies.clear();
  }

  set enabled(value: boolean) {
    this.#enabled = value;
  }

  #count(
    service: string,
    command: string,
    input: Record<string, unknown>,
    output: Record<string, unknown>,
  ): void {
    // An event source mapping's empty polls depend on idle time, not on items; only receives that got work count.
    if (
      command === 'ReceiveMessageCommand' &&
      ((output.Messages as unknown[] | undefined)?.length ?? 0) === 0
    )
      return;
    const { billable, units } = classify(service, command, input, output);
    const key = `${service} ${command.replace(/Command$/, '')}`;
    const tally = this.tallies.get(key) ?? { requests: 0, units: 0, billable };
    tally.requests++;
    tally.units += units;
    this.tallies.set(key, tally);
  }
}

function classify(
  service: string,
  command: string,
  input: Record<string, unknown>,
  output: Record<string, unknown>,
): { billable: Billable; units: number } {
  if (service === 'sqs') {
    if (command === 'SendMessageBatchCommand') {
      const entries = (input.Entries as Array<{ MessageBody?: string }> | undefined) ?? [];
      const bytes = entries.reduce((sum, e) => sum + Buffer.byteLength(e.MessageBody ?? ''), 0);
      return { billable: 'sqs', units: Math.max(1, Math.ceil(bytes / SQS_CHUNK)) };
    }
    if (command === 'SendMessageCommand')
      return {
        billable: 'sqs',
        units: Math.max(1, Math.ceil(Buffer.byteLength(String(input.MessageBody ?? '')) / SQS_CHUNK)),
      };
    return { billable: 'sqs', units: 1 };
  }
  if (service === 's3') {
    if (command === 'GetObjectCommand' || command === 'HeadObjectCommand')
      return { billable: 's3-read', units: 1 };
    return { billable: 's3-write', units: 1 };
  }
  if (command === 'BatchGetItemCommand') {
    const items = input.RequestItems as Record<string, { Keys?: unknown[] }> | undefined;
    return {
      billable: 'ddb-read',
      units: Object.values(items ?? {}).reduce((sum, t) => sum + (t.Keys?.length ?? 0), 0),
    };
  }
  if (command === 'GetItemCommand') return { billable: 'ddb-read', units: 1 };
  // A query: one unit per started 4 KB of what it read (half for an eventually consistent one), at least one.
  if (command === 'QueryCommand') {
    const bytes = ((output.Items as Record<string, unknown>[] | undefined) ?? []).reduce(
      (sum, item) => sum + itemBytes(item) - 3,
      0,
    );
    const units = Math.max(1, Math.ceil(bytes / 4096));
    return { billable: 'ddb-read', units: input.ConsistentRead === true ? units : units / 2 };
  }
  if (command === 'BatchWriteItemCommand') {
    const items = input.RequestItems as Record<string, unknown[]> | undefined;
    return { billable: 'ddb-write', units: Object.values(items ?? {}).reduce((sum, t) => sum + t.length, 0) };
  }
  if (command === 'TransactWriteItemsCommand')
    return {
      billable: 'ddb-write',
      units: 2 * ((input.TransactItems as unknown[] | undefined)?.length ?? 0),
    };
  if (/^(Put|Update|Delete)Item/.test(command))
    return { billable: 'ddb-write', units: writeUnits(input.Item as Record<string, unknown> | undefined) };
  return { billable: 'free', units: 0 };
}

/** DynamoDB write request units for an item: one per started KiB of its size. */
function writeUnits(item: Record<string, unknown> | undefined): number {
  if (!item) return 1;
  const bytes = Object.entries(item).reduce(
    (sum, [name, v]) => sum + Buffer.byteLength(name) + itemBytes(v),
    0,
  );
  return Math.max(1, Math.ceil(bytes / 1024));
}

/**
 * An item's size as DynamoDB bills it: attribute names plus values, strings
 * and binaries by their bytes, numbers by about one byte per two significant
 * digits plus one, lists and maps three bytes plus one per element. The
 * counter sees the document client's native values (it runs before they are
 * marshalled).
 */
export function itemBytes(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number')
    return Math.ceil(String(Math.abs(value)).replace(/[.-]|e.*$/g, '').length / 2) + 1;
  if (typeof value === 'boolean' || value === null || value === undefined) return 1;
  if (value instanceof Uint8Array) return value.byteLength;
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, v) => sum + 1 + itemBytes(v), 0);
  if (typeof value === 'object')
    return (
      3 +
      Object.entries(value as Record<string, unknown>).reduce(
        (sum, [name, v]) => sum + 1 + Buffer.byteLength(name) + itemBytes(v),
        0,
      )
    );
  return 0;
}

/** Lambda invocations and their wall time, measured around the local handlers. */
export class LambdaMeter {
  invocations = 0;
  seconds = 0;

  wrap<E, R>(handler: (event: E) => Promise<R>): (event: E) => Promise<R> {
    return async (event) => {
      this.invocations++;
      const started = performance.now();
      try {
        return await handler(event);
      } finally {
        this.seconds += (performance.now() - started) / 1000;
      }
    };
  }
}

/** Dollars per million items from what the run did, with a line per service. */
export function costRows(counter: RequestCounter, lambda: LambdaMeter, items: number): BenchRow[] {
  const perMillion = 1_000_000 / items;
  const sum = (kind: Billable) =>
    [...counter.tallies.values()].filter((t) => t.billable === kind).reduce((s, t) => s + t.units, 0);
  const dollars = {
    sqs: (sum('sqs') / 1e6) * PRICES.sqsPerMillionRequests,
    s3:
      (sum('s3-write') / 1e3) * PRICES.s3PerThousandWrites +
      (sum('s3-read') / 1e3) * PRICES.s3PerThousandReads,
    dynamodb:
      (sum('ddb-write') / 1e6) * PRICES.dynamoPerMillionWriteUnits +
      (sum('ddb-read') / 1e6) * PRICES.dynamoPerMillionReadUnits,
    lambda:
      (lambda.invocations / 1e6) * PRICES.lambdaPerMillionRequests +
      lambda.seconds * LAMBDA_MEMORY_GB * PRICES.lambdaPerGbSecond,
  };
  const total = Object.values(dollars).reduce((a, b) => a + b, 0) * perMillion;
  const breakdown = Object.entries(dollars)
    .map(([service, d]) => `${service} $${(d * perMillion).toFixed(2)}`)
    .join(', ');
  const requests = [...counter.tallies.entries()]
    .map(([name, t]) => `${name} ${(t.requests / items).toFixed(2)}`)
    .join(', ');
  return [
    {
      name: `AWS cost per million items (${breakdown})`,
      value: Math.round(total * 100) / 100,
      unit: 'USD',
      target: '≤ $3',
      ok: total <= 3,
    },
    {
      name: `requests per item: ${requests}; lambda ${((lambda.invocations / items) * 1000).toFixed(0)} invocations and ${((lambda.seconds / items) * 1000).toFixed(1)} s per 1000 items`,
      value:
        Math.round(([...counter.tallies.values()].reduce((s, t) => s + t.requests, 0) / items) * 100) / 100,
      unit: 'req/item',
    },
  ];
}

/**
 * Runs a batch of generated feeds through the local pipeline with the request
 * counter on its clients, and prices what the stages (and the raw archive's
 * PUT) asked of AWS. Empty polls and the harness's own queue checks are left out.
 */
export async function benchCost(items = 1000): Promise<BenchRow[]> {
  const dir = tempDir('syndicate-cost-');
  const lambda = new LambdaMeter();
  const pipeline = await LocalPipeline.start({
    stateDir: dir.path,
    logLevel: 'SILENT',
    wrapHandler: (_stage, handler) => lambda.wrap(handler),
  });
  try {
    const counter = new RequestCounter((command) => command === 'GetQueueAttributesCommand');
    counter.attach(pipeline.clients);
    const corpus = generateSoakCorpus({ items, itemsPerDocument: 25, versionShare: 0, seed: 77 });
    const feeds = corpus.documents.filter((d) => d.format !== 'html');
    for (const doc of feeds) await pipeline.ingest(doc.outlet, doc.bytes, doc.contentType);
    await pipeline.waitForIdle(120_000);
    counter.enabled = false;
    const count = feeds.reduce((sum, d) => sum + d.occurrences.length, 0);
    return costRows(counter, lambda, count);
  } finally {
    await pipeline.stop();
    dir.remove();
  }
}
