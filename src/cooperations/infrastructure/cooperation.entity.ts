import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The current snapshot of one cooperation; commands lock this row (`FOR UPDATE`). */
@Entity('cooperations')
export class CooperationRecord {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', name: 'lead_ags' })
  leadAgs!: string;

  /** Municipalities that may see the cooperation: lead, partners and open invitations. */
  @Column({ type: 'text', array: true, name: 'member_ags' })
  memberAgs!: string[];

  /** Dotted state value, e.g. `letterOfIntent`. */
  @Column({ type: 'text', name: 'state_value' })
  stateValue!: string;

  @Column({ type: 'text', insert: false, update: false, select: false })
  phase!: string;

  /** The domain's `{definitionVersion, value, context}`, as written. */
  @Column({ type: 'jsonb' })
  state!: object;

  @Column({ type: 'integer', name: 'definition_version' })
  definitionVersion!: number;

  /** Optimistic-concurrency version (the ETag): 1 when opened, +1 per accepted event. */
  @Column({ type: 'integer' })
  version!: number;

  /** The hash of the last history entry (its sequence is `version`): commands read the head here, under the lock. */
  @Column({ type: 'char', length: 64, name: 'head_hash', nullable: true })
  headHash!: string | null;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
