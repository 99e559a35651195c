import { Injectable } from '@nestjs/common';
import type { Principal } from '../../auth/principal';
import { MunicipalityFinder } from '../../municipalities';

export interface SignedInUser extends Principal {
  municipalityName: string | null;
}

/** Who the API takes the caller for — the claims as mapped from the token — with the municipality's name. */
@Injectable()
export class SignedInUserQuery {
  constructor(private readonly municipalities: MunicipalityFinder) {}

  async execute(principal: Principal): Promise<SignedInUser> {
    const body = principal.municipality ? await this.municipalities.find(principal.municipality) : null;
    return { ...principal, municipalityName: body?.name ?? null };
  }
}
