import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';

/**
 * Whether this instance takes new work: no longer once it is stopping (a signal arrived), so that
 * `/health/ready` sends a load balancer elsewhere while the requests in flight finish.
 */
@Injectable()
export class Readiness implements BeforeApplicationShutdown {
  private stopping = false;

  get draining(): boolean {
    return this.stopping;
  }

  /** From the signal handler, SHUTDOWN_DRAIN_MS before the application closes. */
  drain(): void {
    this.stopping = true;
  }

  beforeApplicationShutdown(): void {
    this.stopping = true;
  }
}
