import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { describe, expect, it } from 'vitest';
import { measureBundle } from '../../bench/bundles.ts';
import { handlerEntry, PROJECT_ROOT } from '../../lib/bundling.ts';
import { OutputChannel } from '../../lib/constructs/output-channel.ts';
import { PipelineFunction } from '../../lib/constructs/pipeline-function.ts';
import { PipelineStage } from '../../lib/constructs/pipeline-stage.ts';
import { RawArchive } from '../../lib/constructs/raw-archive.ts';
import { cdkJsonContext } from './support/synth.ts';

const FIXTURE = `${PROJECT_ROOT}tests/cdk/fixtures/handler.ts`;

function stack(bundle = false): Stack {
  const context = { ...cdkJsonContext(), ...(bundle ? {} : { 'aws:cdk:bundling-stacks': [] }) };
  return new Stack(new App({ context }), 'Test');
}

describe('PipelineStage', () => {
  const s = stack();
  const next = new OutputChannel(s, 'Next').queue;
  const stage = new PipelineStage(s, 'Stage', {
    stage: 'probe',
    entry: FIXTURE,
    next,
    timeout: Duration.seconds(60),
    maxBatchingWindow: Duration.seconds(5),
    maxConcurrency: 7,
    maxReceiveCount: 3,
    batchSize: 25,
  });
  const template = Template.fromStack(s);
  const json = template.toJSON().Resources;

  it('keeps messages invisible for 6× the timeout plus the batching window', () => {
    expect(json[s.getLogicalId(stage.queue.node.defaultChild as never)].Properties.VisibilityTimeout).toBe(
      365,
    );
  });

  it('redrives to its DLQ after maxReceiveCount receives', () => {
    expect(
      json[s.getLogicalId(stage.queue.node.defaultChild as never)].Properties.RedrivePolicy.maxReceiveCount,
    ).toBe(3);
  });

  it('passes batching, concurrency and partial failures to the event source', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 25,
      MaximumBatchingWindowInSeconds: 5,
      ScalingConfig: { MaximumConcurrency: 7 },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });
});

describe('RawArchive with a customer-managed key', () => {
  const s = stack();
  const key = new kms.Key(s, 'Key', { enableKeyRotation: true });
  const archive = new RawArchive(s, 'Archive', { encryptionKey: key });
  const role = new iam.Role(s, 'Reader', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  archive.grantReadObjects(role, 'incoming/');
  const template = Template.fromStack(s);

  it('encrypts with the key and lets readers decrypt with it', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          { ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' }, BucketKeyEnabled: true },
        ],
      },
    });
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (p) => p.Properties.PolicyDocument.Statement,
    );
    expect(statements.map((st: { Action: string }) => st.Action).sort()).toEqual([
      'kms:Decrypt',
      's3:GetObject',
    ]);
  });
});

describe('OutputChannel', () => {
  it('refuses a subscriber without fan-out', () => {
    const channel = new OutputChannel(stack(), 'Output');
    expect(() => channel.addSubscriber('Late')).toThrow(/needs fan-out/);
  });
});

describe('bundling (local esbuild, never Docker)', () => {
  const s = stack(true);
  const probe = new PipelineFunction(s, 'Probe', { entry: FIXTURE, stage: 'probe' });
  const publish = new PipelineFunction(s, 'Publish', { entry: handlerEntry('publish'), stage: 'publish' });
  const normalize = new PipelineFunction(s, 'Normalize', {
    entry: handlerEntry('normalize'),
    stage: 'normalize',
  });
  const assembly = (s.node.root as App).synth();
  const template = Template.fromStack(s).toJSON().Resources;
  const assetDir = (fn: PipelineFunction): string => {
    const key = template[s.getLogicalId(fn.function.node.defaultChild as never)].Properties.Code
      .S3Key as string;
    return join(assembly.directory, `asset.${key.replace(/\.zip$/, '')}`);
  };

  it('emits ESM with the createRequire banner and an external source map without sources', () => {
    const dir = assetDir(probe);
    expect(readdirSync(dir).sort()).toEqual(['index.mjs', 'index.mjs.map']);
    const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
    expect(code.startsWith("import { createRequire as __syndicateCreateRequire } from 'node:module';")).toBe(
      true,
    );
    expect(code).toMatch(/export\s*\{/);
    const map = JSON.parse(readFileSync(join(dir, 'index.mjs.map'), 'utf8'));
    expect(map.sourcesContent).toBeUndefined();
  });

  it('bundles the AWS SDK and the compiled ninjs validator, with no node_modules beside them', () => {
    const code = readFileSync(join(assetDir(publish), 'index.mjs'), 'utf8');
    expect(code).toContain('http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json');
    expect(code).not.toMatch(/from\s*"@aws-sdk\//);
    expect(code).toContain('SendMessageBatch');
    expect(existsSync(join(assetDir(publish), 'node_modules'))).toBe(false);
  });

  it('ships the language model beside the normalize bundle, where its lazy import finds it', () => {
    const dir = assetDir(normalize);
    const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
    expect(code).toContain('import("tinyld/light")');
    expect(code.length).toBeLessThan(800_000);
    expect(existsSync(join(dir, 'node_modules/tinyld/dist/tinyld.light.node.mjs'))).toBe(true);
    // Resolved from the asset as Node resolves it on Lambda: the package's exports, its import condition.
    const detected = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const { detect } = await import('tinyld/light'); process.stdout.write(detect('The council voted on Monday to freeze bus fares for another year.'));",
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(detected).toBe('en');
  });

  it('ships the code the bundle bench measures', async () => {
    const code = readFileSync(join(assetDir(publish), 'index.mjs'), 'utf8');
    // The stack adds a source map; the bench does not. The code before its link is the same.
    const withoutMapLink = code.replace(/\n\/\/# sourceMappingURL=index\.mjs\.map\n?$/, '\n');
    const sha256 = createHash('sha256').update(withoutMapLink).digest('hex');
    expect(sha256).toBe((await measureBundle('publish')).sha256);
  });
});
