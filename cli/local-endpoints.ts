import type { EndpointOptions } from '../consumer/clients.ts';
import {
  endpointsFilePath,
  type LocalEndpoints,
  localQueueUrls,
  readEndpointsFile,
} from '../local/endpoints-file.ts';
import { UsageError } from './usage-error.ts';

/** The endpoints file of the serve using stateDir, if one is running there. */
export function localEndpoints(stateDir: string): LocalEndpoints | undefined {
  try {
    return readEndpointsFile(stateDir);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function noLocalServe(stateDir: string, what: string): UsageError {
  return new UsageError(`${what}, or a running \`syndicate serve\` (no ${endpointsFilePath(stateDir)})`);
}

/**
 * Client settings for queues: the file's endpoints, region and credentials
 * when every queue URL is one of its queues (so an AWS URL given on the
 * command line is never sent to an emulator), and the flags over them.
 */
export function clientOptions(
  local: LocalEndpoints | undefined,
  queueUrls: readonly string[],
  flags: { endpoint?: string | undefined; s3Endpoint?: string | undefined },
): EndpointOptions {
  const known = local ? localQueueUrls(local) : new Set<string>();
  const file = local && queueUrls.every((url) => known.has(url)) ? local : undefined;
  const sqsEndpoint = flags.endpoint ?? file?.endpoints.sqs;
  const s3Endpoint = flags.s3Endpoint ?? file?.endpoints.s3;
  return {
    ...(sqsEndpoint ? { sqsEndpoint } : {}),
    ...(s3Endpoint ? { s3Endpoint } : {}),
    ...(file ? { region: file.region, credentials: file.credentials } : {}),
  };
}
