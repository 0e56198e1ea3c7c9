import { type AwsClients, createAwsClients } from '../lambdas/shared/clients.ts';
import { awsConfigSchema } from '../lambdas/shared/config.ts';

export interface EndpointOptions {
  readonly region?: string;
  /** An SQS-compatible endpoint (an emulator); on AWS leave it out. */
  readonly sqsEndpoint?: string;
  /** An S3-compatible endpoint for claim checks; on AWS leave it out. */
  readonly s3Endpoint?: string;
  /**
   * Keys to sign with, over any in the environment: those an emulator checks
   * (the local S3 emulator accepts only its own; `syndicate serve` writes them
   * to endpoints.json). On AWS leave them out for the usual credential chain.
   */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Used only with an explicit endpoint and no credentials given or in the environment: SQS emulators
 * accept any key, so this is enough without claim checks; the S3 emulator needs `credentials`.
 */
const PLACEHOLDER_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * SDK clients for a consumer or an operator command. Endpoints are plain
 * configuration, as in the stages; with an explicit endpoint and no
 * credentials given or configured, placeholder keys stand in, since the SQS
 * emulator does not check them and the default provider chain would otherwise fail.
 */
export function consumerClients(options: EndpointOptions): Pick<AwsClients, 's3' | 'sqs'> {
  const env = options.env ?? process.env;
  const aws = awsConfigSchema.parse({
    region: options.region ?? env.AWS_REGION,
    endpoints: { s3: options.s3Endpoint, sqs: options.sqsEndpoint },
  });
  const hasEndpoint = Boolean(options.sqsEndpoint || options.s3Endpoint);
  const hasCredentials = Boolean(env.AWS_ACCESS_KEY_ID || env.AWS_PROFILE);
  const { s3, sqs, dynamodb } = createAwsClients(
    aws,
    options.credentials
      ? { credentials: { ...options.credentials } }
      : hasEndpoint && !hasCredentials
        ? { credentials: PLACEHOLDER_CREDENTIALS }
        : {},
  );
  dynamodb.destroy();
  return { s3, sqs };
}
