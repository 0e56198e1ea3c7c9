import { App } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../lib/settings.ts';
import { actionsOf, functionId, resourcesFor } from './support/iam.ts';
import { nagFindings } from './support/nag.ts';
import { synthesize } from './support/synth.ts';

// Strings, as `cdk synth -c key=value` passes them.
const { app, template, stack } = synthesize({
  settings: {
    fifo: 'true',
    fanout: 'true',
    duplicatePolicy: 'flag',
    lookbackDays: '7',
    rawRetentionDays: '60',
    dedupeMaxConcurrency: '3',
    alarmEmail: 'ops@example.com',
    outlets: '[{"id":"patriotwise","name":"PatriotWise.com"}]',
    subscribers: '{"Alerts":{"outlets":["patriotwise"],"firstVersionsOnly":true}}',
  },
});
const id = (construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(construct.node.defaultChild as never);
const ref = (construct: { node: { defaultChild?: unknown } }) => ({ Ref: id(construct) });
const arn = (construct: { node: { defaultChild?: unknown } }) => ({ 'Fn::GetAtt': [id(construct), 'Arn'] });
const resource = (logicalId: string) => template.toJSON().Resources[logicalId];

describe('FIFO fan-out output', () => {
  it('leaves cdk-nag nothing unacknowledged, alarm topic and key included', () => {
    expect(nagFindings(app)).toEqual([]);
  });

  const topic = stack.output.topic;
  if (!topic) throw new Error('fanout=true must create the topic');

  it('makes the output queue, its DLQ and the topic FIFO', () => {
    expect(resource(id(stack.output.queue)).Properties).toMatchObject({
      FifoQueue: true,
      RedrivePolicy: { deadLetterTargetArn: arn(stack.output.deadLetterQueue) },
    });
    expect(resource(id(stack.output.deadLetterQueue)).Properties.FifoQueue).toBe(true);
    expect(resource(id(topic)).Properties.FifoTopic).toBe(true);
    expect(JSON.stringify(resource(id(topic)).Properties.KmsMasterKeyId)).toContain('alias/aws/sns');
  });

  it('refuses plain HTTP on the topic', () => {
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [ref(topic)],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('subscribes the output queue to everything, raw', () => {
    const subscription = template.findResources('AWS::SNS::Subscription', {
      Properties: { Endpoint: arn(stack.output.queue) },
    });
    const [props] = Object.values(subscription).map((s) => s.Properties);
    expect(props).toMatchObject({ Protocol: 'sqs', RawMessageDelivery: true, TopicArn: ref(topic) });
    expect(props.FilterPolicy).toBeUndefined();
  });

  it('subscribes a configured consumer with a filter on the message attributes', () => {
    const alerts = stack.output.subscribers.get('Alerts');
    if (!alerts) throw new Error('subscriber Alerts missing');
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Endpoint: arn(alerts.queue),
      RawMessageDelivery: true,
      FilterPolicy: {
        contractVersion: ['1'],
        outlet: ['patriotwise'],
        version: [{ numeric: ['=', 1] }],
      },
      RedrivePolicy: { deadLetterTargetArn: arn(alerts.deadLetterQueue) },
    });
    expect(resource(id(alerts.queue)).Properties.FifoQueue).toBe(true);
  });

  it('lets publish publish to the topic only, and tells it where', () => {
    expect(actionsOf(template, 'publish')).toContain('sns:Publish');
    expect(resourcesFor(template, 'publish', 'sns:Publish')).toEqual([JSON.stringify(ref(topic))]);
    // Its DLQ, and the held queue for embargo timers (standard even here: FIFO has no per-message delay).
    expect(resourcesFor(template, 'publish', 'sqs:SendMessage')).toEqual(
      [
        JSON.stringify(arn(stack.stages.publish.deadLetterQueue)),
        JSON.stringify(arn(stack.release.queue)),
      ].sort(),
    );
    expect(resource(id(stack.release.queue)).Properties.FifoQueue).toBeUndefined();
    // Released items go the same way as published ones: to the topic only.
    expect(resourcesFor(template, 'release', 'sns:Publish')).toEqual([JSON.stringify(ref(topic))]);
    expect(
      resource(functionId(template, 'release')).Properties.Environment.Variables.OUTPUT_TOPIC_ARN,
    ).toEqual(ref(topic));
    expect(actionsOf(template, 'publish').some((a) => a.startsWith('kms:'))).toBe(false);
    expect(resource(functionId(template, 'publish')).Properties.Environment.Variables).toMatchObject({
      OUTPUT_TOPIC_ARN: ref(topic),
      NEXT_QUEUE_URL: ref(stack.output.queue),
    });
  });
});

describe('context settings reach the functions', () => {
  it('dedupe: policy, look-back window, concurrency cap', () => {
    expect(resource(functionId(template, 'dedupe')).Properties.Environment.Variables).toMatchObject({
      DUPLICATE_POLICY: 'flag',
      LOOKBACK_DAYS: '7',
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: arn(stack.stages.dedupe.queue),
      ScalingConfig: { MaximumConcurrency: 3 },
    });
  });

  it('outlets go to tag, ingest and poller as JSON', () => {
    for (const name of ['tag', 'ingest', 'poller']) {
      expect(
        JSON.parse(resource(functionId(template, name)).Properties.Environment.Variables.OUTLETS),
      ).toEqual([{ id: 'patriotwise', name: 'PatriotWise.com' }]);
    }
  });

  it('raw retention shortens the archive (and drops the Glacier step it no longer outlives)', () => {
    const rules = resource(id(stack.archive.bucket)).Properties.LifecycleConfiguration.Rules;
    expect(rules.find((r: { Id: string }) => r.Id === 'raw-documents')).toMatchObject({
      ExpirationInDays: 60,
      Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 30 }],
    });
  });

  it('an alarm e-mail gets an encrypted topic CloudWatch can use, and every alarm notifies it', () => {
    const topic = stack.observability.alarmTopic;
    if (!topic) throw new Error('alarmEmail must create the alarm topic');
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.com',
      TopicArn: ref(topic),
    });
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          }),
        ]),
      },
    });
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.length).toBeGreaterThan(20);
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([ref(topic)]);
  });
});

