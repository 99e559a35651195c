import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ThrottlerStorage } from '@nestjs/throttler';
import type { Request } from 'express';
import {
  addressTracker,
  budgetKey,
  RATE_LIMIT_THROTTLER,
  RATE_LIMIT_WINDOW_MS,
  tooManyRequests,
} from '../common/rate-limit';
import type { ProblemException } from '../common/problem';
import type { Environment } from '../config/configuration';

/**
 * Counts requests the AuthGuard refuses (401) against their address's rate-limit budget: the
 * limiter itself runs after authentication, so without this a caller without a valid token could
 * send as many requests as it likes. A caller with a valid token from the same address keeps its
 * own budget (by `sub`): refused requests of others do not lock it out.
 */
@Injectable()
export class FailedAuthentications {
  constructor(
    @Inject(ThrottlerStorage) private readonly storage: ThrottlerStorage,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  /** Counts one refused request; the 429 to answer instead of the 401 once the address is over its limit. */
  async count(request: Request): Promise<ProblemException | null> {
    const limit = this.config.get('RATE_LIMIT_PER_MINUTE', { infer: true });
    const { isBlocked, timeToBlockExpire } = await this.storage.increment(
      budgetKey(addressTracker(request.ip)),
      RATE_LIMIT_WINDOW_MS,
      limit,
      RATE_LIMIT_WINDOW_MS,
      RATE_LIMIT_THROTTLER,
    );
    return isBlocked ? tooManyRequests(limit, Math.max(1, timeToBlockExpire)) : null;
  }
}
