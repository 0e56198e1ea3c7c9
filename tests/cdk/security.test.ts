import * as sqs from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { actionsOf, objectArn, resourcesFor, roleId, statementsOf } from './support/iam.ts';
import { acknowledgementReasons, nagFindings } from './support/nag.ts';
import { synthesize } from './support/synth.ts';

const { app, template, stack } = synthesize();
const bucket = stack.getLogicalId(stack.archive.bucket.node.defaultChild as never);
const table = JSON.stringify({
  'Fn::GetAtt': [stack.getLogicalId(stack.index.table.node.defaultChild as never), 'Arn'],
});

const BASE = [
  'logs:CreateLogStream',
  'logs:PutLogEvents',
  'xray:PutTelemetryRecords',
  'xray:PutTraceSegments',
];
const CONSUME = [
  'sqs:ChangeMessageVisibility',
  'sqs:DeleteMessage',
  'sqs:GetQueueAttributes',
  'sqs:GetQueueUrl',
  'sqs:ReceiveMessage',
];
const sorted = (...lists: string[][]) => [...new Set(lists.flat())].sort();
const STAGES = ['normalize', 'dedupe', 'tag', 'publish', 'release', 'ingest', 'poller'];
/** What holding an embargoed item takes beyond writing it: finding a story's held versions, ending them. */
const HOLD = ['s3:DeleteObject', 's3:ListBucket'];

