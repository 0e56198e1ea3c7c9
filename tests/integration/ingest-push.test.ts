import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REPLAY_PREFIX } from '../../lambdas/ingest/replay-guard.ts';
import {
  OUTLET_HEADER,
  SIGNATURE_HEADER,
  signPush,
  TIMESTAMP_HEADER,
} from '../../lambdas/ingest/signature.ts';
import { MESSAGE_ATTRIBUTES } from '../../lambdas/publish/contract.ts';
import { ALT_ID_ROLES } from '../../lambdas/publish/ninjs.ts';
import { sha256Hex } from '../../lambdas/shared/hash.ts';
import { OutletRegistry } from '../../lambdas/shared/outlets.ts';
import type { HttpEndpoint } from '../../local/http-endpoint.ts';
import { pushDocument, signedHeaders } from '../../local/ingest-client.ts';
import { startLocalIngest } from '../../local/ingest-endpoint.ts';
import { startTestPipeline, type TestPipeline } from '../support/local-pipeline.ts';
import { SEED_ARTICLE } from '../support/paths.ts';
import { tempDir } from '../support/temp-dir.ts';

const SECRETS = {
  alpha: 'alpha-secret-0123456789abcdef',
  beta: 'beta-secret-0123456789abcdef',
  gamma: 'gamma-secret-0123456789abcdef',
};
const MAX_BODY = 16 * 1024;
const TOPIC = 'https://alpha.example/feed.xml';
const BURST = 3;
const article = readFileSync(SEED_ARTICLE);

let test: TestPipeline;
let endpoint: HttpEndpoint;
let secretsDir: { path: string; remove: () => void };
let s3Writes: string[] = [];

beforeAll(async () => {
  // Long enough that a slow handler on a loaded machine is not redelivered (and published twice):
  // these tests count messages, and at-least-once redelivery is not what they exercise.
  test = await startTestPipeline({ visibilityTimeout: 30 });
  secretsDir = tempDir('syndicate-secrets-');
  const secretsFile = join(secretsDir.path, 'secrets.json');
  writeFileSync(secretsFile, JSON.stringify(SECRETS));
  endpoint = await startLocalIngest({
    pipeline: test.pipeline,
    secretsFile,
    maxBodyBytes: MAX_BODY,
    pushBurst: BURST,
    pushRatePerSecond: 0.001,
    logLevel: 'SILENT',
    outlets: new OutletRegistry([{ id: 'alpha', feeds: [TOPIC] }]),
  });
  test.pipeline.emulators.s3rver.on(
    'event',
    (event: { Records: Array<{ s3: { object: { key: string } } }> }) => {
      for (const record of event.Records) s3Writes.push(record.s3.object.key);
    },
  );
});

afterAll(async () => {
  await endpoint?.close();
  await test?.close();
  secretsDir?.remove();
});

beforeEach(() => {
  s3Writes = [];
});

async function incomingKeys(): Promise<string[]> {
  const listed = await test.pipeline.clients.s3.send(
    new ListObjectsV2Command({ Bucket: test.pipeline.resources.bucket, Prefix: 'incoming/' }),
  );
  return (listed.Contents ?? []).map((object) => object.Key ?? '');
}

async function post(body: Uint8Array, headers: Record<string, string>) {
  const response = await fetch(endpoint.url, { method: 'POST', headers, body });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, response };
}

const nowMs = () => Date.now();

describe('rejected pushes store nothing', () => {
  it('401 without a signature', async () => {
    const result = await post(article, { [OUTLET_HEADER]: 'alpha', 'content-type': 'text/plain' });
    expect(result.status).toBe(401);
    expect(result.body.message).toMatch(/X-Hub-Signature-256/);
    expect(s3Writes).toEqual([]);
    expect(await incomingKeys()).toEqual([]);
  });

  it('401 with a wrong signature', async () => {
    const headers = signedHeaders('alpha', 'not-the-secret-0123456789', article, nowMs());
    const result = await post(article, headers);
    expect(result.status).toBe(401);
    expect(s3Writes).toEqual([]);
    expect(await incomingKeys()).toEqual([]);
  });

  it('401 when the body was changed after signing', async () => {
    const headers = signedHeaders('alpha', SECRETS.alpha, article, nowMs());
    const tampered = Buffer.concat([article, Buffer.from('\nP.S. injected')]);
    const result = await post(tampered, headers);
    expect(result.status).toBe(401);
    expect(await incomingKeys()).toEqual([]);
  });

  it('401 with a stale timestamp, even though the signature is right', async () => {
    const headers = signedHeaders('alpha', SECRETS.alpha, article, nowMs() - 301_000);
    const result = await post(article, headers);
    expect(result.status).toBe(401);
    expect(result.body.message).toMatch(/timestamp/);
    expect(await incomingKeys()).toEqual([]);
  });

  it('401 for a signature made with another outlet’s secret (wrong outlet)', async () => {
    const headers = { ...signedHeaders('alpha', SECRETS.alpha, article, nowMs()), [OUTLET_HEADER]: 'beta' };
    const result = await post(article, headers);
    expect(result.status).toBe(401);
    expect(await incomingKeys()).toEqual([]);
  });

  it('401 for an outlet with no secret, answered like a wrong signature', async () => {
    const headers = signedHeaders('nobody', SECRETS.alpha, article, nowMs());
    const result = await post(article, headers);
    expect(result.status).toBe(401);
    expect(result.body.message).toBe('signature does not match');
    expect(await incomingKeys()).toEqual([]);
  });

  it('413 over the size limit', async () => {
    const big = Buffer.alloc(MAX_BODY + 1, 'a');
    const result = await post(big, signedHeaders('alpha', SECRETS.alpha, big, nowMs()));
    expect(result.status).toBe(413);
    expect(s3Writes).toEqual([]);
    expect(await incomingKeys()).toEqual([]);
  });

  it('415 for a correctly signed body in no known format', async () => {
    const html = Buffer.from('<!DOCTYPE html><html><body>hello</body></html>');
    const result = await post(html, {
      ...signedHeaders('beta', SECRETS.beta, html, nowMs()),
      'content-type': 'text/html',
    });
    expect(result.status).toBe(415);
    expect(result.body.error).toBe('html-page');
    expect(s3Writes).toEqual([]);
    expect(await incomingKeys()).toEqual([]);
  });

  it('429 once an outlet has used its burst, with Retry-After', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i <= BURST; i++) {
      const junk = Buffer.from(`\u0000binary ${i}`);
      const result = await post(junk, signedHeaders('gamma', SECRETS.gamma, junk, nowMs()));
      statuses.push(result.status);
      retryAfter = result.response.headers.get('retry-after');
    }
    // Junk bodies: the first BURST pass the throttle and are refused as 415, the next one is throttled.
    expect(statuses).toEqual([...Array(BURST).fill(415), 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(s3Writes).toEqual([]);
    expect(await incomingKeys()).toEqual([]);
  });
});

