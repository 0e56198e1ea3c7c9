import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { consumeCommand } from '../../cli/commands/consume.ts';
import { redriveCommand } from '../../cli/commands/redrive.ts';
import { EMULATOR_CREDENTIALS } from '../../local/emulators.ts';
import { writeEndpointsFile } from '../../local/endpoints-file.ts';
import type { LocalPipeline } from '../../local/pipeline.ts';
import { startTestPipeline, type TestPipeline } from '../support/local-pipeline.ts';
import { longFeed } from '../support/long-feed.ts';
import { SEED_ARTICLE } from '../support/paths.ts';
import { tempDir } from '../support/temp-dir.ts';

let running: TestPipeline | undefined;
const dirs: Array<{ remove(): void }> = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await running?.close();
  running = undefined;
  for (const dir of dirs.splice(0)) dir.remove();
});

/** Runs a CLI command in-process; its exit code, the JSON lines on stdout and what went to stderr. */
async function run(command: (argv: string[]) => Promise<number>, argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation(
    (chunk: string | Uint8Array) => out.push(String(chunk)) > 0,
  );
  vi.spyOn(process.stderr, 'write').mockImplementation(
    (chunk: string | Uint8Array) => err.push(String(chunk)) > 0,
  );
  try {
    const code = await command(argv);
    const lines = out.join('').split('\n').filter(Boolean);
    return {
      code,
      lines: lines.map((line) => JSON.parse(line) as Record<string, unknown>),
      stderr: err.join(''),
    };
  } finally {
    vi.restoreAllMocks();
  }
}

/** The file `syndicate serve` writes, for this test's pipeline, in a state folder of its own. */
function endpointsFor(pipeline: LocalPipeline, sqsEndpoint = pipeline.emulators.endpoints.sqs): string {
  const state = tempDir('syndicate-endpoints-');
  dirs.push(state);
  writeEndpointsFile(state.path, {
    region: 'us-east-1',
    endpoints: { sqs: sqsEndpoint, s3: pipeline.emulators.endpoints.s3, push: 'http://127.0.0.1:1/push' },
    credentials: { ...EMULATOR_CREDENTIALS },
    bucket: pipeline.resources.bucket,
    output: pipeline.resources.output,
    stages: pipeline.resources.stages,
  });
  return state.path;
}

describe('consume and redrive read endpoints.json', () => {
  it('consume finds the output queue, both endpoints and the S3 keys in the file, claim checks resolved', async () => {
    running = await startTestPipeline({ visibilityTimeout: 30 });
    const { pipeline } = running;
    await pipeline.ingest('harbour', longFeed(5000));
    await pipeline.waitForIdle();
    // Keys in the environment are not the emulator's: the file's win, as a developer's AWS profile would not do.
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7EXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'not-the-emulators');
    const result = await run(consumeCommand, ['--state', endpointsFor(pipeline), '--wait', '0', '--delete']);
    vi.unstubAllEnvs();
    expect(result.code, result.stderr).toBe(0);
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0]?.claimChecked).toBe(true);
    expect(
      (result.lines[0]?.ninjs as { headlines: Array<{ value: string }> } | undefined)?.headlines[0]?.value,
    ).toBe('Council publishes the full harbour report');
  });

  it('flags override the file', async () => {
    running = await startTestPipeline({ visibilityTimeout: 30 });
    const { pipeline } = running;
    await pipeline.ingest('patriotwise', readFileSync(SEED_ARTICLE));
    await pipeline.waitForIdle();
    // A file left by a serve that is gone: nothing listens at its SQS endpoint.
    const state = endpointsFor(pipeline, 'http://127.0.0.1:9');
    const broken = await run(consumeCommand, ['--state', state, '--wait', '0']).catch(
      (error: Error) => error,
    );
    expect(broken).toBeInstanceOf(Error);
    const fixed = await run(consumeCommand, [
      '--state',
      state,
      '--endpoint',
      pipeline.emulators.endpoints.sqs,
      '--wait',
      '0',
      '--delete',
    ]);
    expect(fixed.code).toBe(0);
    expect(fixed.lines).toHaveLength(1);
  });

  it('consume without --queue-url and no running serve is a usage error naming the file', async () => {
    const empty = tempDir('syndicate-no-serve-');
    dirs.push(empty);
    await expect(consumeCommand(['--state', empty.path])).rejects.toThrow(/--queue-url.*endpoints\.json/);
  });

  it('redrive takes stage names for the local queues', async () => {
    let broken = true;
    running = await startTestPipeline({
      maxReceiveCount: 2,
      wrapHandler: (stage, handler) =>
        stage === 'publish'
          ? async (event) => {
              if (broken) throw new Error('publish is down');
              return handler(event);
            }
          : handler,
    });
    const { pipeline } = running;
    await pipeline.ingest('patriotwise', readFileSync(SEED_ARTICLE));
    await pipeline.waitForIdle();
    broken = false;
    const state = endpointsFor(pipeline);
    const moved = await run(redriveCommand, [
      '--from',
      'publish',
      '--to',
      'publish',
      '--state',
      state,
      '--wait',
      '0',
    ]);
    expect(moved.code, moved.stderr).toBe(0);
    // At least once: a loaded machine may have parked two copies of the one item.
    expect(moved.lines.length).toBeGreaterThanOrEqual(1);
    expect(moved.lines.every((line) => line.moved === true)).toBe(true);
    await pipeline.waitForIdle();
    expect((await pipeline.drainOutput()).length).toBeGreaterThanOrEqual(1);
  });
});
