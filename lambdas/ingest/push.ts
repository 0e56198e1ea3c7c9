import { randomBytes } from 'node:crypto';
import type { SourceFormat } from '../shared/envelope.ts';
import { OUTLET_ID } from '../shared/keys.ts';
import type { RawDocumentStore } from '../shared/raw-store.ts';
import { killDocument } from './kill-push.ts';
import type { ReplayGuard } from './replay-guard.ts';
import type { SecretSource } from './secrets.ts';
import { verifyPushSignature } from './signature.ts';
import { sniffFormat } from './sniff.ts';
import type { TokenBuckets } from './token-bucket.ts';

export interface PushRequest {
  /** Which outlet's secret to try; only a signature made with that secret makes it the sender. */
  readonly outlet: string | undefined;
  readonly signature: string | undefined;
  readonly timestamp: string | undefined;
  readonly contentType: string | undefined;
  /** `X-Syndicate-Source-Url`: where the document is published, the base for its relative links. */
  readonly sourceUrl?: string | undefined;
  readonly body: Uint8Array;
  /** A signed DELETE: the body names an earlier item to kill or withdraw (kill-push.ts). */
  readonly kill?: boolean;
}

/** Header naming the URL a pushed document is published at (docs/pushing.md). */
export const SOURCE_URL_HEADER = 'x-syndicate-source-url';
const MAX_SOURCE_URL = 2048;

/** The header's URL when it is an absolute http(s) URL of sane length; anything else is ignored, not refused. */
export function pushedSourceUrl(value: string | undefined): string | undefined {
  const raw = value?.trim();
  if (!raw || raw.length > MAX_SOURCE_URL) return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export type PushAnswer =
  | {
      readonly status: 202;
      readonly documentId: string;
      readonly outlet: string;
      readonly format: SourceFormat;
    }
  | {
      readonly status: 400 | 401 | 413 | 415 | 429;
      readonly error: string;
      readonly reason: string;
      readonly retryAfterSeconds?: number;
    };

export interface PushDeps {
  readonly secrets: SecretSource;
  readonly replay: ReplayGuard;
  readonly store: RawDocumentStore;
  readonly throttle: TokenBuckets;
  readonly maxBodyBytes: number;
  readonly maxAgeSeconds: number;
  readonly nowSeconds: () => number;
}

const unauthorized = (reason: string): PushAnswer => ({ status: 401, error: 'unauthorized', reason });

/**
 * Checked in place of a secret for an outlet that has none, so an unknown outlet costs the same HMAC
 * and gets the same answers as a known one with a wrong signature: outlet ids cannot be probed.
 */
const NO_SUCH_SECRET = randomBytes(32).toString('hex');

/**
 * Decides one push. The checks run cheapest and least revealing first, and
 * every refusal happens before anything is written to S3; only the replay
 * record (DynamoDB) is written before the object, so an exact replay can never
 * store twice. If storing then fails the caller gets a 5xx and must re-sign
 * (new timestamp) to retry.
 */
export async function acceptPush(request: PushRequest, deps: PushDeps): Promise<PushAnswer> {
  if (request.body.byteLength > deps.maxBodyBytes) {
    return {
      status: 413,
      error: 'too-large',
      reason: `body is ${request.body.byteLength} bytes; the limit is ${deps.maxBodyBytes}`,
    };
  }
  const outlet = request.outlet?.trim();
  if (!outlet) return unauthorized('missing X-Syndicate-Outlet header');
  const secret = OUTLET_ID.test(outlet) ? await deps.secrets.secretFor(outlet) : undefined;
  const now = deps.nowSeconds();
  const check = verifyPushSignature({
    secret: secret ?? NO_SUCH_SECRET,
    signature: request.signature,
    timestamp: request.timestamp,
    body: request.body,
    nowSeconds: now,
    maxAgeSeconds: deps.maxAgeSeconds,
  });
  if (!check.ok) return unauthorized(check.reason);
  if (!secret) return unauthorized('signature does not match');

  const fresh = await deps.replay.claim(check.digest, outlet, check.timestamp + deps.maxAgeSeconds + 1, now);
  if (!fresh) return unauthorized('this signed request was already received (replay)');

  // Only fresh, authentic requests spend the outlet's allowance: replaying a captured request must not
  // throttle the real outlet. A throttled sender signs again to retry, as after any refusal.
  const throttle = deps.throttle.take(outlet);
  if (!throttle.allowed) {
    return {
      status: 429,
      error: 'throttled',
      reason: `too many pushes from ${outlet}`,
      retryAfterSeconds: throttle.retryAfterSeconds,
    };
  }
  if (request.kill) {
    const kill = killDocument(request.body, new Date(now * 1000));
    if (!kill.ok) return { status: 400, error: 'bad-kill', reason: kill.reason };
    const stored = await deps.store.put(outlet, kill.bytes, 'application/json', 'push', undefined);
    return { status: 202, documentId: stored.documentId, outlet, format: 'ninjs' };
  }
  const sniffed = sniffFormat(request.body, request.contentType);
  if (!sniffed.ok) return { status: 415, error: sniffed.code, reason: sniffed.reason };

  const sourceUrl = pushedSourceUrl(request.sourceUrl);
  const stored = await deps.store.put(outlet, request.body, request.contentType, 'push', sourceUrl);
  return { status: 202, documentId: stored.documentId, outlet, format: sniffed.format };
}
