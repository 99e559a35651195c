import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ROLES_WITH_MUNICIPALITY, type Role } from '../../auth/principal';
import { issueDevelopmentToken } from '../../auth/token-issuer';
import type { Environment } from '../../config/configuration';
import { MunicipalityFinder } from '../../municipalities';
import { MunicipalityRequired, UnknownSignInMunicipality } from './dev-sign-in.errors';

export interface DevSignIn {
  role: Role;
  municipality?: string;
  sub?: string;
  expiresInSeconds?: number;
}

export interface DevToken {
  token: string;
  sub: string;
  role: Role;
  municipality: string | null;
  municipalityName: string | null;
  expiresAt: string;
}

const EIGHT_HOURS = 8 * 3600;

/**
 * The development sign-in of the console: the same HS256 tokens as `npm run token`, for a caller
 * who picks a role and (for coordinators and board members) a registered municipality.
 */
@Injectable()
export class IssueDevTokenUseCase {
  constructor(
    private readonly config: ConfigService<Environment, true>,
    private readonly municipalities: MunicipalityFinder,
  ) {}

  async execute(input: DevSignIn): Promise<DevToken> {
    const needsMunicipality = ROLES_WITH_MUNICIPALITY.includes(input.role);
    if (needsMunicipality && !input.municipality) throw new MunicipalityRequired(input.role);
    const body = needsMunicipality ? await this.municipalities.find(input.municipality!) : null;
    if (needsMunicipality && !body) throw new UnknownSignInMunicipality(input.municipality!);
    const municipality = body?.ags ?? null;
    const sub = input.sub ?? (municipality ? `${input.role}-${municipality}` : input.role);
    const seconds = input.expiresInSeconds ?? EIGHT_HOURS;
    const token = await issueDevelopmentToken(
      { sub, role: input.role, ...(municipality ? { municipality } : {}) },
      this.config.get('JWT_SECRET', { infer: true }),
      {
        // A number would be read as an absolute `exp`; a span is relative to now.
        expiresIn: `${seconds}s`,
        issuer: this.config.get('JWT_ISSUER', { infer: true }),
        audience: this.config.get('JWT_AUDIENCE', { infer: true }),
      },
    );
    const expiresAt = new Date(Date.now() + seconds * 1000).toISOString();
    return { token, sub, role: input.role, municipality, municipalityName: body?.name ?? null, expiresAt };
  }
}
