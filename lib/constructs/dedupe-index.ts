import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

export interface DedupeIndexProps {
  /** Customer-managed key. @default AWS-managed key (`aws/dynamodb`), so the key policy is AWS's */
  readonly encryptionKey?: kms.IKey;
  /** @default RemovalPolicy.RETAIN: the index of earlier reports outlives the stack */
  readonly removalPolicy?: RemovalPolicy;
  /** @default false, so `cdk destroy` of a test stack is not blocked; turn on in production */
  readonly deletionProtection?: boolean;
}

/** The TTL attribute the index code writes (lambdas/dedupe/dynamo-records.ts, anchor-log.ts, decision-reports.ts). */
export const INDEX_TTL_ATTRIBUTE = 'expiresAt';

/**
 * The index of earlier reports that dedupe checks against and ingest uses as a
 * replay guard: one on-demand table, `pk`/`sk` strings, TTL on `expiresAt` so
 * the look-back window costs no sweeping, point-in-time recovery, encrypted.
 */
export class DedupeIndex extends Construct {
  readonly table: dynamodb.Table;
  readonly #key: kms.IKey | undefined;

  constructor(scope: Construct, id: string, props: DedupeIndexProps = {}) {
    super(scope, id);
    this.#key = props.encryptionKey;
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: INDEX_TTL_ATTRIBUTE,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      ...(props.encryptionKey
        ? { encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED, encryptionKey: props.encryptionKey }
        : { encryption: dynamodb.TableEncryption.AWS_MANAGED }),
      deletionProtection: props.deletionProtection ?? false,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
  }

  /** What dedupe does: batch and single consistent reads, conditional puts, and reading the anchor log. */
  grantDedupe(grantee: iam.IGrantable): iam.Grant {
    return this.#grant(
      grantee,
      'dynamodb:BatchGetItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
    );
  }

  /** What the push endpoint's replay guard does: conditional puts only. */
  grantReplayGuard(grantee: iam.IGrantable): iam.Grant {
    return this.#grant(grantee, 'dynamodb:PutItem');
  }

  /** What the poller does: remembers what it fetched (ETag, Last-Modified). */
  grantPollerState(grantee: iam.IGrantable): iam.Grant {
    return this.#grant(grantee, 'dynamodb:GetItem', 'dynamodb:PutItem');
  }

  #grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant {
    this.#key?.grantEncryptDecrypt(grantee);
    return this.table.grant(grantee, ...actions);
  }
}
