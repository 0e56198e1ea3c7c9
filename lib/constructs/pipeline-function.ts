import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import {
  type BundlingOptions,
  NodejsFunction,
  OutputFormat,
  SourceMapMode,
} from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import {
  BUNDLE_EXTERNALS,
  BUNDLE_TARGET,
  besideBundleCommands,
  ESBUILD_ARGS,
  ESM_REQUIRE_BANNER,
  MAIN_FIELDS,
  PROJECT_ROOT,
} from '../bundling.ts';
import { METRICS_NAMESPACE, SERVICE_NAME } from '../metrics.ts';
import { acknowledge } from '../nag.ts';

/**
 * How every function is bundled: local esbuild (never Docker), ESM with the
 * createRequire banner, minified, with lib/bundling.ts's externals and aliases
 * (one copy of each HTML library in normalize), and the BESIDE_BUNDLE files
 * copied into the asset. Shared with the test that checks the bundle is the
 * one the bench measures.
 */
export const LAMBDA_BUNDLING = {
  forceDockerBundling: false,
  format: OutputFormat.ESM,
  target: BUNDLE_TARGET,
  mainFields: [...MAIN_FIELDS],
  banner: ESM_REQUIRE_BANNER,
  minify: true,
  externalModules: [...BUNDLE_EXTERNALS],
  commandHooks: {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir: string, outputDir: string) => besideBundleCommands(inputDir, outputDir),
  },
  esbuildArgs: { ...ESBUILD_ARGS },
} satisfies BundlingOptions;

export interface PipelineFunctionProps {
  /** Absolute path of the TypeScript entry point exporting `handler`. */
  readonly entry: string;
  /** Short stage name: logs, metrics and the function description use it. */
  readonly stage: string;
  /** Stage configuration, on top of the Powertools and Node settings every function gets. */
  readonly environment?: Record<string, string>;
  /** @default Duration.seconds(30) */
  readonly timeout?: Duration;
  /** @default 512 (MiB; arm64 CPU scales with memory, and parsing feeds is CPU-bound) */
  readonly memorySize?: number;
  /** @default logs.RetentionDays.ONE_MONTH */
  readonly logRetention?: logs.RetentionDays;
  /** Reserved concurrency; prefer the event source's `maxConcurrency` for SQS stages. @default none */
  readonly reservedConcurrentExecutions?: number;
  /** Powertools log level. @default 'INFO' */
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** X-Ray active tracing (billed per trace recorded; see docs/deploy.md). @default true */
  readonly tracing?: boolean;
  /** AWS Parameters and Secrets extension, for functions that read Secrets Manager. @default none */
  readonly paramsAndSecrets?: lambda.ParamsAndSecretsLayerVersion;
}

/**
 * A Lambda function the way every stage of this pipeline runs: Node.js 22 on
 * arm64, bundled by the local esbuild (never Docker) as minified ESM with
 * source maps, its own log group with a retention, X-Ray active tracing and
 * Powertools configured. Its role starts empty (no managed policy): the only
 * standing permission is writing to its own log group; everything else is
 * granted by the resources it uses.
 */
export class PipelineFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: PipelineFunctionProps) {
    super(scope, id);

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `syndication ${props.stage} stage`,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      description: `Syndication pipeline: ${props.stage}`,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(30),
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      tracing: props.tracing === false ? lambda.Tracing.DISABLED : lambda.Tracing.ACTIVE,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: `${PROJECT_ROOT}package-lock.json`,
      ...(props.reservedConcurrentExecutions !== undefined
        ? { reservedConcurrentExecutions: props.reservedConcurrentExecutions }
        : {}),
      ...(props.paramsAndSecrets ? { paramsAndSecrets: props.paramsAndSecrets } : {}),
      environment: {
        POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        POWERTOOLS_LOG_LEVEL: props.logLevel ?? 'INFO',
        SYNDICATE_STAGE: props.stage,
        // Without it Powertools would still load the X-Ray library at every cold start.
        ...(props.tracing === false ? { POWERTOOLS_TRACE_ENABLED: 'false' } : {}),
        ...props.environment,
      },
      bundling: {
        ...LAMBDA_BUNDLING,
        // The map ships beside the bundle for symbolicating a minified stack trace offline. It is not
        // linked or loaded at run time (no --enable-source-maps): parsing it would add ~9 ms to every
        // cold start. Names and lines are enough, so the sources are left out of it.
        sourceMap: true,
        sourceMapMode: SourceMapMode.EXTERNAL,
        sourcesContent: false,
      },
    });

    if (props.tracing !== false) {
      acknowledge(
        this.role,
        'AwsSolutions-IAM5[Resource::*]',
        'X-Ray PutTraceSegments/PutTelemetryRecords do not support resource-level permissions; no data action is granted on *.',
      );
    }
    acknowledge(
      this.function,
      'AwsSolutions-L1',
      'Node.js 22 is the runtime the project targets and tests against (issue 8); Node.js 24 is adopted deliberately after the suite runs on it, not by a linter.',
    );
  }
}
