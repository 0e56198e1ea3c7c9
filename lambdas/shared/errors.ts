/**
 * Typed errors shared by every stage. The split that matters operationally is
 * permanent vs retryable: a permanent error will fail the same way on every
 * retry, so the record goes straight to the stage's dead-letter queue with its
 * reason; a retryable one is reported as a batch item failure so SQS
 * redelivers it (and the redrive policy moves it to the DLQ after maxReceiveCount).
 */
export abstract class PipelineError extends Error {
  abstract readonly retryable: boolean;
  /** A short machine-readable code, carried as a DLQ message attribute. */
  abstract readonly code: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The input can never be processed: not a feed, not an article, schema-invalid, too large. */
export class RejectedDocumentError extends PipelineError {
  readonly retryable = false;
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** A message between stages did not match its contract. */
export class InvalidMessageError extends PipelineError {
  readonly retryable = false;
  readonly code = 'invalid-message';
}

/** Configuration is missing or malformed: detected at cold start. */
export class ConfigError extends PipelineError {
  readonly retryable = false;
  readonly code = 'config';
}

/** A dependency (S3, SQS, DynamoDB) failed in a way worth retrying. */
export class TransientError extends PipelineError {
  readonly retryable = true;
  readonly code = 'transient';
}

export function isPermanent(error: unknown): error is PipelineError {
  return error instanceof PipelineError && !error.retryable;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
