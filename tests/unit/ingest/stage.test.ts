import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { MemoryReplayGuard } from '../../../lambdas/ingest/replay-guard.ts';
import { signPush } from '../../../lambdas/ingest/signature.ts';
import { createIngestHandler, type IngestStageDeps } from '../../../lambdas/ingest/stage.ts';
import { TokenBuckets } from '../../../lambdas/ingest/token-bucket.ts';
import { sha256Hex } from '../../../lambdas/shared/hash.ts';
import { createLogger } from '../../../lambdas/shared/logger.ts';
import { CountingMetrics, METRICS } from '../../../lambdas/shared/metrics.ts';

const NOW = 1_790_000_000;
const SECRET = 'alpha-secret-0123456789';
const ARTICLE = Buffer.from('MOSCOW (Wire) — Something happened today.\n\nMore text follows here.');

function deps(overrides: Partial<IngestStageDeps> = {}): IngestStageDeps {
  return {
    secrets: { secretFor: async (outlet) => (outlet === 'alpha' ? SECRET : undefined) },
    replay: new MemoryReplayGuard(),
    store: {
      put: async (outlet, bytes) => ({
        documentId: sha256Hex(bytes),
        key: `incoming/${outlet}/${sha256Hex(bytes)}`,
      }),
    },
    throttle: new TokenBuckets(1, 10, () => NOW * 1000),
    maxBodyBytes: 4096,
    maxAgeSeconds: 300,
    nowSeconds: () => NOW,
    topics: new Set(['https://alpha.example/feed']),
    logger: createLogger('ingest', 'SILENT'),
    ...overrides,
  };
}

function event(
  method: string,
  options: { headers?: Record<string, string>; body?: Buffer; query?: string } = {},
) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/',
    rawQueryString: options.query ?? '',
    headers: options.headers ?? {},
    requestContext: { http: { method } },
    ...(options.body
      ? { body: options.body.toString('base64'), isBase64Encoded: true }
      : { isBase64Encoded: false }),
  } as unknown as APIGatewayProxyEventV2;
}

const pushHeaders = (body: Buffer) => ({
  'x-syndicate-outlet': 'alpha',
  'x-syndicate-timestamp': String(NOW),
  'x-hub-signature-256': signPush(SECRET, String(NOW), body),
  'content-type': 'text/plain; charset=utf-8',
});

describe('the ingest handler', () => {
  it('answers a signed POST with 202 and the document id as JSON', async () => {
    const result = await createIngestHandler(deps())(
      event('POST', { headers: pushHeaders(ARTICLE), body: ARTICLE }),
    );
    expect(result.statusCode).toBe(202);
    expect(JSON.parse(result.body ?? '')).toEqual({
      documentId: sha256Hex(ARTICLE),
      outlet: 'alpha',
      format: 'article',
    });
  });

  it('verifies a body API Gateway passed as plain text (not base64)', async () => {
    const plain = { ...event('POST', { headers: pushHeaders(ARTICLE) }), body: ARTICLE.toString('utf8') };
    const result = await createIngestHandler(deps())(plain);
    expect(result.statusCode).toBe(202);
  });

  it('sets Retry-After on 429, and counts accepted and refused pushes', async () => {
    const metrics = new CountingMetrics();
    const handler = createIngestHandler(
      deps({ throttle: new TokenBuckets(0.2, 1, () => NOW * 1000), metrics }),
    );
    await handler(event('POST', { headers: pushHeaders(ARTICLE), body: ARTICLE }));
    const other = Buffer.concat([ARTICLE, Buffer.from('.')]);
    const result = await handler(event('POST', { headers: pushHeaders(other), body: other }));
    expect(result.statusCode).toBe(429);
    expect(result.headers?.['retry-after']).toBe('5');
    expect(metrics.get(METRICS.documentsReceived)).toBe(1);
    expect(metrics.get(METRICS.documentsRejected)).toBe(1);
  });

  it('answers 503 (and stores nothing acknowledged) when storage fails', async () => {
    const handler = createIngestHandler(
      deps({
        store: {
          put: async () => {
            throw new Error('S3 unavailable');
          },
        },
      }),
    );
    const result = await handler(event('POST', { headers: pushHeaders(ARTICLE), body: ARTICLE }));
    expect(result.statusCode).toBe(503);
    expect(JSON.parse(result.body ?? '').error).toBe('unavailable');
  });

  it('answers a WebSub verification of intent for a subscribed topic, 404 otherwise', async () => {
    const handler = createIngestHandler(deps());
    const query = (topic: string) =>
      `hub.mode=subscribe&hub.topic=${encodeURIComponent(topic)}&hub.challenge=abc%20123`;
    const ok = await handler(event('GET', { query: query('https://alpha.example/feed') }));
    expect(ok).toMatchObject({ statusCode: 200, body: 'abc 123' });
    const unknown = await handler(event('GET', { query: query('https://other.example/feed') }));
    expect(unknown.statusCode).toBe(404);
  });

  it('answers 405 to other methods', async () => {
    const result = await createIngestHandler(deps())(event('PUT'));
    expect(result.statusCode).toBe(405);
    expect(result.headers?.allow).toBe('GET, POST, DELETE');
  });
});
