import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterEach, expect, it } from 'vitest';
import { type HttpEndpoint, startHttpEndpoint } from '../../../local/http-endpoint.ts';

let endpoint: HttpEndpoint | undefined;
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

it('hands the handler an API Gateway v2 event with the exact bytes, and sends back its answer', async () => {
  const events: APIGatewayProxyEventV2[] = [];
  endpoint = await startHttpEndpoint({
    handler: async (event) => {
      events.push(event);
      return { statusCode: 202, headers: { 'x-answer': 'yes' }, body: '{"ok":true}' };
    },
  });
  const body = Buffer.from([0xef, 0xbb, 0xbf, 0x3c, 0xff, 0x00]);
  const response = await fetch(`${endpoint.url}/push?hub.mode=x&a=%20b`, {
    method: 'POST',
    headers: { 'X-Syndicate-Outlet': 'alpha' },
    body,
  });
  expect(response.status).toBe(202);
  expect(response.headers.get('x-answer')).toBe('yes');
  expect(await response.json()).toEqual({ ok: true });
  const [event] = events;
  expect(event?.requestContext.http.method).toBe('POST');
  expect(event?.rawPath).toBe('/push');
  expect(event?.rawQueryString).toBe('hub.mode=x&a=%20b');
  expect(event?.queryStringParameters).toEqual({ 'hub.mode': 'x', a: ' b' });
  expect(event?.headers['x-syndicate-outlet']).toBe('alpha');
  expect(event?.isBase64Encoded).toBe(true);
  expect(Buffer.from(event?.body ?? '', 'base64')).toEqual(body);
});

it('refuses a body over its hard limit with 413 without calling the handler', async () => {
  let calls = 0;
  endpoint = await startHttpEndpoint({
    maxRequestBytes: 100,
    handler: async () => {
      calls++;
      return { statusCode: 200 };
    },
  });
  const response = await fetch(endpoint.url, { method: 'POST', body: Buffer.alloc(101) });
  expect(response.status).toBe(413);
  expect(calls).toBe(0);
});

it('answers 500 when the handler throws, and reports the error', async () => {
  const errors: unknown[] = [];
  endpoint = await startHttpEndpoint({
    handler: async () => {
      throw new Error('boom');
    },
    onError: (error) => errors.push(error),
  });
  const response = await fetch(endpoint.url);
  expect(response.status).toBe(500);
  expect(errors).toHaveLength(1);
});
