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
