import type { S3Client } from '@aws-sdk/client-s3';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { withClaimCheck } from '../../../lambdas/publish/claim-body.ts';
import { MESSAGE_ATTRIBUTES, PUBLISHED_CLAIM_PREFIX } from '../../../lambdas/publish/contract.ts';
import { toOutputMessage } from '../../../lambdas/publish/message.ts';
import { toNinjs } from '../../../lambdas/publish/ninjs.ts';
import { readClaimCheck } from '../../../lambdas/shared/claim-check.ts';
import { sha256Hex } from '../../../lambdas/shared/hash.ts';
import { publishedEnvelope } from './envelope-fixture.ts';

/** Records what would be stored in S3, instead of storing it. */
function recordingS3(): { s3: S3Client; puts: PutObjectCommand[] } {
  const puts: PutObjectCommand[] = [];
  const s3 = {
    send: async (command: unknown) => {
      if (command instanceof PutObjectCommand) puts.push(command);
      return {};
    },
  } as unknown as S3Client;
  return { s3, puts };
}

const envelope = publishedEnvelope();
const message = toOutputMessage(envelope, toNinjs(envelope));
const size = Buffer.byteLength(message.body);

describe('withClaimCheck', () => {
  it('sends a body within the limit inline, untouched', async () => {
    const { s3, puts } = recordingS3();
    const sendable = await withClaimCheck(message, { s3, bucket: 'raw', inlineLimit: size });
    expect(sendable.body).toBe(message.body);
    expect(sendable.attributes[MESSAGE_ATTRIBUTES.claimCheck]).toBeUndefined();
    expect(puts).toHaveLength(0);
  });

  it('stores a body over the limit in S3 and sends a flagged pointer with the same attributes', async () => {
    const { s3, puts } = recordingS3();
    const sendable = await withClaimCheck(message, { s3, bucket: 'raw', inlineLimit: size - 1 });
    const claim = readClaimCheck(sendable.body);
    expect(claim?.bucket).toBe('raw');
    expect(claim?.key.startsWith(PUBLISHED_CLAIM_PREFIX)).toBe(true);
    expect(claim?.sha256).toBe(sha256Hex(message.body));
    expect(claim?.bytes).toBe(size);
    expect(puts[0]?.input.Body).toBe(message.body);
    expect(sendable.attributes[MESSAGE_ATTRIBUTES.claimCheck]?.StringValue).toBe('true');
    expect(sendable.attributes[MESSAGE_ATTRIBUTES.uri]).toEqual(message.attributes[MESSAGE_ATTRIBUTES.uri]);
  });
});
