import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge, nagToken } from '../nag.ts';

/** Key prefixes of the archive's layout (lambdas/shared/keys.ts and the claim checks). */
export const ARCHIVE_PREFIXES = {
  incoming: 'incoming/',
  reports: 'reports/',
  workClaims: 'work/claims/',
  publishedClaims: 'published/claims/',
  /** Items held under embargo until their release (lambdas/publish/embargo.ts); never expired by a rule. */
  held: 'held/',
} as const;

export interface RawArchiveProps {
  /** How long raw documents and their reports are kept. @default Duration.days(365) */
  readonly retention?: Duration;
  /** Age at which raw documents move to S3 Standard-IA. @default Duration.days(30) */
  readonly infrequentAccessAfter?: Duration;
  /** Age at which raw documents move to Glacier Instant Retrieval. @default Duration.days(90) */
  readonly archiveAfter?: Duration;
  /** How long overwritten or deleted versions are kept. @default Duration.days(30) */
  readonly noncurrentVersionRetention?: Duration;
  /** How long inter-stage claim checks (`work/claims/`) live: past a message's 4 days on a stage queue plus 14 in its DLQ, so a redriven letter still finds its body. @default Duration.days(21) */
  readonly workClaimRetention?: Duration;
  /** How long output claim checks (`published/claims/`) live; at least the output queue's retention. @default Duration.days(14) */
  readonly publishedClaimRetention?: Duration;
  /** Customer-managed key. @default S3-managed encryption (SSE-S3) */
  readonly encryptionKey?: kms.IKey;
  /** How long server access logs are kept. @default Duration.days(90) */
  readonly accessLogRetention?: Duration;
  /** @default RemovalPolicy.RETAIN: the archive outlives the stack */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The raw archive: documents exactly as received under `incoming/{outlet}/`,
 * reports beside them, and claim checks for bodies too big for SQS. Private,
 * encrypted, versioned, TLS-only, access-logged, with lifecycle rules that
 * tier the archive down and expire what is transient.
 */
export class RawArchive extends Construct {
  readonly bucket: s3.Bucket;
  readonly accessLogs: s3.Bucket;
  readonly #key: kms.IKey | undefined;

  constructor(scope: Construct, id: string, props: RawArchiveProps = {}) {
    super(scope, id);
    this.#key = props.encryptionKey;
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const retention = props.retention ?? Duration.days(365);

    this.accessLogs = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: props.accessLogRetention ?? Duration.days(90) }],
      removalPolicy,
    });
    acknowledge(
      this.accessLogs,
      'AwsSolutions-S1',
      'This is the access-log bucket of the raw archive; logging it into itself would loop and logging it elsewhere adds a bucket per bucket.',
    );

    this.bucket = new s3.Bucket(this, 'Bucket', {
      ...(this.#key
        ? { encryption: s3.BucketEncryption.KMS, encryptionKey: this.#key, bucketKeyEnabled: true }
        : { encryption: s3.BucketEncryption.S3_MANAGED }),
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'raw-archive/',
      removalPolicy,
      lifecycleRules: this.#lifecycleRules(props, retention),
    });
  }

  #lifecycleRules(props: RawArchiveProps, retention: Duration): s3.LifecycleRule[] {
    const ia = props.infrequentAccessAfter ?? Duration.days(30);
    const archive = props.archiveAfter ?? Duration.days(90);
    // Transitions only make sense for objects that outlive them.
    const transitions: s3.Transition[] = [];
    if (retention.toDays() > ia.toDays()) {
      transitions.push({ storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: ia });
    }
    if (retention.toDays() > archive.toDays() && archive.toDays() > ia.toDays()) {
      transitions.push({ storageClass: s3.StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: archive });
    }
    return [
      { id: 'raw-documents', prefix: ARCHIVE_PREFIXES.incoming, transitions, expiration: retention },
      { id: 'reports', prefix: ARCHIVE_PREFIXES.reports, expiration: retention },
      {
        id: 'work-claims',
        prefix: ARCHIVE_PREFIXES.workClaims,
        expiration: props.workClaimRetention ?? Duration.days(21),
      },
      {
        id: 'published-claims',
        prefix: ARCHIVE_PREFIXES.publishedClaims,
        expiration: props.publishedClaimRetention ?? Duration.days(14),
      },
      {
        id: 'old-versions-and-uploads',
        noncurrentVersionExpiration: props.noncurrentVersionRetention ?? Duration.days(30),
        abortIncompleteMultipartUploadAfter: Duration.days(1),
        expiredObjectDeleteMarker: true,
      },
    ];
  }

  /** Sends S3's ObjectCreated notification for every new raw document to `queue`. */
  notifyArrivals(queue: sqs.IQueue): void {
    this.bucket.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.SqsDestination(queue), {
      prefix: ARCHIVE_PREFIXES.incoming,
    });
    // CDK configures bucket notifications through one stack-wide custom resource.
    const handler = Stack.of(this).node.tryFindChild(
      'BucketNotificationsHandler050a0587b7544547bf325f094a3db834',
    );
    if (handler) {
      acknowledge(
        handler,
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        "CDK's own bucket-notification custom resource; it runs only at deploy time and only writes its logs.",
      );
    }
  }

  /** s3:GetObject on `{prefix}*` only (and decrypt with the key, if any). */
  grantReadObjects(grantee: iam.IGrantable, prefix: string): iam.Grant {
    this.#key?.grantDecrypt(grantee);
    return this.#grantObjects(grantee, prefix, 's3:GetObject');
  }

  /** s3:PutObject on `{prefix}*` only (and encrypt with the key, if any). */
  grantWriteObjects(grantee: iam.IGrantable, prefix: string): iam.Grant {
    this.#key?.grantEncrypt(grantee);
    return this.#grantObjects(grantee, prefix, 's3:PutObject');
  }

  /** s3:DeleteObject on `{prefix}*` only: for records that end, as a held item's does at its release. */
  grantDeleteObjects(grantee: iam.IGrantable, prefix: string): iam.Grant {
    return this.#grantObjects(grantee, prefix, 's3:DeleteObject');
  }

  /** s3:ListBucket, only for keys under `prefix` (the s3:prefix condition). */
  grantListPrefix(grantee: iam.IGrantable, prefix: string): iam.Grant {
    return iam.Grant.addToPrincipal({
      grantee,
      actions: ['s3:ListBucket'],
      resourceArns: [this.bucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': [`${prefix}*`] } },
    });
  }

  #grantObjects(grantee: iam.IGrantable, prefix: string, action: string): iam.Grant {
    const pattern = `${prefix}*`;
    const grant = iam.Grant.addToPrincipal({
      grantee,
      actions: [action],
      resourceArns: [this.bucket.arnForObjects(pattern)],
    });
    // An object-prefix wildcard is how S3 scopes object permissions; nag flags any `*`.
    if (grantee.grantPrincipal instanceof Construct) {
      acknowledge(
        grantee.grantPrincipal,
        `AwsSolutions-IAM5[Resource::${nagToken(this.bucket)}/${pattern}]`,
        `${action} is scoped to the ${prefix} prefix this stage owns; a per-object ARN is unknowable before the object exists.`,
      );
    }
    return grant;
  }
}
