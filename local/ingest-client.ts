import { SOURCE_URL_HEADER } from '../lambdas/ingest/push.ts';
import { OUTLET_HEADER, SIGNATURE_HEADER, signPush, TIMESTAMP_HEADER } from '../lambdas/ingest/signature.ts';
import { sniffFormat } from '../lambdas/ingest/sniff.ts';
import type { SourceFormat } from '../lambdas/shared/envelope.ts';

/** What an outlet's software does to push: sign the bytes with a fresh timestamp and POST them. */
export interface PushOptions {
  readonly url: string;
  readonly outlet: string;
  readonly secret: string;
  readonly body: Uint8Array;
  /** Sent as is; by default guessed from the bytes (no charset: the document's own declaration rules). */
  readonly contentType?: string;
  /** Sent as X-Syndicate-Source-Url: the URL the document is published at, for its relative links. */
  readonly sourceUrl?: string;
  /** DELETE sends a kill (`{"uri","pubStatus"}`, docs/pushing.md); POST, the default, a document. */
  readonly method?: 'POST' | 'DELETE';
  /** Attempts for 429, 5xx and network errors; each is signed afresh, since a signature is single-use. */
  readonly attempts?: number;
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface PushResult {
  readonly status: number;
  readonly body: string;
  readonly attempts: number;
}

const CONTENT_TYPES: Record<SourceFormat, string> = {
  rss: 'application/rss+xml',
  rdf: 'application/rdf+xml',
  atom: 'application/atom+xml',
  jsonfeed: 'application/feed+json',
  ninjs: 'application/json',
  article: 'text/plain',
};

export function guessContentType(body: Uint8Array): string {
  const sniffed = sniffFormat(body, undefined);
  return sniffed.ok ? CONTENT_TYPES[sniffed.format] : 'application/octet-stream';
}

export function signedHeaders(outlet: string, secret: string, body: Uint8Array, nowMs: number) {
  const timestamp = String(Math.floor(nowMs / 1000));
  return {
    [OUTLET_HEADER]: outlet,
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: signPush(secret, timestamp, body),
  };
}

const MAX_WAIT_MS = 60_000;

export async function pushDocument(options: PushOptions): Promise<PushResult> {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const attempts = Math.max(1, options.attempts ?? 3);
  const contentType = options.contentType ?? guessContentType(options.body);
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let retryAfterMs = 2 ** (attempt - 1) * 500;
    try {
      const response = await doFetch(options.url, {
        method: options.method ?? 'POST',
        headers: {
          'content-type': contentType,
          ...(options.sourceUrl ? { [SOURCE_URL_HEADER]: options.sourceUrl } : {}),
          ...signedHeaders(options.outlet, options.secret, options.body, now()),
        },
        body: options.body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
      const text = await response.text();
      const retryable = response.status === 429 || response.status >= 500;
      if (!retryable || attempt === attempts)
        return { status: response.status, body: text, attempts: attempt };
      const header = Number(response.headers.get('retry-after'));
      if (Number.isFinite(header) && header > 0) retryAfterMs = header * 1000;
      lastError = new Error(`HTTP ${response.status}: ${text}`);
    } catch (error) {
      lastError = error;
      if (attempt === attempts) break;
    }
    await sleep(Math.min(retryAfterMs, MAX_WAIT_MS));
  }
  throw new Error(`push failed after ${attempts} attempt(s)`, { cause: lastError });
}
