import type { Message, MessageAttributeValue } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { ContractViolationError } from '../../../consumer/errors.ts';
import { readPublishedMessage } from '../../../consumer/published-message.ts';
import { CONTRACT_VERSION, idempotencyKey, MESSAGE_ATTRIBUTES } from '../../../lambdas/publish/contract.ts';
import { toOutputMessage } from '../../../lambdas/publish/message.ts';
import { toNinjs } from '../../../lambdas/publish/ninjs.ts';
import { publishedEnvelope } from '../publish/envelope-fixture.ts';

/** An SQS message as a consumer receives it, built by the publisher's own code. */
function received(
  change: { body?: string; attributes?: Record<string, MessageAttributeValue | undefined> } = {},
): Message {
  const envelope = publishedEnvelope({ version: 2 });
  const out = toOutputMessage(envelope, toNinjs(envelope));
  const attributes = Object.fromEntries(
    Object.entries({ ...out.attributes, ...change.attributes }).filter(([, v]) => v !== undefined),
  ) as Record<string, MessageAttributeValue>;
  return {
    MessageId: 'm-1',
    ReceiptHandle: 'r-1',
    Body: change.body ?? out.body,
    MessageAttributes: attributes,
    Attributes: { ApproximateReceiveCount: '2', MessageGroupId: out.groupId },
  };
}

const options = { validate: true, acceptedContractVersions: [CONTRACT_VERSION] };
const text = (value: string): MessageAttributeValue => ({ DataType: 'String', StringValue: value });

describe('readPublishedMessage', () => {
  it('types a contract message: attributes, ninjs, idempotency key, delivery facts', async () => {
    const message = await readPublishedMessage(received(), options);
    const uri = publishedEnvelope().dedupe?.uri ?? '';
    expect(message.attributes.uri).toBe(uri);
    expect(message.attributes.version).toBe('2');
    expect(message.ninjs.uri).toBe(uri);
    expect(message.idempotencyKey).toBe(idempotencyKey(uri, '2'));
    expect(message.claimChecked).toBe(false);
    expect(message.receiveCount).toBe(2);
    expect(message.groupId).toBe(publishedEnvelope().dedupe?.storyId);
  });

  it('keeps attributes added by a later, additive contract change', async () => {
    const message = await readPublishedMessage(received({ attributes: { priority: text('high') } }), options);
    expect(message.attributes.priority).toBe('high');
  });

  it('refuses a contract version the consumer does not understand', async () => {
    const message = received({ attributes: { [MESSAGE_ATTRIBUTES.contractVersion]: text('2') } });
    await expect(readPublishedMessage(message, options)).rejects.toThrow(/contract version 2/);
  });

  it('refuses a message missing a required attribute, keeping the raw message', async () => {
    const raw = received({ attributes: { [MESSAGE_ATTRIBUTES.storyId]: undefined } });
    const error = await readPublishedMessage(raw, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractViolationError);
    expect((error as ContractViolationError).sqsMessage).toBe(raw);
  });

  it('refuses a body whose uri disagrees with the attributes', async () => {
    const body = JSON.stringify({ ...JSON.parse(received().Body ?? '{}'), uri: 'urn:other:1' });
    await expect(readPublishedMessage(received({ body }), options)).rejects.toThrow(/disagree/);
  });

  it('validates against ninjs 3.1 only when asked', async () => {
    const body = JSON.stringify({ ...JSON.parse(received().Body ?? '{}'), pubStatus: 'perhaps' });
    await expect(readPublishedMessage(received({ body }), options)).rejects.toThrow(/pubStatus/);
    const loose = await readPublishedMessage(received({ body }), { ...options, validate: false });
    expect(loose.ninjs.pubStatus).toBe('perhaps');
  });

  it('cannot resolve a claim check without an S3 client', async () => {
    const body = JSON.stringify({
      schema: 'syndicate.claim-check.v1',
      bucket: 'raw',
      key: 'published/claims/x.json',
      bytes: 10,
      sha256: 'x',
    });
    await expect(readPublishedMessage(received({ body }), options)).rejects.toThrow(/no S3 client/);
  });
});
