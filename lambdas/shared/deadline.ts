import { setMaxListeners } from 'node:events';
import type { Context } from 'aws-lambda';
import { PipelineError } from './errors.ts';

/**
 * A record that did not finish within the time its batch had. Retryable: it is
 * reported as a batch item failure and delivered again on its own schedule; on
 * its last receive the stage sends it to the dead-letter queue itself, so the
 * reason travels with it instead of SQS's silent redrive.
 */
export class DeadlineExceededError extends PipelineError {
  readonly retryable = true;
  readonly code = 'deadline-exceeded';
}

/**
 * How a batch spends the time Lambda gives it. At the cutoff every record that
 * is still working is given up (reported failed), so the records that finished
 * can still be written and answered for; the reserve is the time left for that
 * write and for dead-letter sends. By the answer mark the handler returns
 * whatever is still pending as failed, so the invocation never times out as a
 * whole (which would fail every record of the batch, the finished ones too).
 */
export interface DeadlinePolicy {
  /** Share of the remaining time kept back after the cutoff. */
  readonly reserveFraction: number;
  readonly minReserveMs: number;
  readonly maxReserveMs: number;
  /** Before the function's end, the handler answers no matter what is pending. */
  readonly answerMarginMs: number;
}

export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = {
  reserveFraction: 0.2,
  minReserveMs: 1_000,
  maxReserveMs: 10_000,
  answerMarginMs: 250,
};

export interface BatchBudget {
  /** From now: when unfinished records are given up. */
  readonly cutoffMs: number;
  /** From now: when the handler answers, whatever is pending. */
  readonly answerMs: number;
}

/** The batch's budget from the function's remaining time; undefined without a Lambda context (no deadline). */
export function batchBudget(
  context: Pick<Context, 'getRemainingTimeInMillis'> | undefined,
  policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY,
): BatchBudget | undefined {
  if (typeof context?.getRemainingTimeInMillis !== 'function') return undefined;
  const remaining = context.getRemainingTimeInMillis();
  if (!Number.isFinite(remaining)) return undefined;
  const answerMs = Math.max(0, remaining - policy.answerMarginMs);
  const reserve = Math.min(
    policy.maxReserveMs,
    Math.max(policy.minReserveMs, remaining * policy.reserveFraction),
  );
  return { cutoffMs: Math.max(0, Math.min(answerMs, remaining - reserve)), answerMs };
}

/** Two signals for one batch: `cutoff` (give up unfinished records) and `answer` (return now). */
export interface BatchSignals {
  readonly cutoff: AbortSignal;
  readonly answer: AbortSignal;
  readonly budget: BatchBudget | undefined;
  /** Clears the timers once the batch has answered. */
  dispose(): void;
}

export function startBatchClock(budget: BatchBudget | undefined): BatchSignals {
  const cutoff = new AbortController();
  const answer = new AbortController();
  // Every record of the batch listens to both: ten and more is the normal case, not a leak.
  setMaxListeners(0, cutoff.signal, answer.signal);
  if (!budget) return { cutoff: cutoff.signal, answer: answer.signal, budget, dispose: () => {} };
  const timers = [
    setTimeout(
      () =>
        cutoff.abort(
          new DeadlineExceededError(
            `did not finish within ${Math.round(budget.cutoffMs)} ms, its batch's share of the function's time`,
          ),
        ),
      budget.cutoffMs,
    ),
    setTimeout(
      () =>
        answer.abort(
          new DeadlineExceededError(
            `still pending ${Math.round(budget.answerMs)} ms in, when the function had to answer`,
          ),
        ),
      budget.answerMs,
    ),
  ];
  return {
    cutoff: cutoff.signal,
    answer: answer.signal,
    budget,
    dispose: () => {
      for (const timer of timers) clearTimeout(timer);
    },
  };
}

/**
 * Settles with `work`, unless the cutoff comes while `working()` still holds
 * or the answer mark comes at all: then it rejects with that signal's reason.
 * The work itself goes on (nothing can stop a promise); whatever it does
 * later is refused by the caller.
 */
export function raceDeadline<T>(
  work: Promise<T>,
  signals: Pick<BatchSignals, 'cutoff' | 'answer'>,
  working: () => boolean,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const { cutoff, answer } = signals;
    const done = (finish: () => void) => {
      cutoff.removeEventListener('abort', onCutoff);
      answer.removeEventListener('abort', onAnswer);
      finish();
    };
    const onCutoff = () => {
      if (working()) done(() => reject(cutoff.reason));
    };
    const onAnswer = () => done(() => reject(answer.reason));
    work.then(
      (value) => done(() => resolve(value)),
      (error: unknown) => done(() => reject(error)),
    );
    if (answer.aborted) return onAnswer();
    if (cutoff.aborted) onCutoff();
    cutoff.addEventListener('abort', onCutoff, { once: true });
    answer.addEventListener('abort', onAnswer, { once: true });
  });
}
