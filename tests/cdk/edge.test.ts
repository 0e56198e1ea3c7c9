import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { DASHBOARD_SERIES } from '../../lib/metrics.ts';
import { functionId } from './support/iam.ts';
import { synthesize } from './support/synth.ts';

const { template, stack } = synthesize();
const id = (construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(construct.node.defaultChild as never);
const ref = (construct: { node: { defaultChild?: unknown } }) => ({ Ref: id(construct) });
const resource = (logicalId: string) => template.toJSON().Resources[logicalId];

describe('push endpoint', () => {
  const push = stack.push;
  if (!push) throw new Error('lambdas/ingest/handler.ts exists, so the stack must deploy the push endpoint');

  it('routes POST and GET /push to the ingest function', () => {
    for (const method of ['POST', 'GET']) {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: `${method} /push` });
    }
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
    });
  });

  it('throttles the stage and writes access logs', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
  });

  it('gives ingest its configuration and the Parameters and Secrets extension', () => {
    const fn = resource(functionId(template, 'ingest')).Properties;
    expect(fn.Environment.Variables).toMatchObject({
      RAW_BUCKET: ref(stack.archive.bucket),
      INDEX_TABLE: ref(stack.index.table),
      OUTLET_SECRETS_ID: { Ref: expect.stringMatching(/^OutletSecretsSecret/) },
      MAX_BODY_BYTES: '4194304',
      SIGNATURE_MAX_AGE_SECONDS: '300',
      OUTLETS: '[]',
    });
    expect(JSON.stringify(fn.Layers)).toContain('ParamsandsecretslayerMap');
  });

  it('keeps outlet secrets in Secrets Manager, retained, with no secret material in the template', () => {
    const secrets = template.findResources('AWS::SecretsManager::Secret');
    const [secret] = Object.values(secrets);
    expect(Object.keys(secrets)).toHaveLength(1);
    expect(secret?.Properties.SecretString).toBe('{}');
    expect(secret?.DeletionPolicy).toBe('Retain');
  });
});

describe('feed poller', () => {
  it('runs every 15 minutes with a dead-letter queue and no async retries', () => {
    const poller = stack.poller;
    if (!poller) throw new Error('lambdas/poller/handler.ts exists, so the stack must deploy the poller');
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(15 minutes)',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [functionId(template, 'poller'), 'Arn'] },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [id(poller.deadLetterQueue), 'Arn'] } },
          RetryPolicy: { MaximumRetryAttempts: 2 },
        }),
      ],
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: functionId(template, 'poller') },
      MaximumRetryAttempts: 0,
    });
    expect(resource(functionId(template, 'poller')).Properties.Environment.Variables).toMatchObject({
      FETCH_TIMEOUT_MS: '10000',
      MAX_BODY_BYTES: '5242880',
      INDEX_TABLE: ref(stack.index.table),
    });
  });
});

describe('observability', () => {
  const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
  const queueAlarm = (metric: string, queue: { node: { defaultChild?: unknown } }) =>
    alarms.find(
      (a) =>
        a.MetricName === metric &&
        JSON.stringify(a.Dimensions) ===
          JSON.stringify([{ Name: 'QueueName', Value: { 'Fn::GetAtt': [id(queue), 'QueueName'] } }]),
    );

  it('alarms on the first message in every DLQ', () => {
    const dlqs = [
      ...Object.values(stack.stages).map((s) => s.deadLetterQueue),
      stack.output.deadLetterQueue,
      ...(stack.poller ? [stack.poller.deadLetterQueue] : []),
    ];
    expect(dlqs).toHaveLength(6);
    for (const dlq of dlqs) {
      expect(queueAlarm('ApproximateNumberOfMessagesVisible', dlq)).toMatchObject({
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        Statistic: 'Maximum',
        TreatMissingData: 'notBreaching',
      });
    }
  });

  it('alarms when a stage queue holds a message older than 15 minutes', () => {
    for (const stage of Object.values(stack.stages)) {
      expect(queueAlarm('ApproximateAgeOfOldestMessage', stage.queue)).toMatchObject({ Threshold: 900 });
    }
  });

  it.each(['normalize', 'dedupe', 'tag', 'publish', 'ingest', 'poller'])(
    'alarms on %s errors and throttles',
    (name) => {
      for (const metric of ['Errors', 'Throttles']) {
        const alarm = alarms.find(
          (a) => a.MetricName === metric && JSON.stringify(a.Dimensions).includes(functionId(template, name)),
        );
        expect(alarm, metric).toMatchObject({ Namespace: 'AWS/Lambda', Threshold: 0, Statistic: 'Sum' });
      }
    },
  );

  it('alarms on push endpoint 5xx', () => {
    expect(alarms.find((a) => a.MetricName === '5xx')).toMatchObject({
      Namespace: 'AWS/ApiGateway',
      Threshold: 0,
      Dimensions: [{ Name: 'ApiId', Value: ref(stack.push?.api as never) }],
    });
  });

  it('sends alarms nowhere unless an e-mail is configured', () => {
    expect(alarms.every((a) => a.AlarmActions === undefined)).toBe(true);
    template.resourceCountIs('AWS::SNS::Topic', 0);
  });

  it("charts items in, published, duplicates and rejected from the stages' Syndication metrics", () => {
    // The body is JSON inside JSON; without the escapes the expressions read as written.
    const body = JSON.stringify(
      Object.values(template.findResources('AWS::CloudWatch::Dashboard'))[0]?.Properties,
    ).replaceAll('\\', '');
    expect(DASHBOARD_SERIES.map((s) => s.label)).toEqual(
      expect.arrayContaining(['Items in', 'Published', 'Duplicates', 'Rejected']),
    );
    for (const name of [
      'ItemsIn',
      'Published',
      'Duplicates',
      'NearDuplicates',
      'DocumentsRejected',
      'ItemsRejected',
    ]) {
      expect(body).toContain(`MetricName="${name}"`);
    }
    expect(body).toContain(`SEARCH('{Syndication,service,stage} service="syndication-pipeline"`);
  });
});

describe('stack outputs', () => {
  it('exports the endpoint, output queue, DLQs, bucket', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(outputs.OutputQueueUrl?.Value).toEqual(ref(stack.output.queue));
    expect(outputs.OutputQueueArn?.Value).toEqual({ 'Fn::GetAtt': [id(stack.output.queue), 'Arn'] });
    expect(outputs.RawBucketName?.Value).toEqual(ref(stack.archive.bucket));
    expect(JSON.stringify(outputs.PushEndpointUrl?.Value)).toContain('/push');
    for (const name of ['Normalize', 'Dedupe', 'Tag', 'Publish', 'Output', 'Poller']) {
      expect(outputs[`${name}DeadLetterQueueUrl`], name).toBeDefined();
    }
  });
});
