import type { MessageAttributeValue } from '@aws-sdk/client-sqs';
import type { ItemEnvelope } from '../shared/envelope.ts';
import { toSqsJson } from '../shared/sqs-body.ts';
import { CONTRACT_VERSION, idempotencyKey, MESSAGE_ATTRIBUTES, NINJS_CONTENT_TYPE } from './contract.ts';
import type { NinjsDocument } from './ninjs.ts';

export { CONTRACT_VERSION, NINJS_CONTENT_TYPE };

export interface OutputMessage {
  readonly body: string;
  readonly attributes: Record<string, MessageAttributeValue>;
  /** FIFO only: one story's versions stay in order. */
  readonly groupId: string;
  /** FIFO only, and the idempotency key consumers of a standard queue use: uri + version. */
  readonly deduplicationId: string;
}

const text = (value: string): MessageAttributeValue => ({ DataType: 'String', StringValue: value });

/** Message attributes let consumers route and filter without parsing the body. */
export function toOutputMessage(envelope: ItemEnvelope, ninjs: NinjsDocument): OutputMessage {
  const dedupe = envelope.dedupe;
  if (!dedupe) throw new Error('envelope has no dedupe outcome');
  const names = MESSAGE_ATTRIBUTES;
  return {
    body: toSqsJson(ninjs),
    attributes: {
      [names.outlet]: text(envelope.document.outlet),
      [names.storyId]: text(dedupe.storyId),
      [names.uri]: text(ninjs.uri),
      // Number, so SNS filter policies can match numerically (e.g. only first versions).
      [names.version]: { DataType: 'Number', StringValue: ninjs.version },
      [names.decision]: text(dedupe.decision),
      [names.contentType]: text(NINJS_CONTENT_TYPE),
      [names.contractVersion]: text(CONTRACT_VERSION),
      [names.pubStatus]: text(typeof ninjs.pubStatus === 'string' ? ninjs.pubStatus : 'usable'),
    },
    groupId: dedupe.storyId,
    deduplicationId: idempotencyKey(ninjs.uri, ninjs.version),
  };
}
