import { LocalPipeline, type LocalPipelineOptions } from '../../local/pipeline.ts';
import { tempDir } from './temp-dir.ts';

export interface TestPipeline {
  readonly pipeline: LocalPipeline;
  readonly stateDir: string;
  /** Stops the emulators and deletes the state folder (unless it was given). */
  close(): Promise<void>;
}

/** Starts the whole local pipeline on fresh emulators in a temporary state folder. */
export async function startTestPipeline(options: Partial<LocalPipelineOptions> = {}): Promise<TestPipeline> {
  const dir = options.stateDir ? undefined : tempDir();
  const stateDir = options.stateDir ?? (dir?.path as string);
  const pipeline = await LocalPipeline.start({
    visibilityTimeout: 1,
    logLevel: 'ERROR',
    ...options,
    stateDir,
  });
  return {
    pipeline,
    stateDir,
    async close() {
      await pipeline.stop();
      dir?.remove();
    },
  };
}
