import { Injectable } from '@nestjs/common';
import { MunicipalityFinder } from '../../municipalities';
import { MUNICIPALITY_KINDS, type MunicipalityKind, type MunicipalityRef } from '../domain';
import { UnsupportedMunicipality } from './cooperations.errors';

/** Public bodies as the lifecycle needs them, from the registry. */
@Injectable()
export class MunicipalityLookup {
  constructor(private readonly registry: MunicipalityFinder) {}

  /** null for an unknown key; a body the lifecycle cannot represent yet is an error naming `path`. */
  async find(ags: string, path: string): Promise<MunicipalityRef | null> {
    const found = await this.registry.find(ags);
    if (!found) return null;
    if (!(MUNICIPALITY_KINDS as readonly string[]).includes(found.kind) || !found.district || !found.region) {
      throw new UnsupportedMunicipality(path, found);
    }
    return {
      ags: found.ags,
      name: found.name,
      kind: found.kind as MunicipalityKind,
      district: found.district,
      region: found.region,
    };
  }
}
