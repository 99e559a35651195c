import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The answer to a successful request sent with `Idempotency-Key`, per caller (`sub`) and key. */
@Entity('idempotency_keys')
export class IdempotencyRecord {
  @PrimaryColumn({ type: 'text', name: 'principal_sub' })
  principalSub!: string;

  @PrimaryColumn({ type: 'uuid' })
  key!: string;

  /** SHA-256 of method, path and canonical body: a reused key must carry the same request. */
  @Column({ type: 'char', length: 64 })
  fingerprint!: string;

  @Column({ type: 'integer', name: 'response_status' })
  responseStatus!: number;

  @Column({ type: 'jsonb', name: 'response_body' })
  responseBody!: object;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
