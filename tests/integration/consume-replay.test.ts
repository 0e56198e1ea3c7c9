import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { replayCommand } from '../../cli/commands/replay.ts';
import { ALT_ID_ROLES } from '../../lambdas/publish/ninjs.ts';
import type { DocumentManifest } from '../../lambdas/shared/reports.ts';
import { LocalPipeline } from '../../local/pipeline.ts';
import { startTestPipeline } from '../support/local-pipeline.ts';
import { SEED_ARTICLE } from '../support/paths.ts';
import { tempDir } from '../support/temp-dir.ts';

let state: ReturnType<typeof tempDir>;
beforeEach(() => {
  state = tempDir();
});
afterEach(() => {
  vi.restoreAllMocks();
  state.remove();
});

async function replay(argv: string[]): Promise<{ code: number; documents: Array<Record<string, unknown>> }> {
  const chunks: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const code = await replayCommand(argv);
    const lines = chunks.join('').split('\n').filter(Boolean);
    return { code, documents: lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
  } finally {
    vi.restoreAllMocks();
  }
}

/**
 * Archives the seed with a normalize stage that fails on everything (a bug that
 * is then fixed): the raw bytes are stored, nothing is published.
 */
async function archiveWithBrokenNormalize(): Promise<{ documentId: string }> {
  const running = await startTestPipeline({
    stateDir: state.path,
    maxReceiveCount: 1,
    wrapHandler: (stage, handler) =>
      stage === 'normalize'
        ? async () => {
            throw new Error('normalize bug');
          }
        : handler,
  });
  try {
    const stored = await running.pipeline.ingest('patriotwise', readFileSync(SEED_ARTICLE));
    await running.pipeline.waitForIdle();
    expect(await running.pipeline.drainOutput()).toHaveLength(0);
    return { documentId: stored.documentId };
  } finally {
    await running.close();
  }
}

async function manifestsOf(documentId: string): Promise<DocumentManifest[]> {
  const pipeline = await LocalPipeline.start({ stateDir: state.path });
  try {
    return await pipeline.manifestsOf('patriotwise', documentId);
  } finally {
    await pipeline.stop();
  }
}

describe('syndicate replay', () => {
  it('re-runs archived documents through every stage after a fix; a second replay is a duplicate', async () => {
    const { documentId } = await archiveWithBrokenNormalize();
    expect(await manifestsOf(documentId)).toEqual([]);

    const fixed = await replay(['--from-archive', 'incoming/patriotwise/', '--state', state.path]);
    expect(fixed.code).toBe(0);
    // At least once: a loaded machine may redeliver inside the replay, so count distinct (uri, version) pairs.
    expect(new Set(fixed.documents.map((d) => `${d.uri}\n${d.version}`)).size).toBe(1);
    for (const document of fixed.documents) {
      const altIds = document.altIds as Array<{ role: string; value: string }>;
      expect(altIds.find((a) => a.role === ALT_ID_ROLES.documentId)?.value).toBe(documentId);
      expect(altIds.find((a) => a.role === ALT_ID_ROLES.decision)?.value).toBe('new');
    }
    const [manifest, ...others] = await manifestsOf(documentId);
    expect(manifest?.status).toBe('accepted');
    expect(others).toEqual([]);

    // Same bytes again: a new arrival with a manifest of its own beside the first, which dedupe recognises.
    const again = await replay([
      '--from-archive',
      `incoming/patriotwise/${documentId}`,
      '--state',
      state.path,
    ]);
    expect(again).toEqual({ code: 0, documents: [] });
    const both = await manifestsOf(documentId);
    expect(both).toHaveLength(2);
    expect(both[0]).toEqual(manifest);
    expect(both[1]?.ingestionId).not.toBe(manifest?.ingestionId);
  });

  it('says so when nothing is archived under the prefix, and refuses a prefix outside incoming/', async () => {
    const nothing = await replay(['--from-archive', 'incoming/nobody/', '--state', state.path]);
    expect(nothing).toEqual({ code: 1, documents: [] });
    await expect(replayCommand(['--from-archive', 'reports/', '--state', state.path])).rejects.toThrow(
      /must start with "incoming\/"/,
    );
  });
});
