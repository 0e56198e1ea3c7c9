import type { Logger } from '@aws-lambda-powertools/logger';
import type { DeadLetterSink } from '../shared/dead-letters.ts';
import { describeError } from '../shared/errors.ts';
import { METRICS, type StageMetrics } from '../shared/metrics.ts';
import { createSqsStageHandler, type SqsStageHandler } from '../shared/sqs-stage.ts';
import { isDue } from './embargo.ts';
import type { HeldStore } from './held-store.ts';
import { type HoldTimers, parseHoldTimer } from './hold-timers.ts';
import { releaseHeld } from './holds.ts';
import type { OutputMessage } from './message.ts';
import type { OutputQueue } from './output-queue.ts';
import { prepareOutput } from './prepare.ts';

export interface ReleaseDeps {
  readonly store: HeldStore;
  readonly timers: HoldTimers;
  readonly output: OutputQueue;
  readonly now: () => Date;
  readonly deadLetters: DeadLetterSink;
  readonly logger: Logger;
  readonly metrics?: StageMetrics;
}

/**
 * The held queue's consumer. A timer that arrives before its item is due (an
 * embargo longer than SQS's 900 s delay) is re-armed for the time left, unless
 * the item is no longer held (released, or canceled by a kill): then the chain
 * ends. A due item is published as the publish stage would, batched with the
 * others due, and its record deleted once the output has it.
 */
export function createReleaseHandler(deps: ReleaseDeps): SqsStageHandler {
  return createSqsStageHandler<OutputMessage>({
    logger: deps.logger,
    deadLetters: deps.deadLetters,
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
    flushGathered: (messages) => deps.output.publish(messages),
    async processRecord(record, gather) {
      const { key } = parseHoldTimer(record.body);
      const outcome = await releaseHeld(key, {
        store: deps.store,
        now: deps.now,
        publish: (envelope) => gather(prepareOutput(envelope)),
      });
      if (outcome === 'not-due') {
        if (await deps.store.has(key)) await deps.timers.arm(key, deps.now());
        return;
      }
      if (outcome === 'released') {
        deps.metrics?.count(METRICS.released);
        deps.logger.info('released from embargo', { key });
      }
    },
  });
}

export interface SweepDeps {
  readonly store: HeldStore;
  readonly output: OutputQueue;
  readonly now: () => Date;
  readonly logger: Logger;
  readonly metrics?: StageMetrics;
}

export interface SweepSummary {
  /** Held items seen, due or not. */
  readonly held: number;
  readonly released: number;
  readonly failed: number;
}

/** Keys looked at per sweep: far above what is held at once; the next sweep goes on from there. */
export const SWEEP_LIMIT = 5000;

/**
 * The backstop: releases every held item that is due, whatever became of its
 * timer (lost, or never armed because the pipeline stopped in between). Due
 * is read from the keys, so only due items are read. One failure does not stop
 * the others; it is logged and the next sweep tries again.
 */
export async function sweepHeld(deps: SweepDeps): Promise<SweepSummary> {
  const keys = await deps.store.keys(SWEEP_LIMIT);
  let released = 0;
  let failed = 0;
  for (const key of keys) {
    if (!isDue(key, deps.now())) continue;
    try {
      const outcome = await releaseHeld(key, {
        store: deps.store,
        now: deps.now,
        publish: (envelope) => deps.output.publish([prepareOutput(envelope)]),
      });
      if (outcome === 'released') {
        released++;
        deps.metrics?.count(METRICS.released);
      }
    } catch (error) {
      failed++;
      deps.logger.error('held item could not be released; the next sweep retries', {
        key,
        error: describeError(error),
      });
    }
  }
  deps.metrics?.flush();
  if (released > 0 || failed > 0)
    deps.logger.info('sweep of held items', { held: keys.length, released, failed });
  return { held: keys.length, released, failed };
}
