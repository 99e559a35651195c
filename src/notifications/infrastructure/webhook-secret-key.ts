import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '../../config/configuration';
import { loadSecretKey, seal, unseal } from './secret-sealing';

/** The key webhook secrets are sealed with at rest (NOTIFICATIONS_SECRET_KEY, or a development key). */
@Injectable()
export class WebhookSecretKey {
  private readonly logger = new Logger('Notifications');
  private readonly key: Buffer;

  constructor(config: ConfigService<Environment, true>) {
    const dir = config.get('IKZ_DATA_DIR', { infer: true });
    const databaseUrl = config.get('DATABASE_URL', { infer: true });
    const { key, origin } = loadSecretKey({
      configured: config.get('NOTIFICATIONS_SECRET_KEY', { infer: true }),
      dataDirectory: databaseUrl || dir === ':memory:' ? null : dir,
      databaseUrl,
    });
    this.key = key;
    if (origin === 'derived' && databaseUrl) {
      this.logger.warn(
        'NOTIFICATIONS_SECRET_KEY is not set: webhook secrets are sealed with a development key derived from DATABASE_URL. Configure a key.',
      );
    }
  }

  seal(plain: string, subscriptionId: string): string {
    return seal(this.key, plain, subscriptionId);
  }

  unseal(stored: string, subscriptionId: string): string {
    return unseal(this.key, stored, subscriptionId);
  }
}
