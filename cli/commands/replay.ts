import { parseArgs } from 'node:util';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { DUPLICATE_POLICIES, type DuplicatePolicy } from '../../lambdas/shared/config.ts';
import { sha256Hex } from '../../lambdas/shared/hash.ts';
import { INCOMING_PREFIX, outletFromKey } from '../../lambdas/shared/keys.ts';
import { LocalPipeline } from '../../local/pipeline.ts';
import { exitCode, formatSummary, type SubmittedDocument, summarizeRun } from '../../local/run-summary.ts';
import { info, writeLine } from '../output.ts';
import { UsageError } from '../usage-error.ts';

const SHA256_HEX = /^[0-9a-f]{64}$/;
/** Bounds the listing: a replay of more than this many documents should be split by outlet. */
const MAX_DOCUMENTS = 100_000;

/**
 * PREFIX is a key prefix in the raw archive and must lie under `incoming/`:
 * `incoming/` replays everything, `incoming/{outlet}/` one outlet,
 * `incoming/{outlet}/{sha256}` one document.
 */
function archivePrefix(prefix: string): string {
  if (!prefix.startsWith(INCOMING_PREFIX))
    throw new UsageError(
      `--from-archive must start with "${INCOMING_PREFIX}", e.g. ${INCOMING_PREFIX}local/`,
    );
  return prefix;
}

async function listKeys(s3: S3Client, bucket: string, prefix: string, max: number): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: prefix,
        ...(token ? { ContinuationToken: token } : {}),
      }),
    );
    for (const object of page.Contents ?? []) if (object.Key && keys.length < max) keys.push(object.Key);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token && keys.length < max);
  return keys.sort();
}

/**
 * Re-stores one archived document with the very same bytes and content type:
 * S3 reports a new arrival, so it runs through every stage again exactly as
 * when it was first pushed, and is recorded as an arrival of its own. The
 * bytes are checked against their content address first, so a damaged
 * archive object is reported, not replayed.
 */
async function rearrive(
  pipeline: LocalPipeline,
  key: string,
): Promise<{ documentId: string; ingestionId: string }> {
  const { s3 } = pipeline.clients;
  const object = await s3.send(new GetObjectCommand({ Bucket: pipeline.resources.bucket, Key: key }));
  if (!object.Body) throw new Error(`${key} has no body`);
  const bytes = await object.Body.transformToByteArray();
  const id = key.split('/').at(-1) ?? '';
  // Normalize names a document by its bytes' hash, whatever key an S3 drop gave it.
  const documentId = sha256Hex(bytes);
  if (SHA256_HEX.test(id) && documentId !== id)
    throw new Error(`${key}: stored bytes do not match their sha256 key`);
  return { documentId, ingestionId: await pipeline.write(key, bytes, object.ContentType) };
}

/**
 * Re-runs stored raw documents through the local pipeline (the state folder
 * `syndicate run` uses): what reaches the output queue is printed as JSON
 * lines, the summary goes to stderr. Dedupe still applies: a document that
 * normalizes as before is a duplicate of its earlier report (dropped, or
 * published flagged with --duplicate-policy flag); one that now normalizes
 * differently (after a fix) is published as a new version.
 */
export async function replayCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'from-archive': { type: 'string' },
      state: { type: 'string', default: '.syndicate' },
      'duplicate-policy': { type: 'string', default: 'drop' },
      max: { type: 'string' },
    },
  });
  const from = values['from-archive'];
  if (!from) throw new UsageError('replay needs --from-archive PREFIX');
  const prefix = archivePrefix(from);
  const policy = values['duplicate-policy'] as DuplicatePolicy;
  if (!DUPLICATE_POLICIES.includes(policy)) throw new UsageError('--duplicate-policy must be drop or flag');
  const max = values.max === undefined ? MAX_DOCUMENTS : Number(values.max);
  if (!Number.isInteger(max) || max < 1 || max > MAX_DOCUMENTS)
    throw new UsageError(`--max must be a whole number 1–${MAX_DOCUMENTS}`);

  const pipeline = await LocalPipeline.start({ stateDir: values.state, duplicatePolicy: policy });
  try {
    const { s3 } = pipeline.clients;
    const bucket = pipeline.resources.bucket;
    const keys = await listKeys(s3, bucket, prefix, max);
    if (keys.length === 0) {
      info(`syndicate replay: nothing stored under s3://${bucket}/${prefix} in ${values.state}`);
      return 1;
    }
    const submitted: SubmittedDocument[] = [];
    for (const key of keys) {
      submitted.push({ path: key, outlet: outletFromKey(key), key, ...(await rearrive(pipeline, key)) });
    }
    info(
      `syndicate replay: ${submitted.length} document(s) under s3://${bucket}/${prefix} sent through again`,
    );
    await pipeline.waitForIdle();
    const published = await pipeline.drainOutput();
    for (const { body } of published) await writeLine(body);
    const summary = await summarizeRun(pipeline, submitted, published.length);
    info(formatSummary(summary, 'syndicate replay'));
    // As `syndicate run`: a rejected item that normalize set aside is reported, not a failure.
    return exitCode(summary);
  } finally {
    await pipeline.stop();
  }
}
