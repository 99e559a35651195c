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
    const get = <K extends 'NODE_ENV' | 'JWT_PUBLIC_KEY' | 'JWT_JWKS_URL'>(key: K) =>
      this.config.get(key, { infer: true });
    // The rule AppModule registers the development sign-in by.
    return offersDevelopmentSignIn({
      NODE_ENV: get('NODE_ENV'),
      JWT_PUBLIC_KEY: get('JWT_PUBLIC_KEY'),
      JWT_JWKS_URL: get('JWT_JWKS_URL'),
      OIDC_ISSUER: issuer,
    })
      ? { method: 'development' }
      : { method: 'none' };
  }
}
