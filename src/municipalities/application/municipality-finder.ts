import { Injectable } from '@nestjs/common';
import { MunicipalityRepository } from '../infrastructure/municipality.repository';
import { MunicipalityNotFound } from './municipalities.errors';
import type { PublicBody } from '../domain/public-body';

/** One public body by its key: the registry lookup other contexts use. */
@Injectable()
export class MunicipalityFinder {
  constructor(private readonly registry: MunicipalityRepository) {}

  /** null for an unknown key. */
  find(ags: string): Promise<PublicBody | null> {
    return this.registry.find(ags);
  }

  async get(ags: string): Promise<PublicBody> {
    const found = await this.registry.find(ags);
    if (!found) throw new MunicipalityNotFound(ags);
    return found;
  }
}
