import { ConfigService } from '@nestjs/config';
import type { Environment } from '../../config/configuration';
import type { RetryPolicy } from '../domain/retry';

/** The reminder lead times in NRW working days, longest first (`NOTIFY_REMINDER_LEAD_DAYS`, e.g. `14,3`). */
export function leadTimesOf(config: ConfigService<Environment, true>): number[] {
  return config
    .get('NOTIFY_REMINDER_LEAD_DAYS', { infer: true })
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(Number)
    .sort((a, b) => b - a);
}

export function retryPolicyOf(config: ConfigService<Environment, true>): RetryPolicy {
  return {
    baseMs: config.get('NOTIFY_RETRY_BASE_MS', { infer: true }),
    maxMs: config.get('NOTIFY_RETRY_MAX_MS', { infer: true }),
    maxAttempts: config.get('NOTIFY_MAX_ATTEMPTS', { infer: true }),
  };
}
