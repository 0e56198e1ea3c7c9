import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describeError } from '../shared/errors.ts';
import { METRICS, type StageMetrics } from '../shared/metrics.ts';
import { acceptPush, type PushDeps, SOURCE_URL_HEADER } from './push.ts';
import { OUTLET_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature.ts';
import { answerVerification } from './websub.ts';

export interface IngestStageDeps extends PushDeps {
  /** WebSub topics this deployment subscribed to: its outlets' registered feeds. */
  readonly topics: ReadonlySet<string>;
  readonly logger: Logger;
  /** Accepted pushes count as DocumentsReceived, refusals as DocumentsRejected (dimension stage=ingest). */
  readonly metrics?: StageMetrics;
}

export type IngestHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

function json(statusCode: number, body: unknown, headers: Record<string, string> = {}) {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  // API Gateway and Function URLs lower-case header names; look both ways to be safe.
  return (
    event.headers[name] ??
    Object.entries(event.headers).find(([key]) => key.toLowerCase() === name)?.[1] ??
    undefined
  );
}

function bodyBytes(event: APIGatewayProxyEventV2): Buffer {
  if (event.body === undefined) return Buffer.alloc(0);
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
}

/**
 * The push endpoint as an API Gateway HTTP API (payload 2.0) / Function URL
 * handler: POST a signed document, or GET a WebSub verification of intent.
 * Failures of S3/DynamoDB/Secrets Manager are logged and answered 503 so the
 * sender retries; nothing was acknowledged, so nothing is lost.
 */
export function createIngestHandler(deps: IngestStageDeps): IngestHandler {
  const { logger, metrics } = deps;
  return async (event) => {
    try {
      return await handle(event);
    } finally {
      // Only pushes count anything; flushing an empty set makes Powertools warn.
      if (['POST', 'DELETE'].includes(event.requestContext.http.method.toUpperCase())) metrics?.flush();
    }
  };

  async function handle(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
    const method = event.requestContext.http.method.toUpperCase();
    try {
      if (method === 'GET') {
        const query = Object.fromEntries(new URLSearchParams(event.rawQueryString ?? ''));
        const answer = answerVerification(query, deps.topics);
        logger.info('websub verification', { topic: query['hub.topic'], status: answer.status });
        return {
          statusCode: answer.status,
          headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
          body: answer.body,
        };
      }
      if (method !== 'POST' && method !== 'DELETE')
        return json(405, { error: 'method-not-allowed' }, { allow: 'GET, POST, DELETE' });
      const answer = await acceptPush(
        {
          outlet: header(event, OUTLET_HEADER),
          signature: header(event, SIGNATURE_HEADER),
          timestamp: header(event, TIMESTAMP_HEADER),
          contentType: header(event, 'content-type'),
          sourceUrl: header(event, SOURCE_URL_HEADER),
          body: bodyBytes(event),
          ...(method === 'DELETE' ? { kill: true } : {}),
        },
        deps,
      );
      metrics?.count(answer.status === 202 ? METRICS.documentsReceived : METRICS.documentsRejected);
      if (answer.status === 202) {
        logger.info('document accepted', { outlet: answer.outlet, documentId: answer.documentId });
        return json(202, { documentId: answer.documentId, outlet: answer.outlet, format: answer.format });
      }
      logger.warn('push refused', { status: answer.status, error: answer.error, reason: answer.reason });
      return json(
        answer.status,
        { error: answer.error, message: answer.reason },
        answer.retryAfterSeconds ? { 'retry-after': String(answer.retryAfterSeconds) } : {},
      );
    } catch (error) {
      if (error instanceof Error) logger.error('push failed', error);
      else logger.error('push failed', { error: describeError(error) });
      return json(503, { error: 'unavailable', message: 'could not store the document; retry later' });
    }
  }
}
