import { Injectable, Module, type ExecutionContext } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import type { Environment } from '../config/configuration';
import { ProblemException } from './problem';

/**
 * Per-caller rate limit (RATE_LIMIT_PER_MINUTE): keyed by the verified token's `sub`, or the IP
 * address on routes that need no token. Registered after the AuthGuard, so the principal is known;
 * requests refused by the AuthGuard (401/403) never reach a handler and are not counted.
 * Over the limit: 429 problem+json with `Retry-After` (seconds).
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const { principal, ip } = request as unknown as AuthenticatedRequest;
    return Promise.resolve(principal ? `sub:${principal.sub}` : `ip:${ip ?? 'unknown'}`);
  }

  protected override throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire || detail.timeToExpire));
    throw new ProblemException(
      429,
      'too-many-requests',
      'Too Many Requests',
      `More than ${detail.limit} requests per minute; retry in ${seconds} s.`,
      {},
      { 'Retry-After': String(seconds) },
    );
  }
}

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => ({
        throttlers: [{ name: 'default', ttl: 60_000, limit: config.get('RATE_LIMIT_PER_MINUTE', { infer: true }) }],
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
})
export class RateLimitModule {}
