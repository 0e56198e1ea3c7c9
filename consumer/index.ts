// The consumer helper's public surface: what a downstream TypeScript team imports.
export {
  CONTRACT_VERSION,
  idempotencyKey,
  MESSAGE_ATTRIBUTES,
  NINJS_CONTENT_TYPE,
} from '../lambdas/publish/contract.ts';
export { consumerClients, type EndpointOptions } from './clients.ts';
export { type ConsumerOptions, type ProcessOptions, type ProcessResult, QueueConsumer } from './consumer.ts';
export { ContractViolationError, QueueOperationError } from './errors.ts';
export { type Heartbeat, type HeartbeatOptions, startHeartbeat } from './heartbeat.ts';
export {
  type PublishedAttributes,
  type PublishedMessage,
  publishedAttributesSchema,
  readPublishedMessage,
} from './published-message.ts';
export { type RedriveOptions, type RedriveOutcome, redrive } from './redrive.ts';
export { unwrapSnsNotification } from './sns-envelope.ts';
