import type { Logger } from '@aws-lambda-powertools/logger';
import { describeError } from '../shared/errors.ts';
import { METRICS, type StageMetrics } from '../shared/metrics.ts';
import type { OutletRegistry } from '../shared/outlets.ts';
import { type PollDeps, type PollResult, pollFeed } from './poll-feed.ts';

export interface PollerStageDeps extends PollDeps {
  readonly outlets: OutletRegistry;
  readonly concurrency: number;
  readonly logger: Logger;
  /** Stored documents count as DocumentsReceived (dimension stage=poller). */
  readonly metrics?: StageMetrics;
}

export interface PollSummary {
  readonly feeds: number;
  readonly stored: number;
  readonly unchanged: number;
  readonly notModified: number;
  readonly failed: number;
  readonly skipped: number;
  readonly results: readonly PollResult[];
}

export type PollerHandler = (event?: unknown) => Promise<PollSummary>;

/**
 * The scheduled poller: every registered feed, a few at a time. A feed that
 * fails is recorded with its backoff and reported; if our own storage fails
 * (S3, DynamoDB) the invocation fails after the other feeds are done, so
 * EventBridge's retry and the alarms see it.
 */
export function createPollerHandler(deps: PollerStageDeps): PollerHandler {
  const { logger } = deps;
  return async () => {
    const feeds = uniqueFeeds(deps.outlets, logger);
    const results: PollResult[] = [];
    const errors: unknown[] = [];
    let next = 0;
    // A fixed pool of workers over a shared cursor: bounded concurrency without a dependency.
    const worker = async () => {
      while (next < feeds.length) {
        const job = feeds[next++];
        if (!job) break;
        try {
          const allowPrivateAddresses = deps.outlets.get(job.outlet)?.allowPrivateAddresses === true;
          const result = await pollFeed(job.outlet, job.feed, deps, { allowPrivateAddresses });
          results.push(result);
          if (result.result === 'failed') logger.warn('feed poll failed', { ...result });
          else logger.info('feed polled', { ...result });
        } catch (error) {
          logger.error('feed poll could not be recorded', { ...job, error: describeError(error) });
          errors.push(error);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(deps.concurrency, feeds.length) }, worker));
    deps.metrics?.count(METRICS.documentsReceived, results.filter((r) => r.result === 'stored').length);
    deps.metrics?.flush();
    if (errors.length > 0) throw new AggregateError(errors, `${errors.length} feed poll(s) failed to store`);
    const count = (kind: PollResult['result']) => results.filter((r) => r.result === kind).length;
    return {
      feeds: feeds.length,
      stored: count('stored'),
      unchanged: count('unchanged'),
      notModified: count('not-modified'),
      failed: count('failed'),
      skipped: count('skipped'),
      results,
    };
  };
}

/**
 * Poll state is keyed by feed URL, so a feed registered for two outlets is
 * polled once, for the first; the rest is a registry mistake worth a warning
 * (attributing one feed to two outlets would publish its items twice).
 */
function uniqueFeeds(outlets: OutletRegistry, logger: Logger): Array<{ outlet: string; feed: string }> {
  const seen = new Map<string, string>();
  for (const outlet of outlets.all()) {
    for (const feed of outlet.feeds) {
      const owner = seen.get(feed);
      if (owner === undefined) seen.set(feed, outlet.id);
      else
        logger.warn('feed registered for two outlets; polled for the first only', {
          feed,
          owner,
          outlet: outlet.id,
        });
    }
  }
  return [...seen].map(([feed, outlet]) => ({ outlet, feed }));
}
