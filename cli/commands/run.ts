import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DUPLICATE_POLICIES, type DuplicatePolicy } from '../../lambdas/shared/config.ts';
import { OUTLET_ID } from '../../lambdas/shared/keys.ts';
import { METRICS } from '../../lambdas/shared/metrics.ts';
import { LocalPipeline } from '../../local/pipeline.ts';
import { exitCode, formatSummary, type SubmittedDocument, summarizeRun } from '../../local/run-summary.ts';
import { info, writeLine } from '../output.ts';
import { expandPaths } from '../paths.ts';
import { UsageError } from '../usage-error.ts';

/**
 * Runs the whole pipeline locally on the given files and folders: every
 * message that reaches the output queue is printed as one JSON line; progress
 * and the summary go to stderr.
 */
export async function runCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      state: { type: 'string', default: '.syndicate' },
      outlet: { type: 'string', default: 'local' },
      'duplicate-policy': { type: 'string', default: 'drop' },
    },
    allowPositionals: true,
  });
  if (positionals.length === 0) throw new UsageError('run needs at least one PATH');
  if (!OUTLET_ID.test(values.outlet)) throw new UsageError(`--outlet must match ${OUTLET_ID.source}`);
  const policy = values['duplicate-policy'] as DuplicatePolicy;
  if (!DUPLICATE_POLICIES.includes(policy)) throw new UsageError('--duplicate-policy must be drop or flag');
  const files = expandPaths(positionals);

  const pipeline = await LocalPipeline.start({ stateDir: values.state, duplicatePolicy: policy });
  try {
    const submitted: SubmittedDocument[] = [];
    for (const path of files) {
      const stored = await pipeline.ingest(values.outlet, readFileSync(path));
      submitted.push({ path, outlet: values.outlet, ...stored });
    }
    info(
      `syndicate run: ${submitted.length} document(s) stored under s3://${pipeline.resources.bucket}/incoming/${values.outlet}/`,
    );
    await pipeline.waitForIdle();
    // What came due while the run went on is released now, as the schedule's sweep would on AWS.
    await pipeline.sweepHeld();
    const published = await pipeline.drainOutput();
    for (const { body } of published) await writeLine(body);
    const summary = await summarizeRun(pipeline, submitted, published.length);
    info(formatSummary(summary));
    // Items an earlier run held, due by now: on the output with this run's, though not of its documents.
    const released = pipeline.metrics.get('publish')?.get(METRICS.released) ?? 0;
    if (released > 0) info(`syndicate run: ${released} held item(s) released from embargo`);
    if (pipeline.errors.length > 0)
      info(`syndicate run: ${pipeline.errors.length} handler error(s) were retried`);
    return exitCode(summary);
  } finally {
    await pipeline.stop();
  }
}
