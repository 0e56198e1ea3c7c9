import { readFileSync } from 'node:fs';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MESSAGE_ATTRIBUTES } from '../../lambdas/publish/contract.ts';
import { ALT_ID_ROLES } from '../../lambdas/publish/ninjs.ts';
import { sha256Hex } from '../../lambdas/shared/hash.ts';
import { startTestPipeline, type TestPipeline } from '../support/local-pipeline.ts';
import { SEED_ARTICLE } from '../support/paths.ts';

let test: TestPipeline;

beforeAll(async () => {
  // Long enough that a slow handler on a loaded machine is not redelivered (and published twice):
  // these tests count messages, and at-least-once redelivery is not what they exercise.
  test = await startTestPipeline({ visibilityTimeout: 30 });
});

afterAll(async () => {
  await test?.close();
});

it('an object dropped under incoming/{outlet}/ with a human file name comes out attributed to that outlet', async () => {
  const bytes = readFileSync(SEED_ARTICLE);
  const key = 'incoming/delta-news/Morning report 25.11 (final).txt';
  await test.pipeline.clients.s3.send(
    new PutObjectCommand({
      Bucket: test.pipeline.resources.bucket,
      Key: key,
      Body: bytes,
      ContentType: 'text/plain; charset=utf-8',
    }),
  );
  await test.pipeline.waitForIdle();
  const out = await test.pipeline.drainOutput();
  expect(out).toHaveLength(1);
  const [message] = out;
  expect(message?.message.MessageAttributes?.[MESSAGE_ATTRIBUTES.outlet]?.StringValue).toBe('delta-news');
  const ninjs = JSON.parse(message?.body ?? '{}') as { altIds: Array<{ role: string; value: string }> };
  expect(ninjs.altIds).toContainEqual({ role: ALT_ID_ROLES.outlet, value: 'delta-news' });
  expect(ninjs.altIds).toContainEqual({ role: ALT_ID_ROLES.documentId, value: sha256Hex(bytes) });
  expect(await test.pipeline.deadLetters()).toEqual([]);
});

it('an object dropped outside any outlet folder is rejected with its reason, not published', async () => {
  await test.pipeline.clients.s3.send(
    new PutObjectCommand({
      Bucket: test.pipeline.resources.bucket,
      Key: 'incoming/stray file.txt',
      Body: readFileSync(SEED_ARTICLE),
    }),
  );
  await test.pipeline.waitForIdle();
  expect(await test.pipeline.drainOutput()).toEqual([]);
  const letters = await test.pipeline.deadLetters();
  expect(letters).toHaveLength(1);
  expect(letters[0]).toMatchObject({ stage: 'normalize', code: 'bad-key' });
  expect(letters[0]?.reason).toMatch(/no outlet folder/);
});
