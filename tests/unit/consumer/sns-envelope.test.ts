import type { Message } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { unwrapSnsNotification } from '../../../consumer/sns-envelope.ts';

const notification = (attributes: Record<string, { Type: string; Value: string }>) =>
  JSON.stringify({
    Type: 'Notification',
    MessageId: 'sns-1',
    TopicArn: 'arn:aws:sns:us-east-1:000000000000:syndicate-output',
    Message: '{"uri":"urn:x","version":"1"}',
    Timestamp: '2026-11-25T10:00:00.000Z',
    MessageAttributes: attributes,
  });

describe('unwrapSnsNotification', () => {
  it('turns an SNS envelope into the message raw delivery would have carried', () => {
    const message: Message = {
      MessageId: 'm-1',
      ReceiptHandle: 'r-1',
      Body: notification({
        outlet: { Type: 'String', Value: 'wire' },
        version: { Type: 'Number', Value: '1' },
      }),
    };
    const unwrapped = unwrapSnsNotification(message);
    expect(unwrapped.Body).toBe('{"uri":"urn:x","version":"1"}');
    expect(unwrapped.MessageAttributes).toEqual({
      outlet: { DataType: 'String', StringValue: 'wire' },
      version: { DataType: 'Number', StringValue: '1' },
    });
    expect(unwrapped.ReceiptHandle).toBe('r-1');
  });

  it('leaves a raw-delivery message alone, even if its body looks like an envelope', () => {
    const message: Message = {
      Body: notification({}),
      MessageAttributes: { outlet: { DataType: 'String', StringValue: 'local' } },
    };
    expect(unwrapSnsNotification(message)).toBe(message);
    const plain: Message = { Body: 'not json "Notification"' };
    expect(unwrapSnsNotification(plain)).toBe(plain);
  });
});
