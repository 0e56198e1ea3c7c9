import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { createSecureQueue, DEAD_LETTER_RETENTION } from './secure-queue.ts';

export interface OutputChannelProps {
  /** FIFO output (and FIFO topic with fan-out): per-story order and five-minute send dedup. @default false */
  readonly fifo?: boolean;
  /** Publish to an SNS topic that the output queue (and any added subscriber) subscribes to. @default false */
  readonly fanout?: boolean;
  /** How long consumers have to read a message. @default Duration.days(14), SQS's maximum */
  readonly retentionPeriod?: Duration;
  /** Consumer receives before a message moves to the output DLQ. @default 5 */
  readonly maxReceiveCount?: number;
  /** Topic encryption key. @default the AWS-managed `alias/aws/sns` key (no key policy to maintain) */
  readonly topicKey?: kms.IKey;
}

/** SNS subscription filter on message attributes: attribute name → allowed values. */
export type AttributeFilter = Record<string, sns.SubscriptionFilter>;

/**
 * Where published ninjs goes: an SQS queue with its own DLQ for consumers and,
 * with fan-out, an SNS topic in front of it so more consumer queues can
 * subscribe, each with a filter policy on the message attributes (outlet,
 * decision, version, contractVersion, …). Everything encrypted and TLS-only.
 */
export class OutputChannel extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly topic: sns.Topic | undefined;
  /** Subscriber queues added with {@link addSubscriber}, by id, with their DLQs. */
  readonly subscribers = new Map<string, { queue: sqs.Queue; deadLetterQueue: sqs.Queue }>();
  readonly #props: OutputChannelProps;

  constructor(scope: Construct, id: string, props: OutputChannelProps = {}) {
    super(scope, id);
    this.#props = props;
    const fifo = props.fifo ?? false;
    [this.queue, this.deadLetterQueue] = this.#queuePair('Queue', 'DeadLetterQueue');

    if (props.fanout) {
      this.topic = new sns.Topic(this, 'Topic', {
        masterKey: props.topicKey ?? kms.Alias.fromAliasName(this, 'SnsKey', 'alias/aws/sns'),
        enforceSSL: true,
        ...(fifo ? { fifo: true } : {}),
      });
      this.topic.addSubscription(
        new subscriptions.SqsSubscription(this.queue, {
          rawMessageDelivery: true,
          deadLetterQueue: this.deadLetterQueue,
        }),
      );
    }
  }

  #queuePair(queueId: string, dlqId: string): [sqs.Queue, sqs.Queue] {
    const fifo = this.#props.fifo ?? false;
    const deadLetterQueue = createSecureQueue(this, dlqId, { retentionPeriod: DEAD_LETTER_RETENTION, fifo });
    const queue = createSecureQueue(this, queueId, {
      retentionPeriod: this.#props.retentionPeriod ?? Duration.days(14),
      deadLetterQueue,
      maxReceiveCount: this.#props.maxReceiveCount ?? 5,
      fifo,
    });
    return [queue, deadLetterQueue];
  }

  /**
   * A further consumer queue on the fan-out topic, receiving only what
   * `filter` allows (raw delivery: the body is the ninjs document itself).
   */
  addSubscriber(id: string, filter: AttributeFilter = {}): sqs.Queue {
    if (!this.topic) throw new Error(`subscriber ${id} needs fan-out: set fanout: true`);
    const [queue, deadLetterQueue] = this.#queuePair(`${id}Queue`, `${id}DeadLetterQueue`);
    this.topic.addSubscription(
      new subscriptions.SqsSubscription(queue, {
        rawMessageDelivery: true,
        deadLetterQueue,
        ...(Object.keys(filter).length > 0 ? { filterPolicy: filter } : {}),
      }),
    );
    this.subscribers.set(id, { queue, deadLetterQueue });
    return queue;
  }

  /** Environment for the publish stage: the queue always, the topic when fanning out. */
  get publisherEnvironment(): Record<string, string> {
    return {
      NEXT_QUEUE_URL: this.queue.queueUrl,
      ...(this.topic ? { OUTPUT_TOPIC_ARN: this.topic.topicArn } : {}),
    };
  }

  /** Lets the publisher send: to the topic when fanning out, else to the queue. Never both. */
  grantPublish(grantee: iam.IGrantable): iam.Grant {
    if (!this.topic) return this.queue.grantSendMessages(grantee);
    if (this.#props.topicKey) return this.topic.grantPublish(grantee);
    // The AWS-managed SNS key's own policy lets account principals use it through SNS; granting
    // it by alias would instead allow kms:GenerateDataKey* on every key in the account.
    return iam.Grant.addToPrincipal({
      grantee,
      actions: ['sns:Publish'],
      resourceArns: [this.topic.topicArn],
    });
  }

  /** Every DLQ of the channel, for alarms and outputs. */
  get deadLetterQueues(): sqs.Queue[] {
    return [this.deadLetterQueue, ...[...this.subscribers.values()].map((s) => s.deadLetterQueue)];
  }
}
