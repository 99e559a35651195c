import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createPublicKey, type KeyObject } from 'node:crypto';
import type { Environment } from '../../config/configuration';
import { keyIdOf, publicKeyPem } from '../domain/checkpoint';
import { loadSigningKey } from '../infrastructure/signing-key';

/** The Ed25519 key checkpoints are signed with (AUDIT_SIGNING_KEY, or a development key). */
@Injectable()
export class AuditKey implements OnModuleInit {
  private readonly logger = new Logger('Audit');
  private key!: KeyObject;
  private publicKey_!: KeyObject;

  constructor(private readonly config: ConfigService<Environment, true>) {}

  onModuleInit(): void {
    const dir = this.config.get('IKZ_DATA_DIR', { infer: true });
    const { privateKey, origin } = loadSigningKey({
      configured: this.config.get('AUDIT_SIGNING_KEY', { infer: true }),
      dataDirectory: this.config.get('DATABASE_URL', { infer: true }) || dir === ':memory:' ? null : dir,
    });
    this.key = privateKey;
    this.publicKey_ = createPublicKey(privateKey);
    if (origin === 'ephemeral' && this.config.get('DATABASE_URL', { infer: true })) {
      this.logger.warn(
        'AUDIT_SIGNING_KEY is not set: checkpoints are signed with a key of this process only. Configure a key.',
      );
    }
  }

  get privateKey(): KeyObject {
    return this.key;
  }

  get publicKey(): KeyObject {
    return this.publicKey_;
  }

  info(): { algorithm: 'Ed25519'; keyId: string; publicKey: string } {
    return { algorithm: 'Ed25519', keyId: keyIdOf(this.publicKey_), publicKey: publicKeyPem(this.publicKey_) };
  }
}
