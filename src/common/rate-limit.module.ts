import { Injectable, Module, type ExecutionContext } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import type { Environment } from '../config/configuration';
import { addressTracker, budgetKey, RATE_LIMIT_THROTTLER, RATE_LIMIT_WINDOW_MS, tooManyRequests } from './rate-limit';

/**
 * Per-caller rate limit (RATE_LIMIT_PER_MINUTE; docs/limits.md): keyed by the verified token's
 * `sub`, or the IP address on routes that need no token — one budget per caller across all
 * routes. Registered after the AuthGuard, so the principal is known; requests the AuthGuard
 * refuses with 401 are counted by address there (`FailedAuthentications`), in the same budget as
 * the address's requests without a token. Over the limit: 429 problem+json with `Retry-After`.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const { principal, ip } = request as unknown as AuthenticatedRequest;
    return Promise.resolve(principal ? `sub:${principal.sub}` : addressTracker(ip));
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, throttler: string): string {
    return budgetKey(tracker, throttler);
  }

  protected override throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw tooManyRequests(detail.limit, Math.max(1, Math.ceil(detail.timeToBlockExpire || detail.timeToExpire)));
  }
}

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => ({
        throttlers: [
          {
            name: RATE_LIMIT_THROTTLER,
            ttl: RATE_LIMIT_WINDOW_MS,
            limit: config.get('RATE_LIMIT_PER_MINUTE', { infer: true }),
          },
        ],
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
})
export class RateLimitModule {}