describe('each function holds only what its stage needs', () => {
  it.each([
    ['normalize', sorted(BASE, CONSUME, ['sqs:SendMessage', 's3:GetObject', 's3:PutObject'])],
    [
      'dedupe',
      sorted(
        BASE,
        CONSUME,
        ['sqs:SendMessage', 's3:GetObject', 's3:PutObject'],
        ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
      ),
    ],
    ['tag', sorted(BASE, CONSUME, ['sqs:SendMessage', 's3:GetObject', 's3:PutObject'])],
    ['publish', sorted(BASE, CONSUME, HOLD, ['sqs:SendMessage', 's3:GetObject', 's3:PutObject'])],
    ['release', sorted(BASE, CONSUME, HOLD, ['sqs:SendMessage', 's3:GetObject', 's3:PutObject'])],
    [
      'ingest',
      sorted(BASE, [
        's3:PutObject',
        'dynamodb:PutItem',
        'secretsmanager:GetSecretValue',
        'secretsmanager:DescribeSecret',
      ]),
    ],
    ['poller', sorted(BASE, ['s3:PutObject', 'dynamodb:GetItem', 'dynamodb:PutItem'])],
  ])('%s has exactly its actions', (stage, expected) => {
    expect(actionsOf(template, stage)).toEqual(expected);
  });

  it.each([
    ['normalize', 's3:GetObject', ['incoming/*']],
    ['normalize', 's3:PutObject', ['reports/*', 'work/claims/*']],
    ['dedupe', 's3:GetObject', ['work/claims/*']],
    ['dedupe', 's3:PutObject', ['reports/*', 'work/claims/*']],
    ['tag', 's3:GetObject', ['work/claims/*']],
    ['tag', 's3:PutObject', ['reports/*', 'work/claims/*']],
    ['publish', 's3:GetObject', ['work/claims/*']],
    ['publish', 's3:PutObject', ['held/*', 'published/claims/*']],
    ['publish', 's3:DeleteObject', ['held/*']],
    ['release', 's3:GetObject', ['held/*']],
    ['release', 's3:PutObject', ['published/claims/*']],
    ['release', 's3:DeleteObject', ['held/*']],
    ['ingest', 's3:PutObject', ['incoming/*']],
    ['poller', 's3:PutObject', ['incoming/*']],
  ])('%s: %s only under its prefixes', (stage, action, patterns) => {
    expect(resourcesFor(template, stage, action)).toEqual(patterns.map((p) => objectArn(bucket, p)).sort());
  });

  it.each(['dedupe', 'ingest', 'poller'])(
    '%s reaches the index table and nothing else in DynamoDB',
    (stage) => {
      for (const action of actionsOf(template, stage).filter((a) => a.startsWith('dynamodb:'))) {
        expect(resourcesFor(template, stage, action)).toEqual([table]);
      }
    },
  );

  it('each SQS stage sends to the next stage and its own DLQ only', () => {
    const queue = (q: never) => JSON.stringify({ 'Fn::GetAtt': [stack.getLogicalId(q), 'Arn'] });
    const s = stack.stages;
    const next = {
      normalize: s.dedupe.queue,
      dedupe: s.tag.queue,
      tag: s.publish.queue,
      publish: stack.output.queue,
    } as const;
    const held = queue(stack.release.queue.node.defaultChild as never);
    for (const [name, target] of Object.entries(next)) {
      const own = s[name as keyof typeof next].deadLetterQueue;
      expect(resourcesFor(template, name, 'sqs:SendMessage')).toEqual(
        [
          queue(target.node.defaultChild as never),
          queue(own.node.defaultChild as never),
          // Publish arms embargo timers on the held queue.
          ...(name === 'publish' ? [held] : []),
        ].sort(),
      );
    }
    expect(resourcesFor(template, 'release', 'sqs:SendMessage')).toEqual(
      [
        queue(stack.output.queue.node.defaultChild as never),
        queue(stack.release.deadLetterQueue.node.defaultChild as never),
        held,
      ].sort(),
    );
  });

  it.each(['publish', 'release'])('%s lists the archive only under held/', (stage) => {
    const listing = statementsOf(template, roleId(template, stage)).filter((st) =>
      st.actions.includes('s3:ListBucket'),
    );
    expect(listing).toHaveLength(1);
    expect(listing[0]?.resources).toEqual([{ 'Fn::GetAtt': [bucket, 'Arn'] }]);
    const policies = Object.values(template.findResources('AWS::IAM::Policy'));
    const conditions = policies
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Record<string, unknown>[])
      .filter((st) => st.Action === 's3:ListBucket')
      .map((st) => st.Condition);
    expect(conditions.length).toBeGreaterThan(0);
    for (const condition of conditions)
      expect(condition).toEqual({ StringLike: { 's3:prefix': ['held/*'] } });
  });

  it('only ingest reads the outlet secrets', () => {
    for (const stage of STAGES.filter((s) => s !== 'ingest')) {
      expect(actionsOf(template, stage).some((a) => a.startsWith('secretsmanager:'))).toBe(false);
    }
    expect(resourcesFor(template, 'ingest', 'secretsmanager:GetSecretValue')).toHaveLength(1);
  });

  it.each(STAGES)('%s has no wildcard action and no data action on "*"', (stage) => {
    for (const statement of statementsOf(template, roleId(template, stage))) {
      expect(statement.actions.filter((a) => a.includes('*'))).toEqual([]);
      if (statement.resources.includes('*')) {
        expect(statement.actions.every((a) => a.startsWith('xray:'))).toBe(true);
      }
    }
  });

  it.each(STAGES)('%s role carries no managed policy', (stage) => {
    const role = template.toJSON().Resources[roleId(template, stage)];
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    expect(role.Properties.AssumeRolePolicyDocument.Statement[0].Principal).toEqual({
      Service: 'lambda.amazonaws.com',
    });
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('finds nothing unacknowledged in the default stack', () => {
    expect(nagFindings(app)).toEqual([]);
  });

  it('every acknowledgement gives a reason a reviewer can judge', () => {
    const reasons = acknowledgementReasons(app);
    expect(reasons.length).toBeGreaterThan(5);
    for (const reason of reasons) expect(reason.length).toBeGreaterThan(60);
  });

  // Last in the file: it adds a non-compliant queue to the shared stack.
  it('still reports what is not acknowledged (the check is live)', () => {
    new sqs.Queue(stack, 'Probe');
    expect(nagFindings(app)).toEqual([
      'error AwsSolutions-SQS3 @ Syndication/Probe/Resource',
      'error AwsSolutions-SQS4 @ Syndication/Probe/Resource',
    ]);
  });
});
