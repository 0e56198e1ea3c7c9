import type { Message, MessageAttributeValue } from '@aws-sdk/client-sqs';
import * as z from 'zod';

const notificationSchema = z.object({
  Type: z.literal('Notification'),
  TopicArn: z.string(),
  Message: z.string(),
  MessageAttributes: z.record(z.string(), z.object({ Type: z.string(), Value: z.string() })).optional(),
});

/**
 * A queue subscribed to the fan-out topic without raw message delivery
 * receives SNS's JSON envelope, with the attributes inside it rather than on
 * the SQS message. This returns the message as raw delivery would have
 * carried it, so both kinds of subscription read the same; anything else is
 * returned unchanged.
 */
export function unwrapSnsNotification(message: Message): Message {
  const body = message.Body ?? '';
  const hasAttributes = Object.keys(message.MessageAttributes ?? {}).length > 0;
  if (hasAttributes || !body.includes('"Notification"')) return message;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    // Not JSON at all: not an envelope; the contract check that follows reports the body.
    return message;
  }
  const envelope = notificationSchema.safeParse(parsed);
  if (!envelope.success) return message;
  const attributes: Record<string, MessageAttributeValue> = {};
  for (const [name, value] of Object.entries(envelope.data.MessageAttributes ?? {})) {
    attributes[name] = { DataType: value.Type, StringValue: value.Value };
  }
  return { ...message, Body: envelope.data.Message, MessageAttributes: attributes };
}
