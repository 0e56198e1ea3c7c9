import type { SQSClient } from '@aws-sdk/client-sqs';
import { InvalidMessageError } from '../shared/errors.ts';
import { sendInBatches } from '../shared/sqs-batches.ts';
import { heldKeyUntil, timerDelaySeconds } from './embargo.ts';

export const HOLD_TIMER_SCHEMA = 'syndicate.hold-timer.v1';

/** What a timer on the held queue carries: only the held record's key, which names its release time. */
export interface HoldTimer {
  readonly schema: typeof HOLD_TIMER_SCHEMA;
  readonly key: string;
}

/** Wakes the release handler at (or, for a long embargo, towards) a held item's release time. */
export interface HoldTimers {
  arm(key: string, now: Date): Promise<void>;
}

/**
 * Timers are delayed SQS messages on the held queue (a standard queue: FIFO has
 * no per-message delay). One that is lost costs only latency: the sweep
 * releases what is due from the held records themselves.
 */
export function createSqsHoldTimers(sqs: SQSClient, queueUrl: string): HoldTimers {
  return {
    async arm(key, now) {
      const until = heldKeyUntil(key);
      if (!until) throw new InvalidMessageError(`not a held key: ${key}`);
      const timer: HoldTimer = { schema: HOLD_TIMER_SCHEMA, key };
      await sendInBatches(sqs, queueUrl, [
        { MessageBody: JSON.stringify(timer), DelaySeconds: timerDelaySeconds(until, now) },
      ]);
    },
  };
}

export function parseHoldTimer(body: string): HoldTimer {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw new InvalidMessageError('hold timer is not JSON', { cause: error });
  }
  const timer = value as Partial<HoldTimer> | null;
  if (timer?.schema !== HOLD_TIMER_SCHEMA || typeof timer.key !== 'string' || !heldKeyUntil(timer.key)) {
    throw new InvalidMessageError(`message is not a ${HOLD_TIMER_SCHEMA}`);
  }
  return { schema: HOLD_TIMER_SCHEMA, key: timer.key };
}
