import type { MessageAttributeValue } from '@aws-sdk/client-sqs';
import type { ItemEnvelope } from '../shared/envelope.ts';
import { sha256Hex } from '../shared/hash.ts';
import type { NinjsDocument } from './ninjs.ts';

/** The queue contract's version; bumped only for incompatible changes (docs/consumers.md). */
export const CONTRACT_VERSION = '1';
export const NINJS_CONTENT_TYPE = 'application/ninjs+json';

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
  return {
    body: JSON.stringify(ninjs),
    attributes: {
      outlet: text(envelope.document.outlet),
      storyId: text(dedupe.storyId),
      uri: text(ninjs.uri),
      version: { DataType: 'Number', StringValue: ninjs.version },
      decision: text(dedupe.decision),
      contentType: text(NINJS_CONTENT_TYPE),
      contractVersion: text(CONTRACT_VERSION),
    },
    groupId: dedupe.storyId,
    deduplicationId: sha256Hex(`${ninjs.uri}\n${ninjs.version}`),
  };
}
