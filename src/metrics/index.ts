/** What other contexts use of the metrics: the instance to record to. */
export { type EventOutcome, Metrics } from './metrics';
export { httpMetrics } from './http-metrics';
export { MetricsModule } from './metrics.module';
