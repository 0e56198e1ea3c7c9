import { manifestKey } from '../lambdas/shared/keys.ts';
import { LocalPipeline } from '../local/pipeline.ts';
import type { Stage } from '../local/provision.ts';
import { mapLimit, withRetries } from './concurrency.ts';
import { checkConservation, type DecisionView, type Ledger, type ManifestView } from './conservation.ts';
import { generateSoakCorpus, type SoakCorpus, TOKEN_PATTERN } from './corpus.ts';
import { DEFAULT_FAULTS, type FaultCounts, FaultInjector, type FaultPlan } from './faults.ts';
import { restartS3rver } from './restart.ts';

export interface SoakOptions {
  readonly stateDir: string;
  readonly items: number;
  readonly itemsPerDocument?: number;
  readonly outlets?: number;
  readonly versionShare?: number;
  readonly faults?: FaultPlan;
  /** How many times the S3 emulator is restarted while work is in flight. */
  readonly s3Restarts?: number;
  readonly timeoutMs: number;
  readonly seed?: number;
}

export interface SoakResult {
  readonly ledger: Ledger;
  readonly faults: FaultCounts;
  readonly documents: number;
  readonly s3Restarts: number;
  readonly handlerErrors: number;
  readonly invocations: Record<Stage, number>;
  readonly ingestMs: number;
  readonly settleMs: number;
  readonly itemsPerSecond: number;
}

/**
 * One soak run: generate the corpus, push every document as the ingest
 * endpoint would, inject faults while the real handlers work through it,
 * wait until nothing is in flight, then account for every item.
 */
export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const corpus = generateSoakCorpus({
    items: options.items,
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.itemsPerDocument !== undefined ? { itemsPerDocument: options.itemsPerDocument } : {}),
    ...(options.outlets !== undefined ? { outlets: options.outlets } : {}),
    ...(options.versionShare !== undefined ? { versionShare: options.versionShare } : {}),
  });
  const injector = new FaultInjector(options.faults ?? DEFAULT_FAULTS, poisonTag(corpus));
  const pipeline = await LocalPipeline.start({
    stateDir: options.stateDir,
    wrapHandler: injector.wrap,
    visibilityTimeout: 1,
    // Injected faults stop after two receives; the cap leaves room for S3 restarts on top.
    maxReceiveCount: 10,
    logLevel: 'SILENT',
  });
  try {
    injector.bind(pipeline.clients.sqs, (stage) => pipeline.resources.stages[stage].url);
    const started = Date.now();
    const stored = await mapLimit(corpus.documents, 8, async (document) => {
      const arrival = await withRetries(5, 250, () =>
        pipeline.ingest(document.outlet, document.bytes, document.contentType),
      );
      return { document, ...arrival };
    });
    const ingestMs = Date.now() - started;
    let restarts = 0;
    for (let i = 0; i < (options.s3Restarts ?? 1); i++) {
      // Let work get going between restarts so each one cuts requests in flight.
      await new Promise((resolve) => setTimeout(resolve, 400));
      await restartS3rver(pipeline.emulators.s3rver, 300);
      restarts++;
    }
    await pipeline.waitForIdle(Math.max(1000, options.timeoutMs - (Date.now() - started)));
    const settleMs = Date.now() - started;

    const published = (await pipeline.drainOutput()).map(({ body }) => {
      const ninjs = JSON.parse(body) as {
        uri: string;
        version: string;
        headlines?: Array<{ value?: string }>;
      };
      return { uri: ninjs.uri, version: ninjs.version, headline: ninjs.headlines?.[0]?.value ?? '' };
    });
    const deadLetters = await pipeline.deadLetters();
    const manifests = new Map<string, ManifestView | undefined>();
    await mapLimit(stored, 16, async (s) => {
      manifests.set(
        s.ingestionId,
        await pipeline.readReport<ManifestView>(manifestKey(s.document.outlet, s.documentId, s.ingestionId)),
      );
    });
    const decisions = new Map<string, DecisionView | undefined>();
    await mapLimit(stored, 16, async (s) => {
      const { ingestionId } = s;
      const recorded = await pipeline.readDecisions(s.document.outlet, s.documentId, ingestionId);
      for (const [index, decision] of recorded)
        decisions.set(`${ingestionId}#${index}`, { ...decision, ingestionId });
    });
    const ledger = checkConservation(corpus, {
      stored: stored,
      manifests,
      decisions: (ingestionId, index) => decisions.get(`${ingestionId}#${index}`),
      published,
      deadLetters,
    });
    const invocations = Object.fromEntries(
      [...pipeline.sources.entries()].map(([stage, sources]) => [
        stage,
        [sources].flat().reduce((sum, source) => sum + source.invocations, 0),
      ]),
    ) as Record<Stage, number>;
    return {
      ledger,
      faults: { ...injector.counts },
      documents: corpus.documents.length,
      s3Restarts: restarts,
      handlerErrors: pipeline.errors.length,
      invocations,
      ingestMs,
      settleMs,
      itemsPerSecond: Math.round((corpus.items / settleMs) * 1000),
    };
  } finally {
    await pipeline.stop();
  }
}

/** Poison stories are corrupted on their way into tag, which must dead-letter them with a reason. */
function poisonTag(corpus: SoakCorpus) {
  return (stage: Stage, body: string): string | undefined => {
    if (stage !== 'tag') return undefined;
    const token = TOKEN_PATTERN.exec(body)?.[0];
    if (!token || corpus.stories.get(token)?.kind !== 'poison') return undefined;
    return body.replace('"schema":"syndicate.item.v1"', '"schema":"soak.poisoned"');
  };
}
