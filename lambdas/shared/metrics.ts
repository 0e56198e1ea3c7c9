import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/**
 * Business metrics every stage counts, under one CloudWatch namespace so the
 * dashboard and alarms (lib/) can name them. On Lambda they are written as
 * Embedded Metric Format through Powertools; locally they are only counted
 * in memory, because EMF goes to stdout and stdout carries the published messages.
 */
export const METRIC_NAMESPACE = 'Syndication';
export const METRICS = {
  documentsReceived: 'DocumentsReceived',
  documentsRejected: 'DocumentsRejected',
  itemsIn: 'ItemsIn',
  itemsRejected: 'ItemsRejected',
  /** Dedupe's decisions, counted once the batch's decisions are on record: they sum to the items decided. */
  newStories: 'NewStories',
  duplicates: 'Duplicates',
  nearDuplicates: 'NearDuplicates',
  newVersions: 'NewVersions',
  superseded: 'Superseded',
  published: 'Published',
  /** Items publish held under embargo, and held items released (lambdas/publish/holds.ts). */
  held: 'Held',
  released: 'Released',
  recordsRetried: 'RecordsRetried',
  recordsDeadLettered: 'RecordsDeadLettered',
} as const;
export type MetricName = (typeof METRICS)[keyof typeof METRICS];

export interface StageMetrics {
  count(name: MetricName, value?: number): void;
  /** Called once per invocation, after the batch. */
  flush(): void;
}

export function createPowertoolsMetrics(stage: string): StageMetrics {
  const metrics = new Metrics({ namespace: METRIC_NAMESPACE, serviceName: 'syndication-pipeline' });
  metrics.addDimension('stage', stage);
  return {
    count(name, value = 1) {
      metrics.addMetric(name, MetricUnit.Count, value);
    },
    flush() {
      metrics.publishStoredMetrics();
    },
  };
}

/** In-memory counts: the local runner's and the tests' view of the same metrics. */
export class CountingMetrics implements StageMetrics {
  readonly counts = new Map<MetricName, number>();
  count(name: MetricName, value = 1): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + value);
  }
  flush(): void {}
  get(name: MetricName): number {
    return this.counts.get(name) ?? 0;
  }
}
