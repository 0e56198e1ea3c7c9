import { GetObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { MESSAGE_ATTRIBUTES, PUBLISHED_CLAIM_PREFIX } from '../../lambdas/publish/contract.ts';
import { readClaimCheck } from '../../lambdas/shared/claim-check.ts';
import { startTestPipeline } from '../support/local-pipeline.ts';
import { longFeed } from '../support/long-feed.ts';
import { readPublished } from '../support/published.ts';

const MIB = 1024 * 1024;

describe('claim check on the output queue', () => {
  it('stores a ninjs body over 1 MiB in S3 and the consumer resolves it transparently', async () => {
    // Stages hide a record for 30 s while working on it, so a slow machine does not see redeliveries.
    const running = await startTestPipeline({ visibilityTimeout: 30 });
    try {
      const { pipeline } = running;
      await pipeline.ingest('harbour', longFeed(5000));
      await pipeline.waitForIdle();
      expect(await pipeline.deadLetters()).toEqual([]);

      const { consumer, messages } = await readPublished(pipeline);
      expect(messages).toHaveLength(1);
      const [message] = messages;
      if (!message) throw new Error('no message');

      const claim = readClaimCheck(message.raw.Body ?? '');
      expect(claim?.key.startsWith(PUBLISHED_CLAIM_PREFIX)).toBe(true);
      expect(message.raw.MessageAttributes?.[MESSAGE_ATTRIBUTES.claimCheck]?.StringValue).toBe('true');
      expect(Buffer.byteLength(message.raw.Body ?? '')).toBeLessThan(1024);
      expect(message.claimChecked).toBe(true);
      expect(Buffer.byteLength(message.body)).toBeGreaterThan(MIB);
      expect(Buffer.byteLength(message.body)).toBe(claim?.bytes);
      expect(message.ninjs.uri).toBe(message.attributes.uri);

      const stored = await pipeline.clients.s3.send(
        new GetObjectCommand({ Bucket: claim?.bucket, Key: claim?.key }),
      );
      expect(await stored.Body?.transformToString('utf-8')).toBe(message.body);
      await consumer.delete(messages);
    } finally {
      await running.close();
    }
  });
});
