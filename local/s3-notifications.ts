import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { S3Event } from 'aws-lambda';
import type S3rver from 's3rver';
import { INCOMING_PREFIX } from '../lambdas/shared/keys.ts';

/**
 * What S3 bucket notifications do on AWS: every object created under
 * `incoming/` becomes an event message on the normalize queue. s3rver emits
 * the events in S3's own shape; this forwards them, and counts what is still
 * on its way so the runner knows when work has settled.
 */
export class S3NotificationBridge {
  #pending = 0;
  #failures: Error[] = [];
  /** The latest arrival id per key, so a run can tell its own reports from earlier ones. */
  readonly arrivals = new Map<string, string>();
  readonly #listener: (event: S3Event) => void;
  #lastEventMs = 0;

  constructor(
    private readonly s3rver: S3rver,
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
    private readonly bucket: string,
  ) {
    this.#listener = (event) => this.#forward(event);
    s3rver.on('event', this.#listener);
  }

  get pending(): number {
    return this.#pending;
  }

  /** Forwarding errors are surfaced to the runner rather than dropped. */
  takeFailures(): Error[] {
    const failures = this.#failures;
    this.#failures = [];
    return failures;
  }

  #forward(event: S3Event): void {
    const records = event.Records.filter(
      (r) =>
        r.s3.bucket.name === this.bucket &&
        r.eventName.startsWith('ObjectCreated:') &&
        r.s3.object.key.startsWith(INCOMING_PREFIX),
    );
    if (records.length === 0) return;
    for (const record of records) {
      this.arrivals.set(record.s3.object.key, `${record.s3.object.key}@${record.s3.object.sequencer}`);
    }
    // Arrivals are ordered by event time (dedupe's "last word wins"). s3rver stamps events to the
    // millisecond, so two objects written in one millisecond would tie: this bridge sees them in the
    // order they were written, and gives each a later time than the one before.
    const timed = records.map((r) => ({ ...r, eventTime: this.#nextEventTime(r.eventTime) }));
    // S3 URL-encodes keys in notifications (spaces as "+"); s3rver does not, so do it here as AWS would.
    const encoded = timed.map((r) => ({
      ...r,
      s3: {
        ...r.s3,
        object: {
          ...r.s3.object,
          key: encodeURIComponent(r.s3.object.key).replace(/%2F/g, '/').replace(/%20/g, '+'),
        },
      },
    }));
    this.#pending++;
    this.sqs
      .send(
        new SendMessageCommand({
          QueueUrl: this.queueUrl,
          MessageBody: JSON.stringify({ Records: encoded }),
        }),
      )
      .catch((error: Error) => this.#failures.push(error))
      .finally(() => this.#pending--);
  }

  #nextEventTime(stamped: string): string {
    const parsed = Date.parse(stamped);
    this.#lastEventMs = Math.max(Number.isNaN(parsed) ? Date.now() : parsed, this.#lastEventMs + 1);
    return new Date(this.#lastEventMs).toISOString();
  }

  close(): void {
    this.s3rver.off('event', this.#listener);
  }
}
