import type { S3Client } from '@aws-sdk/client-s3';
import type { Message } from '@aws-sdk/client-sqs';
import * as z from 'zod';
import { idempotencyKey, MESSAGE_ATTRIBUTES, NINJS_CONTENT_TYPE } from '../lambdas/publish/contract.ts';
import type { NinjsDocument } from '../lambdas/publish/ninjs.ts';
import { ninjsErrors } from '../lambdas/publish/validate.ts';
import { readClaimCheck, resolveBody } from '../lambdas/shared/claim-check.ts';
import { sha256Hex } from '../lambdas/shared/hash.ts';
import { ContractViolationError } from './errors.ts';
import { unwrapSnsNotification } from './sns-envelope.ts';

const names = MESSAGE_ATTRIBUTES;

/**
 * The message attributes of contract version 1. Unknown attributes are kept
 * (the contract only grows), and dedupe decisions are open strings so a new
 * decision added later does not break an old consumer.
 */
export const publishedAttributesSchema = z.looseObject({
  [names.outlet]: z.string().min(1),
  [names.storyId]: z.string().min(1),
  [names.uri]: z.string().min(1),
  [names.version]: z.string().regex(/^[1-9][0-9]*$/),
  [names.decision]: z.string().min(1),
  [names.contentType]: z.literal(NINJS_CONTENT_TYPE),
  [names.contractVersion]: z.string().min(1),
  [names.claimCheck]: z.literal('true').optional(),
  // Optional: messages published before kills and withdrawals carry none (they are all usable).
  [names.pubStatus]: z.enum(['usable', 'withheld', 'canceled']).optional(),
});
export type PublishedAttributes = z.infer<typeof publishedAttributesSchema>;

const ninjsEnvelopeSchema = z.looseObject({ uri: z.string().min(1), version: z.string().min(1) });

export interface PublishedMessage {
  readonly messageId: string;
  readonly receiptHandle: string;
  /** The ninjs JSON text, with a claim check already resolved. */
  readonly body: string;
  readonly ninjs: NinjsDocument;
  readonly attributes: PublishedAttributes;
  /** uri + version (hashed): process each key once; a standard queue may deliver twice. */
  readonly idempotencyKey: string;
  /** Whether the body arrived as a claim check and was fetched from S3. */
  readonly claimChecked: boolean;
  readonly receiveCount: number;
  /** FIFO only: the story id the message was ordered under. */
  readonly groupId?: string;
  /** The SQS message as received (an SNS envelope, for a subscription without raw delivery). */
  readonly raw: Message;
}

export interface ReadOptions {
  /** Needed to resolve claim checks; a claim check without it is a contract violation. */
  readonly s3?: S3Client;
  readonly validate: boolean;
  readonly acceptedContractVersions: readonly string[];
}

function flatAttributes(message: Message): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.MessageAttributes ?? {})) {
    if (value.StringValue !== undefined) flat[name] = value.StringValue;
  }
  return flat;
}

async function resolve(
  message: Message,
  body: string,
  s3: S3Client | undefined,
): Promise<{ body: string; claimChecked: boolean }> {
  const claim = readClaimCheck(body);
  if (!claim) return { body, claimChecked: false };
  if (!s3) throw new ContractViolationError('message is a claim check but no S3 client was given', message);
  const resolved = await resolveBody(s3, body);
  // The pointer names the body's digest: a mismatch means the object was replaced or truncated.
  if (sha256Hex(resolved) !== claim.sha256)
    throw new ContractViolationError(`claim check ${claim.key} does not match its sha256`, message);
  return { body: resolved, claimChecked: true };
}

/** Turns a received SQS message into a typed, checked PublishedMessage. */
export async function readPublishedMessage(
  received: Message,
  options: ReadOptions,
): Promise<PublishedMessage> {
  const message = unwrapSnsNotification(received);
  const violation = (reason: string, cause?: unknown) =>
    new ContractViolationError(`message ${received.MessageId ?? '?'}: ${reason}`, received, { cause });
  const attributes = publishedAttributesSchema.safeParse(flatAttributes(message));
  if (!attributes.success) throw violation(`bad attributes: ${z.prettifyError(attributes.error)}`);
  const contract = attributes.data[names.contractVersion];
  if (!options.acceptedContractVersions.includes(contract))
    throw violation(
      `contract version ${contract} is not one of ${options.acceptedContractVersions.join(', ')}`,
    );
  const { body, claimChecked } = await resolve(received, message.Body ?? '', options.s3);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw violation('body is not JSON', error);
  }
  const ninjs = ninjsEnvelopeSchema.safeParse(parsed);
  if (!ninjs.success) throw violation('body is not a ninjs document with uri and version');
  if (ninjs.data.uri !== attributes.data.uri || ninjs.data.version !== attributes.data.version)
    throw violation('uri/version attributes disagree with the body');
  if (options.validate) {
    const errors = ninjsErrors(parsed);
    if (errors.length > 0)
      throw violation(
        `not valid ninjs 3.1: ${errors.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')}`,
      );
  }
  const groupId = message.Attributes?.MessageGroupId;
  return {
    messageId: message.MessageId ?? '',
    receiptHandle: message.ReceiptHandle ?? '',
    body,
    // The document exactly as sent: the shape check above must not reorder or drop fields.
    ninjs: parsed as NinjsDocument,
    attributes: attributes.data,
    idempotencyKey: idempotencyKey(ninjs.data.uri, ninjs.data.version),
    claimChecked,
    receiveCount: Number(message.Attributes?.ApproximateReceiveCount ?? '1'),
    ...(groupId ? { groupId } : {}),
    raw: received,
  };
}
