/**
 * A per-outlet token bucket, so one outlet's burst cannot starve the others
 * inside a warm function. API Gateway throttles the whole API in front of it;
 * this is the per-sender share. Small enough to write here (no library does
 * just this without a store), and held per instance by design.
 */
export interface ThrottleDecision {
  readonly allowed: boolean;
  /** Seconds until a token is available, when not allowed. */
  readonly retryAfterSeconds: number;
}

export class TokenBuckets {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): ThrottleDecision {
    const now = this.now();
    const bucket = this.#buckets.get(key) ?? { tokens: this.burst, at: now };
    const refilled = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.ratePerSecond);
    if (refilled >= 1) {
      this.#buckets.set(key, { tokens: refilled - 1, at: now });
      return { allowed: true, retryAfterSeconds: 0 };
    }
    this.#buckets.set(key, { tokens: refilled, at: now });
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - refilled) / this.ratePerSecond)) };
  }
}
