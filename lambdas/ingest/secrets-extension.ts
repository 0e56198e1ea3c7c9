import { TransientError } from '../shared/errors.ts';
import { CachedSecretSource, parseSecretMap, type SecretSource } from './secrets.ts';

/**
 * Secrets Manager or SSM Parameter Store (SecureString) through the AWS
 * Parameters and Secrets Lambda Extension, which AWS recommends over SDK calls
 * from Lambda: it serves GetSecretValue / GetParameter on localhost (port 2773
 * unless PARAMETERS_SECRETS_EXTENSION_HTTP_PORT says otherwise), authenticated
 * by the function's session token, and caches. No SDK client is needed; the
 * CDK stack adds the extension's layer (`paramsAndSecrets` on the function)
 * and grants secretsmanager:GetSecretValue (or ssm:GetParameter + kms:Decrypt).
 */
const EXTENSION_PORT = 2773;

export interface ExtensionOptions {
  readonly fetch?: typeof fetch;
  readonly sessionToken?: string;
  readonly port?: number;
}

async function askExtension(path: string, what: string, options: ExtensionOptions): Promise<unknown> {
  const response = await (options.fetch ?? fetch)(
    `http://localhost:${options.port ?? EXTENSION_PORT}${path}`,
    {
      headers: {
        'X-Aws-Parameters-Secrets-Token': options.sessionToken ?? process.env.AWS_SESSION_TOKEN ?? '',
      },
      signal: AbortSignal.timeout(5_000),
    },
  );
  if (!response.ok) throw new TransientError(`${what} answered ${response.status}`);
  return response.json();
}

/** The secrets document `{ "<outletId>": "<secret>" }` as a Secrets Manager secret's SecretString. */
export function secretsManagerSource(secretId: string, options: ExtensionOptions = {}): SecretSource {
  return new CachedSecretSource(async () => {
    const what = `Secrets Manager secret ${secretId}`;
    const body = (await askExtension(
      `/secretsmanager/get?secretId=${encodeURIComponent(secretId)}`,
      what,
      options,
    )) as { SecretString?: unknown };
    if (typeof body.SecretString !== 'string') throw new TransientError(`${what} has no SecretString`);
    return parseSecretMap(body.SecretString, what);
  });
}

/** The same document as an SSM SecureString parameter. */
export function parameterStoreSource(name: string, options: ExtensionOptions = {}): SecretSource {
  return new CachedSecretSource(async () => {
    const what = `SSM parameter ${name}`;
    const body = (await askExtension(
      `/systemsmanager/parameters/get?name=${encodeURIComponent(name)}&withDecryption=true`,
      what,
      options,
    )) as { Parameter?: { Value?: unknown } };
    const value = body.Parameter?.Value;
    if (typeof value !== 'string') throw new TransientError(`${what} has no value`);
    return parseSecretMap(value, what);
  });
}
