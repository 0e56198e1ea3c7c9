import { METRIC_NAMESPACE, METRICS, type MetricName } from '../lambdas/shared/metrics.ts';

/**
 * The business metrics the dashboard charts, named by the stages' own
 * contract (lambdas/shared/metrics.ts): Powertools Metrics writes them as EMF
 * under namespace `Syndication` with the dimensions `service` (always
 * {@link SERVICE_NAME}) and `stage` (the emitting stage).
 */
export const METRICS_NAMESPACE = METRIC_NAMESPACE;
export const SERVICE_NAME = 'syndication-pipeline';

export interface DashboardSeries {
  readonly label: string;
  /** Summed across stages: whichever stage counts it. */
  readonly metrics: readonly MetricName[];
}

export const DASHBOARD_SERIES: readonly DashboardSeries[] = [
  { label: 'Items in', metrics: [METRICS.itemsIn] },
  { label: 'Published', metrics: [METRICS.published] },
  { label: 'Duplicates', metrics: [METRICS.duplicates, METRICS.nearDuplicates] },
  { label: 'Rejected', metrics: [METRICS.documentsRejected, METRICS.itemsRejected] },
  { label: 'Dead-lettered', metrics: [METRICS.recordsDeadLettered] },
];

/**
 * A CloudWatch SEARCH expression summing the series over every stage, so the
 * chart needs no change when a metric moves from one stage to another.
 */
export function seriesExpression(series: DashboardSeries, periodSeconds: number): string {
  const names = series.metrics.map((m) => `MetricName="${m}"`).join(' OR ');
  return `SUM(SEARCH('{${METRICS_NAMESPACE},service,stage} service="${SERVICE_NAME}" (${names})', 'Sum', ${periodSeconds}))`;
}
