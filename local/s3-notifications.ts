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
  #written = 0;
  /** The latest arrival id per key, so a run can tell its own reports from earlier ones. */
  readonly arrivals = new Map<string, string>();
  /** Every arrival id per key, oldest first: one per object written. */
  readonly #history = new Map<string, string[]>();
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

  /** The arrivals of one key this bridge has seen, oldest first. */
  arrivalsOf(key: string): readonly string[] {
    return this.#history.get(key) ?? [];
  }

  /**
   * S3 gives every write of a key its own, larger sequencer; s3rver uses the
   * millisecond clock, so two writes of one key in the same millisecond would
   * share one and look like one arrival delivered twice. A counter behind the
   * clock keeps them apart and in order, as S3's are.
   */
  #sequencer(): string {
    this.#written++;
    return `${Date.now().toString(16).toUpperCase().padStart(12, '0')}${this.#written.toString(16).toUpperCase().padStart(8, '0')}`;
  }

  /** Sends the event S3 would for a write of `key` that the emulator was spared (see LocalPipeline.write). */
  announce(key: string, size: number, eTag: string): void {
    this.#forward({
      Records: [
        {
          eventVersion: '2.1',
          eventSource: 'aws:s3',
          awsRegion: 'us-east-1',
          eventTime: new Date().toISOString(),
          eventName: 'ObjectCreated:Put',
          s3: {
            s3SchemaVersion: '1.0',
            bucket: { name: this.bucket },
            object: { key, size, eTag: eTag.replaceAll('"', ''), sequencer: '' },
          },
        },
      ],
    } as unknown as S3Event);
  }

  #forward(event: S3Event): void {
    const records = event.Records.filter(
      (r) =>
        r.s3.bucket.name === this.bucket &&
        r.eventName.startsWith('ObjectCreated:') &&
        r.s3.object.key.startsWith(INCOMING_PREFIX),
    );
    if (records.length === 0) return;
    // S3 URL-encodes keys in notifications (spaces as "+"); s3rver does not, so do it here as AWS would.
    const encoded = records.map((r) => {
      const { key } = r.s3.object;
      const sequencer = this.#sequencer();
      const arrival = `${key}@${sequencer}`;
      this.arrivals.set(key, arrival);
      this.#history.set(key, [...this.arrivalsOf(key), arrival]);
      return {
        ...r,
        // Arrivals are ordered by event time (dedupe's "last word wins"). s3rver stamps events to the
        // millisecond, so two objects written in one millisecond would tie: this bridge sees them in the
        // order they were written, and gives each a later time than the one before.
        eventTime: this.#nextEventTime(r.eventTime),
        s3: {
          ...r.s3,
          object: {
            ...r.s3.object,
            key: encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+'),
            sequencer,
          },
        },
      };
    });
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
