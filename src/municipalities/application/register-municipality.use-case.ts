import { Injectable } from '@nestjs/common';
import { isUniqueViolation } from '../../database/postgres-errors';
import type { MunicipalityKind } from '../domain/public-body';
import { MunicipalityRepository } from '../infrastructure/municipality.repository';
import { MunicipalityExists } from './municipalities.errors';
import type { PublicBody } from '../domain/public-body';

export interface RegisterMunicipalityCommand {
  ags: string;
  name: string;
  kind: MunicipalityKind;
  district?: string;
  region?: string;
  land?: string;
}

/** An admin registers another public body (e.g. a Landschaftsverband or one of another Land). */
@Injectable()
export class RegisterMunicipalityUseCase {
  constructor(private readonly registry: MunicipalityRepository) {}

  async execute(input: RegisterMunicipalityCommand): Promise<PublicBody> {
    try {
      return await this.registry.insert({
        ags: input.ags,
        name: input.name,
        kind: input.kind,
        district: input.district ?? null,
        region: input.region ?? null,
        land: input.land ?? 'Nordrhein-Westfalen',
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new MunicipalityExists(input.ags);
      throw error;
    }
  }
}
