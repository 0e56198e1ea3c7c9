import { describe, expect, it } from 'vitest';
import {
  CONTRACT_VERSION,
  idempotencyKey,
  MESSAGE_ATTRIBUTES,
  NINJS_CONTENT_TYPE,
} from '../../../lambdas/publish/contract.ts';
import { toOutputMessage } from '../../../lambdas/publish/message.ts';
import { toNinjs } from '../../../lambdas/publish/ninjs.ts';
import { publishedEnvelope } from './envelope-fixture.ts';

const messageFor = (envelope = publishedEnvelope()) => toOutputMessage(envelope, toNinjs(envelope));

describe('toOutputMessage', () => {
  it('carries every contract attribute, taken from the envelope and the document', () => {
    const envelope = publishedEnvelope({ decision: 'version', version: 3 });
    const message = messageFor(envelope);
    const value = (name: string) => message.attributes[name]?.StringValue;
    expect(value(MESSAGE_ATTRIBUTES.outlet)).toBe(envelope.document.outlet);
    expect(value(MESSAGE_ATTRIBUTES.storyId)).toBe(envelope.dedupe?.storyId);
    expect(value(MESSAGE_ATTRIBUTES.uri)).toBe(envelope.dedupe?.uri);
    expect(value(MESSAGE_ATTRIBUTES.version)).toBe('3');
    expect(message.attributes[MESSAGE_ATTRIBUTES.version]?.DataType).toBe('Number');
    expect(value(MESSAGE_ATTRIBUTES.decision)).toBe('version');
    expect(value(MESSAGE_ATTRIBUTES.contentType)).toBe(NINJS_CONTENT_TYPE);
    expect(value(MESSAGE_ATTRIBUTES.contractVersion)).toBe(CONTRACT_VERSION);
    expect(message.attributes[MESSAGE_ATTRIBUTES.claimCheck]).toBeUndefined();
  });

  it('stays within the ten attributes SQS allows, leaving room for the claim-check flag', () => {
    expect(Object.keys(messageFor().attributes).length).toBeLessThan(10);
  });

  it('groups by story and deduplicates on uri + version', () => {
    const first = messageFor(publishedEnvelope({ version: 1 }));
    const again = messageFor(publishedEnvelope({ version: 1 }));
    const second = messageFor(publishedEnvelope({ version: 2 }));
    expect(first.groupId).toBe(publishedEnvelope().dedupe?.storyId);
    expect(first.deduplicationId).toBe(again.deduplicationId);
    expect(first.deduplicationId).not.toBe(second.deduplicationId);
    expect(first.deduplicationId).toBe(idempotencyKey(publishedEnvelope().dedupe?.uri ?? '', '1'));
    expect(first.deduplicationId.length).toBeLessThanOrEqual(128);
  });

  it('sends the ninjs document itself as the body', () => {
    const envelope = publishedEnvelope();
    expect(JSON.parse(messageFor(envelope).body)).toEqual(toNinjs(envelope));
  });
});
