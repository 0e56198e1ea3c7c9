import { describeError } from '../shared/errors.ts';
import { guardedFetch, type OutboundDeps } from '../shared/outbound/guarded-fetch.ts';
import { parseRetryAfter } from './backoff.ts';

export interface Validators {
  readonly etag?: string;
  readonly lastModified?: string;
}

export type FetchOutcome =
  | { readonly kind: 'not-modified'; readonly validators: Validators }
  | {
      readonly kind: 'fetched';
      readonly body: Uint8Array;
      readonly contentType?: string;
      readonly validators: Validators;
    }
  | {
      readonly kind: 'failed';
      readonly reason: string;
      readonly status?: number;
      readonly retryAfterSeconds?: number;
    };

export interface FetchOptions {
  /** How requests leave: resolver and pinned transport (guarded-fetch.ts); injected in tests. */
  readonly outbound: OutboundDeps;
  /** The outlet's registration allows private addresses (local feeds); off by default. */
  readonly allowPrivateAddresses?: boolean;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly nowMs: number;
}

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml, ' +
  'application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

/**
 * One conditional GET of a feed. The timeout covers the whole exchange, body
 * included (every redirect hop too), and the body is read no further than the
 * size cap. Redirects are followed by the guard, which checks each hop's
 * scheme and resolved address and connects to the address it checked. Every failure
 * comes back as a value with its reason, for the caller to record and back off.
 */
export async function fetchFeed(
  url: string,
  known: Validators,
  options: FetchOptions,
): Promise<FetchOutcome> {
  const protocol = URL.canParse(url) ? new URL(url).protocol : '';
  if (protocol !== 'http:' && protocol !== 'https:') {
    return { kind: 'failed', reason: `not an http(s) URL: ${url}` };
  }
  const headers: Record<string, string> = { accept: ACCEPT, 'user-agent': 'syndicate-poller/1' };
  if (known.etag) headers['if-none-match'] = known.etag;
  if (known.lastModified) headers['if-modified-since'] = known.lastModified;
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const { response } = await guardedFetch(
      url,
      { headers, signal, ...(options.allowPrivateAddresses ? { allowPrivateAddresses: true } : {}) },
      options.outbound,
    );
    const validators = readValidators(response.headers);
    if (response.status === 304) {
      await response.body?.cancel();
      return { kind: 'not-modified', validators: { ...known, ...validators } };
    }
    if (!response.ok) {
      await response.body?.cancel();
      const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'), options.nowMs);
      return {
        kind: 'failed',
        reason: `HTTP ${response.status}`,
        status: response.status,
        ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
      };
    }
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declared > options.maxBytes) {
      await response.body?.cancel();
      return tooLarge(options.maxBytes, response.status);
    }
    const body = await readCapped(response, options.maxBytes);
    if (!body) return tooLarge(options.maxBytes, response.status);
    const contentType = response.headers.get('content-type') ?? undefined;
    return { kind: 'fetched', body, validators, ...(contentType ? { contentType } : {}) };
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || (name === 'AbortError' && signal.aborted)) {
      return { kind: 'failed', reason: `timed out after ${options.timeoutMs} ms` };
    }
    const cause = (error as { cause?: unknown }).cause;
    return { kind: 'failed', reason: `${describeError(error)}${cause ? `: ${describeError(cause)}` : ''}` };
  }
}

function readValidators(headers: Headers): Validators {
  const etag = headers.get('etag') ?? undefined;
  const lastModified = headers.get('last-modified') ?? undefined;
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}

function tooLarge(maxBytes: number, status: number): FetchOutcome {
  return { kind: 'failed', reason: `body larger than ${maxBytes} bytes`, status };
}

/** The body, or undefined as soon as it passes the cap (the rest is never downloaded). */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
