import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { STAGES } from './provision.ts';

/**
 * Where a running `syndicate serve` can be reached: written to
 * `{stateDir}/endpoints.json` once it listens and removed when it stops, so
 * `syndicate consume` and `syndicate redrive` find the local queues (on random
 * ports) and the credentials the emulators accept without being told.
 */
export const ENDPOINTS_FILE = 'endpoints.json';
const SCHEMA = 'syndicate.local-endpoints.v1';

const queuePair = z.object({ url: z.string(), dlqUrl: z.string() });
const localEndpointsSchema = z.object({
  schema: z.literal(SCHEMA),
  region: z.string(),
  endpoints: z.object({ sqs: z.string(), s3: z.string(), push: z.string() }),
  credentials: z.object({ accessKeyId: z.string(), secretAccessKey: z.string() }),
  bucket: z.string(),
  output: queuePair,
  stages: z.object(
    Object.fromEntries(STAGES.map((stage) => [stage, queuePair])) as Record<
      (typeof STAGES)[number],
      typeof queuePair
    >,
  ),
});

export type LocalEndpoints = z.infer<typeof localEndpointsSchema>;

export function endpointsFilePath(stateDir: string): string {
  return join(stateDir, ENDPOINTS_FILE);
}

/** Written whole or not at all (a rename), so a reader never sees half a file. */
export function writeEndpointsFile(stateDir: string, endpoints: Omit<LocalEndpoints, 'schema'>): string {
  const path = endpointsFilePath(stateDir);
  mkdirSync(stateDir, { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ schema: SCHEMA, ...endpoints }, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, path);
  return path;
}

export function removeEndpointsFile(stateDir: string): void {
  rmSync(endpointsFilePath(stateDir), { force: true });
}

/** The endpoints of the serve that uses stateDir; undefined when none is running there. */
export function readEndpointsFile(stateDir: string): LocalEndpoints | undefined {
  const path = endpointsFilePath(stateDir);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const parsed = localEndpointsSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${path} is not an endpoints file written by syndicate serve`);
  return parsed.data;
}

/** Every queue URL the file names, to tell whether a URL given on the command line is local. */
export function localQueueUrls(endpoints: LocalEndpoints): Set<string> {
  const pairs = [endpoints.output, ...Object.values(endpoints.stages)];
  return new Set(pairs.flatMap((pair) => [pair.url, pair.dlqUrl]));
}
