import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { MunicipalityKind } from '../domain/public-body';

/** A public body that can take part in a cooperation, keyed by its AGS (Amtlicher Gemeindeschlüssel). */
@Entity('municipalities')
export class Municipality {
  @PrimaryColumn({ type: 'text' })
  ags!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: MunicipalityKind;

  /** The Kreis, or the city itself when kreisfrei. */
  @Column({ type: 'text', nullable: true })
  district!: string | null;

  /** The Regierungsbezirk. */
  @Column({ type: 'text', nullable: true })
  region!: string | null;

  @Column({ type: 'text' })
  land!: string;

  @Column({ type: 'text' })
  source!: 'registry' | 'admin';

  @Column({ type: 'text', name: 'search_name', insert: false, update: false, select: false })
  searchName!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
