import type { Tracer } from '@aws-lambda-powertools/tracer';
import { describe, expect, it } from 'vitest';
import { createAwsClients } from '../../../lambdas/shared/clients.ts';

describe('AWS clients', () => {
  it('take emulator endpoints as configuration, path-style for S3', async () => {
    const clients = createAwsClients({
      region: 'eu-west-1',
      endpoints: { s3: 'http://127.0.0.1:4569', sqs: 'http://127.0.0.1:4566', dynamodb: undefined },
    });
    expect(await clients.s3.config.region()).toBe('eu-west-1');
    expect(clients.s3.config.forcePathStyle).toBe(true);
    const endpoint = await clients.sqs.config.endpoint?.();
    expect(endpoint?.hostname).toBe('127.0.0.1');
  });

  it('hand every client to the tracer, so each SDK call becomes an X-Ray subsegment on Lambda', () => {
    const captured: unknown[] = [];
    const tracer = {
      captureAWSv3Client: <T>(client: T): T => {
        captured.push(client);
        return client;
      },
    } as unknown as Tracer;
    const clients = createAwsClients({ region: 'us-east-1', endpoints: {} }, { tracer });
    expect(captured).toEqual([clients.s3, clients.sqs, clients.dynamodb]);
  });
});
