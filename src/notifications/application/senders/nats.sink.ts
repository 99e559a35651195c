import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { connect, type JetStreamClient, type NatsConnection } from 'nats';
import type { Environment } from '../../../config/configuration';
import type { CloudEvent } from '../../domain/cloud-event';

/**
 * The optional broker sink (`NATS_URL`): publishes each CloudEvent to JetStream with the event id
 * as message id, so a repeat within the stream's duplicate window is stored once. The stream
 * (`NATS_STREAM`, subjects `<NATS_SUBJECT_PREFIX>.>`) is created if missing.
 */
@Injectable()
export class NatsSink implements OnApplicationShutdown {
  private readonly logger = new Logger(NatsSink.name);
  private connection: Promise<{ nc: NatsConnection; js: JetStreamClient }> | undefined;

  constructor(private readonly config: ConfigService<Environment, true>) {}

  get enabled(): boolean {
    return Boolean(this.config.get('NATS_URL', { infer: true }));
  }

  /** `<prefix>.<cooperation>.<event type>`, e.g. `ikz.events.<uuid>.SIGN_LOI`. */
  subjectOf(event: CloudEvent): string {
    const type = event.type.split('.').at(-1)!;
    return `${this.config.get('NATS_SUBJECT_PREFIX', { infer: true })}.${event.subject}.${type}`;
  }

  /** Resolves once JetStream has stored the message (or recognised it as a duplicate). */
  async publish(event: CloudEvent): Promise<string> {
    const { js } = await this.connect();
    const ack = await js.publish(this.subjectOf(event), JSON.stringify(event), {
      msgID: event.id,
      timeout: this.config.get('NOTIFY_TIMEOUT_MS', { infer: true }),
    });
    return `${ack.stream} seq ${ack.seq}${ack.duplicate ? ' (duplicate)' : ''}`;
  }

  async onApplicationShutdown(): Promise<void> {
    const c = await this.connection?.catch(() => undefined);
    await c?.nc.drain().catch(() => undefined);
  }

  private connect(): Promise<{ nc: NatsConnection; js: JetStreamClient }> {
    this.connection ??= this.open().catch((error: unknown) => {
      this.connection = undefined;
      throw error;
    });
    return this.connection;
  }

  private async open(): Promise<{ nc: NatsConnection; js: JetStreamClient }> {
    const nc = await connect({
      servers: this.config.get('NATS_URL', { infer: true })!,
      timeout: this.config.get('NOTIFY_TIMEOUT_MS', { infer: true }),
    });
    const jsm = await nc.jetstreamManager();
    const stream = this.config.get('NATS_STREAM', { infer: true });
    const subjects = [`${this.config.get('NATS_SUBJECT_PREFIX', { infer: true })}.>`];
    try {
      await jsm.streams.info(stream);
    } catch {
      await jsm.streams.add({ name: stream, subjects });
      this.logger.log(`created JetStream stream ${stream} for ${subjects[0]}`);
    }
    return { nc, js: nc.jetstream() };
  }
}
