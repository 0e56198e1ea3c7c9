import type { S3Client } from '@aws-sdk/client-s3';
import type { MessageAttributeValue } from '@aws-sdk/client-sqs';
import { storeClaim } from '../shared/claim-check.ts';
import { MESSAGE_ATTRIBUTES, PUBLISHED_CLAIM_PREFIX } from './contract.ts';
import type { OutputMessage } from './message.ts';

export interface SendableMessage {
  readonly body: string;
  readonly attributes: Record<string, MessageAttributeValue>;
}

/**
 * Swaps a body larger than the transport allows for a claim check stored in
 * S3, flagging it with the `claimCheck` attribute so a consumer (or a filter
 * policy) knows without parsing. The attributes are kept either way, so
 * routing never needs the body.
 */
export async function withClaimCheck(
  message: OutputMessage,
  options: { readonly s3: S3Client; readonly bucket: string; readonly inlineLimit: number },
): Promise<SendableMessage> {
  if (Buffer.byteLength(message.body) <= options.inlineLimit) {
    return { body: message.body, attributes: { ...message.attributes } };
  }
  const claim = await storeClaim(options.s3, options.bucket, PUBLISHED_CLAIM_PREFIX, message.body);
  return {
    body: JSON.stringify(claim),
    attributes: {
      ...message.attributes,
      [MESSAGE_ATTRIBUTES.claimCheck]: { DataType: 'String', StringValue: 'true' },
    },
  };
}
