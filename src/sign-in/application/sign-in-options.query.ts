import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { offersDevelopmentSignIn, type Environment } from '../../config/configuration';

/**
 * How the console signs users in, so that one build serves every deployment: at the configured
 * OpenID provider, with the development sign-in, or not at all (tokens come from elsewhere).
 */
export type SignInOptions =
  | { method: 'oidc'; issuer: string; clientId: string; scopes: string[] }
  | { method: 'development' }
  | { method: 'none' };

@Injectable()
export class SignInOptionsQuery {
  constructor(private readonly config: ConfigService<Environment, true>) {}

  execute(): SignInOptions {
    const issuer = this.config.get('OIDC_ISSUER', { infer: true });
    if (issuer) {
      return {
        method: 'oidc',
        issuer,
        clientId: this.config.get('OIDC_CLIENT_ID', { infer: true }),
        scopes: this.config.get('OIDC_SCOPES', { infer: true }).split(' '),
      };
    }
    // The rule AppModule registers the development sign-in by.
    const development = offersDevelopmentSignIn({
      NODE_ENV: this.config.get('NODE_ENV', { infer: true }),
      JWT_PUBLIC_KEY: this.config.get('JWT_PUBLIC_KEY', { infer: true }),
      JWT_JWKS_URL: this.config.get('JWT_JWKS_URL', { infer: true }),
      OIDC_ISSUER: issuer,
    });
    return development ? { method: 'development' } : { method: 'none' };
  }
}