describe('tracing off', () => {
  const off = synthesize({ settings: { tracing: 'false' } });

  it('leaves cdk-nag nothing unacknowledged without the X-Ray acknowledgements', () => {
    expect(nagFindings(off.app)).toEqual([]);
  });

  it('leaves X-Ray off every function and its actions out of every role', () => {
    const functions = Object.values(off.template.findResources('AWS::Lambda::Function')).filter((f) =>
      String(f.Properties.Description ?? '').startsWith('Syndication pipeline:'),
    );
    expect(functions).toHaveLength(7);
    for (const fn of functions) {
      expect(fn.Properties.TracingConfig).toBeUndefined();
      // So the functions do not even load the X-Ray library.
      expect(fn.Properties.Environment.Variables.POWERTOOLS_TRACE_ENABLED).toBe('false');
    }
    for (const name of ['normalize', 'dedupe', 'tag', 'publish', 'release', 'ingest', 'poller']) {
      expect(actionsOf(off.template, name).filter((a) => a.startsWith('xray:'))).toEqual([]);
    }
  });
});

describe('settings validation', () => {
  const settings = (context: Record<string, unknown>) => () =>
    readSettings(
      new App({ context: Object.fromEntries(Object.entries(context).map(([k, v]) => [`syndicate:${k}`, v])) })
        .node,
    );

  it('refuses an outlet registry too big for a Lambda environment', () => {
    const outlets = Array.from({ length: 80 }, (_, i) => ({ id: `outlet-${i}`, name: `Outlet number ${i}` }));
    expect(() => synthesize({ settings: { outlets } })).toThrow(/syndicate:outlets is \d+ bytes/);
  });

  it('defaults when nothing is set', () => {
    expect(settings({})()).toMatchObject({
      duplicatePolicy: 'drop',
      lookbackDays: 30,
      fifo: false,
      fanout: false,
    });
  });

  it.each([
    [{ duplicatePolicy: 'keep' }, /duplicatePolicy/],
    [{ lookbackDays: 'soon' }, /lookbackDays/],
    [{ fifo: 'yes' }, /fifo/],
    [{ dedupeMaxConcurrency: 1 }, /dedupeMaxConcurrency/],
    [{ subscribers: { Alerts: {} } }, /needs syndicate:fanout=true/],
  ])('refuses %o', (context, message) => {
    expect(settings(context)).toThrow(message);
  });
});
