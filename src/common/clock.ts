import { Injectable } from '@nestjs/common';

/**
 * The time commands are decided and recorded at. Injected so that tests (and the durable timers
 * of the operation phase) can move time; the domain itself never reads a clock.
 */
export abstract class Clock {
  abstract now(): Date;
}

@Injectable()
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** The clock's now as a fresh Date: a test clock may hand out one shared instance. */
export const nowOf = (clock: Clock): Date => new Date(clock.now().getTime());

/** The start of the last 24 hours before `now`: the window of the limits per day (docs/limits.md). */
export const dayBefore = (now: Date): Date => new Date(now.getTime() - 24 * 60 * 60 * 1000);