describe('an accepted push', () => {
  it('answers 202 with the document id, refuses its replay, and comes out attributed to the outlet', async () => {
    const headers = {
      ...signedHeaders('alpha', SECRETS.alpha, article, nowMs()),
      'content-type': 'text/plain; charset=utf-8',
    };
    const accepted = await post(article, headers);
    expect(accepted.status).toBe(202);
    const documentId = sha256Hex(article);
    expect(accepted.body).toEqual({ documentId, outlet: 'alpha', format: 'article' });
    expect(await incomingKeys()).toEqual([`incoming/alpha/${documentId}`]);

    const replayed = await post(article, headers);
    expect(replayed.status).toBe(401);
    expect(replayed.body.message).toMatch(/replay/);

    const doc = DynamoDBDocumentClient.from(test.pipeline.clients.dynamodb);
    const signature = headers[SIGNATURE_HEADER]?.slice('sha256='.length);
    const record = await doc.send(
      new GetCommand({
        TableName: test.pipeline.resources.table,
        Key: { pk: `${REPLAY_PREFIX}${signature}`, sk: '-' },
      }),
    );
    expect(record.Item?.outlet).toBe('alpha');
    expect(record.Item?.expiresAt).toBeGreaterThan(Number(headers[TIMESTAMP_HEADER]));

    await test.pipeline.waitForIdle();
    const out = await test.pipeline.drainOutput();
    expect(out).toHaveLength(1);
    const message = out[0];
    expect(message?.message.MessageAttributes?.[MESSAGE_ATTRIBUTES.outlet]?.StringValue).toBe('alpha');
    const ninjs = JSON.parse(message?.body ?? '{}') as { altIds: Array<{ role: string; value: string }> };
    expect(ninjs.altIds).toContainEqual({ role: ALT_ID_ROLES.outlet, value: 'alpha' });
    expect(ninjs.altIds).toContainEqual({ role: ALT_ID_ROLES.documentId, value: documentId });
    // The replay stored nothing: exactly one write, the accepted one.
    expect(s3Writes.filter((key) => key.startsWith('incoming/'))).toEqual([`incoming/alpha/${documentId}`]);
  });

  it('keeps the Content-Type as object metadata, through the client that signs and retries', async () => {
    const feed = Buffer.from(
      '<?xml version="1.0"?><rss version="2.0"><channel><title>Beta</title><link>https://beta.example/</link>' +
        '<description>d</description><item><title>One</title><link>https://beta.example/1</link>' +
        '<guid>b-1</guid><description>First item text.</description></item></channel></rss>',
    );
    const result = await pushDocument({
      url: endpoint.url,
      outlet: 'beta',
      secret: SECRETS.beta,
      body: feed,
    });
    expect(result.status).toBe(202);
    const head = await test.pipeline.clients.s3.send(
      new ListObjectsV2Command({ Bucket: test.pipeline.resources.bucket, Prefix: 'incoming/beta/' }),
    );
    expect(head.Contents?.map((o) => o.Key)).toEqual([`incoming/beta/${sha256Hex(feed)}`]);
    const { HeadObjectCommand } = await import('@aws-sdk/client-s3');
    const meta = await test.pipeline.clients.s3.send(
      new HeadObjectCommand({
        Bucket: test.pipeline.resources.bucket,
        Key: `incoming/beta/${sha256Hex(feed)}`,
      }),
    );
    expect(meta.ContentType).toBe('application/rss+xml');
    await test.pipeline.waitForIdle();
    const out = await test.pipeline.drainOutput();
    expect(out.map((m) => m.message.MessageAttributes?.[MESSAGE_ATTRIBUTES.outlet]?.StringValue)).toEqual([
      'beta',
    ]);
  });
});

it('signPush is what the endpoint verifies: sha256= and 64 hex digits', () => {
  expect(signPush('k'.repeat(20), '1700000000', Buffer.from('x'))).toMatch(/^sha256=[0-9a-f]{64}$/);
});

describe('WebSub verification of intent over HTTP', () => {
  const verify = (topic: string) =>
    fetch(
      `${endpoint.url}/?${new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.topic': topic, 'hub.challenge': 'ch-42' })}`,
    );

  it('echoes the challenge for a registered feed', async () => {
    const response = await verify(TOPIC);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ch-42');
  });

  it('answers 404 for any other topic', async () => {
    const response = await verify('https://alpha.example/other.xml');
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('');
  });
});
