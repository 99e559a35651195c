import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '../../auth/principal';

export class SignInConfigDto {
  @ApiProperty({
    enum: ['oidc', 'development', 'none'],
    description:
      'oidc: Anmeldung beim Identitätsanbieter / at the identity provider; development: Entwicklungsanmeldung ' +
      '(POST /api/v1/dev/token); none: Token kommen von anderswo / tokens come from elsewhere',
  })
  method!: 'oidc' | 'development' | 'none';

  @ApiPropertyOptional({
    description: 'OpenID-Connect-Issuer (method oidc)',
    example: 'https://idp.example/realms/ikz',
  })
  issuer?: string;

  @ApiPropertyOptional({ description: 'Client-ID der Konsole / the console’s client id (method oidc)' })
  clientId?: string;

  @ApiPropertyOptional({ type: [String], example: ['openid', 'profile'], description: 'Scopes (method oidc)' })
  scopes?: string[];
}

export class SignedInUserDto {
  @ApiProperty() sub!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ type: String, nullable: true, example: '05554024' }) municipality!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Heek' }) municipalityName!: string | null;
}
