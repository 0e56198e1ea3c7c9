import { ChangeMessageVisibilityCommand, type SQSClient } from '@aws-sdk/client-sqs';

export interface HeartbeatOptions {
  /** How often to extend; well inside the current visibility timeout. */
  readonly everyMs: number;
  /** The new visibility timeout, counted from each extension. */
  readonly extendSeconds: number;
}

export interface Heartbeat {
  /** Stops extending; rethrows the first extension failure, if any, so it is never lost. */
  stop(): Promise<void>;
  readonly extensions: number;
}

/**
 * Keeps one message hidden while a slow handler works on it, by extending its
 * visibility timeout on a timer. Written here rather than taken from a library
 * because it is a single SQS call on a timer and the known helpers
 * (sqs-consumer and the like) own the whole polling loop.
 */
export function startHeartbeat(
  sqs: SQSClient,
  queueUrl: string,
  receiptHandle: string,
  options: HeartbeatOptions,
): Heartbeat {
  let extensions = 0;
  let failure: unknown;
  let inFlight: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    if (failure !== undefined) return;
    inFlight = sqs
      .send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: queueUrl,
          ReceiptHandle: receiptHandle,
          VisibilityTimeout: options.extendSeconds,
        }),
      )
      .then(() => {
        extensions++;
      })
      .catch((error: unknown) => {
        failure = error;
      });
  }, options.everyMs);
  // A forgotten heartbeat must not keep the process alive.
  timer.unref();
  return {
    get extensions() {
      return extensions;
    },
    async stop() {
      clearInterval(timer);
      await inFlight;
      if (failure !== undefined) throw failure;
    },
  };
}
