import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledge } from '../nag.ts';
import type { DedupeIndex } from './dedupe-index.ts';
import { PipelineFunction } from './pipeline-function.ts';
import { ARCHIVE_PREFIXES, type RawArchive } from './raw-archive.ts';

export interface PushEndpointProps {
  /** Absolute path of the ingest handler (API Gateway HTTP API payload v2). */
  readonly entry: string;
  readonly archive: RawArchive;
  readonly index: DedupeIndex;
  /** JSON map outlet id → push secret. */
  readonly secrets: secretsmanager.ISecret;
  /** Outlet registry JSON (OUTLETS). @default '[]' */
  readonly outletsJson?: string;
  /** Route path; GET answers WebSub verification, POST takes pushes, DELETE kills. @default '/push' */
  readonly path?: string;
  /**
   * Largest body accepted, in bytes. Lambda takes at most 6 MB per synchronous
   * request and the HTTP API may hand the body over base64-encoded (+33 %), so
   * 4 MiB is the most that always reaches the function.
   * @default 4_194_304
   */
  readonly maxBodyBytes?: number;
  /** How old a signature may be. @default 300 */
  readonly signatureMaxAgeSeconds?: number;
  /** Stage-wide steady rate, requests per second. @default 50 */
  readonly rateLimit?: number;
  /** Stage-wide burst. @default 100 */
  readonly burstLimit?: number;
  /** @default Duration.seconds(15): well under the HTTP API's 30-second integration limit */
  readonly timeout?: Duration;
  /** @default logs.RetentionDays.ONE_MONTH (function and access logs) */
  readonly logRetention?: logs.RetentionDays;
  /** X-Ray active tracing. @default true */
  readonly tracing?: boolean;
}

/**
 * The push endpoint outlets call: an HTTP API with stage-wide throttling and
 * access logs in front of the ingest Lambda, which checks each outlet's HMAC
 * signature (secret from Secrets Manager, read through the Parameters and
 * Secrets extension), stores the raw bytes under `incoming/` and records the
 * signature in the index so a replay is refused.
 */
export class PushEndpoint extends Construct {
  readonly api: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  readonly function: NodejsFunction;
  /** The URL outlets push to. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: PushEndpointProps) {
    super(scope, id);
    const retention = props.logRetention ?? logs.RetentionDays.ONE_MONTH;
    const path = props.path ?? '/push';

    const handler = new PipelineFunction(this, 'Handler', {
      ...(props.tracing !== undefined ? { tracing: props.tracing } : {}),
      entry: props.entry,
      stage: 'ingest',
      timeout: props.timeout ?? Duration.seconds(15),
      logRetention: retention,
      paramsAndSecrets: lambda.ParamsAndSecretsLayerVersion.fromVersion(
        lambda.ParamsAndSecretsVersions.V1_0_103,
        { cacheEnabled: true, cacheSize: 10, logLevel: lambda.ParamsAndSecretsLogLevel.WARN },
      ),
      environment: {
        RAW_BUCKET: props.archive.bucket.bucketName,
        INDEX_TABLE: props.index.table.tableName,
        OUTLET_SECRETS_ID: props.secrets.secretArn,
        MAX_BODY_BYTES: String(props.maxBodyBytes ?? 4_194_304),
        SIGNATURE_MAX_AGE_SECONDS: String(props.signatureMaxAgeSeconds ?? 300),
        OUTLETS: props.outletsJson ?? '[]',
      },
    });
    this.function = handler.function;
    props.archive.grantWriteObjects(this.function, ARCHIVE_PREFIXES.incoming);
    props.index.grantReplayGuard(this.function);
    props.secrets.grantRead(this.function);

    this.api = new apigw.HttpApi(this, 'Api', {
      description: 'Syndication push endpoint',
      createDefaultStage: false,
    });
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit ?? 50, burstLimit: props.burstLimit ?? 100 },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        // HTTP API context variables only: REST API formats (CLF) reference fields HTTP APIs lack.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            time: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
    const routes = this.api.addRoutes({
      path,
      methods: [apigw.HttpMethod.POST, apigw.HttpMethod.GET, apigw.HttpMethod.DELETE],
      integration: new HttpLambdaIntegration('Ingest', this.function),
    });
    for (const route of routes) {
      acknowledge(
        route,
        'AwsSolutions-APIG4',
        'Outlets are external parties without AWS identities: every push is authenticated by its HMAC signature over the body and a timestamp, checked by the handler against the outlet secret (and replays refused).',
      );
    }
    this.url = `${this.stage.url.replace(/\/$/, '')}${path}`;
  }
}
