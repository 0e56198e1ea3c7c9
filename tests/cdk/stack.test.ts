import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { STAGE_TIMEOUT_SECONDS } from '../../lib/stage-limits.ts';
import { functionId } from './support/iam.ts';
import { synthesize } from './support/synth.ts';

const { template, stack } = synthesize();
const id = (construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(construct.node.defaultChild as never);
const ref = (construct: { node: { defaultChild?: unknown } }) => ({ Ref: id(construct) });
const arn = (construct: { node: { defaultChild?: unknown } }) => ({ 'Fn::GetAtt': [id(construct), 'Arn'] });
const resource = (logicalId: string) => template.toJSON().Resources[logicalId];
const STAGES = ['normalize', 'dedupe', 'tag', 'publish'] as const;

describe('raw archive', () => {
  const bucket = resource(id(stack.archive.bucket));

  it('is tagged for cost allocation', () => {
    expect(bucket.Properties.Tags).toEqual([{ Key: 'project', Value: 'syndication-pipeline' }]);
  });

  it('is private, encrypted, versioned and access-logged', () => {
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(
      bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault,
    ).toEqual({
      SSEAlgorithm: 'AES256',
    });
    expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(bucket.Properties.LoggingConfiguration.DestinationBucketName).toEqual(
      ref(stack.archive.accessLogs),
    );
    expect(bucket.DeletionPolicy).toBe('Retain');
  });

  it('tiers raw documents down and expires them after the configured retention', () => {
    const rules = bucket.Properties.LifecycleConfiguration.Rules as Record<string, unknown>[];
    expect(rules.find((r) => r.Id === 'raw-documents')).toEqual({
      Id: 'raw-documents',
      Prefix: 'incoming/',
      Status: 'Enabled',
      ExpirationInDays: 365,
      Transitions: [
        { StorageClass: 'STANDARD_IA', TransitionInDays: 30 },
        { StorageClass: 'GLACIER_IR', TransitionInDays: 90 },
      ],
    });
    expect(rules.find((r) => r.Id === 'old-versions-and-uploads')).toMatchObject({
      NoncurrentVersionExpiration: { NoncurrentDays: 30 },
      AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
    });
    expect(rules.find((r) => r.Id === 'work-claims')).toMatchObject({
      Prefix: 'work/claims/',
      ExpirationInDays: 21,
    });
    expect(rules.find((r) => r.Id === 'published-claims')).toMatchObject({ ExpirationInDays: 14 });
  });

  it.each([
    ['raw archive', () => stack.archive.bucket],
    ['access logs', () => stack.archive.accessLogs],
  ])('%s bucket refuses plain HTTP', (_name, bucketOf) => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: ref(bucketOf()),
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('notifies the normalize queue of every object created under incoming/', () => {
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      BucketName: ref(stack.archive.bucket),
      NotificationConfiguration: {
        QueueConfigurations: [
          {
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'incoming/' }] } },
            QueueArn: arn(stack.stages.normalize.queue),
          },
        ],
      },
    });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [ref(stack.stages.normalize.queue)],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 's3.amazonaws.com' },
            Action: Match.arrayWith(['sqs:SendMessage']),
            Condition: { ArnLike: { 'aws:SourceArn': arn(stack.archive.bucket) } },
          }),
        ]),
      },
    });
  });
});

describe('dedupe index', () => {
  it('is on-demand, pk/sk strings, TTL expiresAt, point-in-time recovery, encrypted, retained', () => {
    const table = resource(id(stack.index.table));
    expect(table.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
    });
    expect(table.DeletionPolicy).toBe('Retain');
  });
});

