/** Exponential backoff: base, 2×base, 4×base, … capped; failures counts from 1. */
export function backoffSeconds(failures: number, baseSeconds: number, maxSeconds: number): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 30);
  return Math.min(baseSeconds * 2 ** exponent, maxSeconds);
}

/**
 * Reads Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date.
 * Answers seconds from now, or undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - nowMs) / 1000));
}