describe('queues', () => {
  it('every queue is encrypted and refuses plain HTTP', () => {
    const queues = template.findResources('AWS::SQS::Queue');
    expect(Object.keys(queues).length).toBeGreaterThanOrEqual(10);
    for (const [logicalId, queue] of Object.entries(queues)) {
      expect(queue.Properties.SqsManagedSseEnabled, logicalId).toBe(true);
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: logicalId }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
  });

  it.each(STAGES)(
    '%s queue: visibility 6× the 30 s timeout, redrive to its own DLQ after 5 receives',
    (name) => {
      const stage = stack.stages[name];
      expect(resource(id(stage.queue)).Properties).toMatchObject({
        VisibilityTimeout: 180,
        RedrivePolicy: { deadLetterTargetArn: arn(stage.deadLetterQueue), maxReceiveCount: 5 },
      });
      expect(resource(id(stage.deadLetterQueue)).Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
      const fn = resource(functionId(template, name)).Properties;
      expect(fn.Timeout).toBe(30);
      // The local runner drives its handlers with this timeout, and the handler dead-letters by this limit.
      expect(fn.Timeout).toBe(STAGE_TIMEOUT_SECONDS[name]);
      expect(fn.Environment.Variables.MAX_RECEIVE_COUNT).toBe('5');
    },
  );
});

describe('stage functions', () => {
  it.each(STAGES)('%s reads its queue with partial batch failures', (name) => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: arn(stack.stages[name].queue),
      FunctionName: { Ref: functionId(template, name) },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: 10,
    });
  });

  it('dedupe is capped by the event source, not by reserved concurrency', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: arn(stack.stages.dedupe.queue),
      ScalingConfig: { MaximumConcurrency: 5 },
    });
    expect(resource(functionId(template, 'dedupe')).Properties.ReservedConcurrentExecutions).toBeUndefined();
  });

  it.each([...STAGES, 'ingest', 'poller'])(
    '%s: Node.js 22 on arm64, traced, Powertools, own log group',
    (name) => {
      const fn = resource(functionId(template, name)).Properties;
      expect(fn.Runtime).toBe('nodejs22.x');
      expect(fn.Architectures).toEqual(['arm64']);
      expect(fn.Handler).toBe('index.handler');
      expect(fn.TracingConfig).toEqual({ Mode: 'Active' });
      expect(fn.Environment.Variables.NODE_OPTIONS).toBeUndefined();
      expect(fn.Environment.Variables).toMatchObject({
        POWERTOOLS_SERVICE_NAME: 'syndication-pipeline',
        POWERTOOLS_METRICS_NAMESPACE: 'Syndication',
      });
      const logGroup = resource(fn.LoggingConfig.LogGroup.Ref);
      expect(logGroup.Type).toBe('AWS::Logs::LogGroup');
      expect(logGroup.Properties.RetentionInDays).toBe(30);
    },
  );

  it('chains the stages: each sends to the next queue and names its own DLQ', () => {
    const s = stack.stages;
    const next = {
      normalize: s.dedupe.queue,
      dedupe: s.tag.queue,
      tag: s.publish.queue,
      publish: stack.output.queue,
    };
    for (const name of STAGES) {
      expect(resource(functionId(template, name)).Properties.Environment.Variables, name).toMatchObject({
        RAW_BUCKET: ref(stack.archive.bucket),
        NEXT_QUEUE_URL: ref(next[name]),
        DLQ_URL: ref(s[name].deadLetterQueue),
      });
    }
  });

  it('dedupe and tag get their configuration from context', () => {
    expect(resource(functionId(template, 'dedupe')).Properties.Environment.Variables).toMatchObject({
      INDEX_TABLE: ref(stack.index.table),
      DUPLICATE_POLICY: 'drop',
      LOOKBACK_DAYS: '30',
    });
    expect(resource(functionId(template, 'tag')).Properties.Environment.Variables.OUTLETS).toBe('[]');
  });
});

describe('embargo release', () => {
  const release = stack.release;
  const fn = () => resource(functionId(template, 'release')).Properties;

  it('keeps timers on a standard held queue with its own DLQ, read with partial batch failures', () => {
    const queue = resource(id(release.queue)).Properties;
    // FIFO queues have no per-message delay: the held queue must stay standard.
    expect(queue.FifoQueue).toBeUndefined();
    expect(queue.SqsManagedSseEnabled).toBe(true);
    expect(queue.RedrivePolicy).toEqual({
      deadLetterTargetArn: arn(release.deadLetterQueue),
      maxReceiveCount: 5,
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: arn(release.queue),
      FunctionName: { Ref: functionId(template, 'release') },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('tells publish and release where the held queue is, and release where the output is', () => {
    const held = ref(release.queue);
    expect(resource(functionId(template, 'publish')).Properties.Environment.Variables.HELD_QUEUE_URL).toEqual(
      held,
    );
    expect(fn().Environment.Variables).toMatchObject({
      HELD_QUEUE_URL: held,
      NEXT_QUEUE_URL: ref(stack.output.queue),
      DLQ_URL: ref(release.deadLetterQueue),
      RAW_BUCKET: ref(stack.archive.bucket),
    });
    expect(fn().Timeout).toBe(STAGE_TIMEOUT_SECONDS.release);
  });

  it('sweeps every five minutes, invoking the release function', () => {
    const rule = resource(id(stack.sweep)).Properties;
    expect(rule.ScheduleExpression).toBe('rate(5 minutes)');
    expect(rule.State).toBe('ENABLED');
    expect(rule.Targets).toEqual([
      expect.objectContaining({ Arn: { 'Fn::GetAtt': [functionId(template, 'release'), 'Arn'] } }),
    ]);
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'events.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [functionId(template, 'release'), 'Arn'] },
      SourceArn: { 'Fn::GetAtt': [id(stack.sweep), 'Arn'] },
    });
  });

  it('never expires held items by a lifecycle rule', () => {
    const rules = resource(id(stack.archive.bucket)).Properties.LifecycleConfiguration.Rules as Record<
      string,
      unknown
    >[];
    for (const rule of rules) {
      const prefix = typeof rule.Prefix === 'string' ? rule.Prefix : '';
      if (rule.ExpirationInDays !== undefined) expect('held/'.startsWith(prefix)).toBe(false);
    }
  });
});
