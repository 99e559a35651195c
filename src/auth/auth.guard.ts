import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { ProblemException } from '../common/problem';
import type { Environment } from '../config/configuration';
import { ACCESS_POLICY, type AccessPolicy } from './access-policy.decorator';
import { FailedAuthentications } from './failed-authentications';
import type { Principal } from './principal';
import { IdentityProviderUnavailableError, InvalidTokenError, TokenVerifier } from './token-verifier';

export type AuthenticatedRequest = Request & { principal?: Principal };

const unauthorized = (detail: string) =>
  new ProblemException(401, 'unauthorized', 'Unauthorized', detail, {}, { 'WWW-Authenticate': 'Bearer' });

/**
 * Deny by default: a route runs only if it declares `@Public()` or `@Roles(...)` and the caller's
 * verified token carries one of those roles.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly failures: FailedAuthentications,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (policy && 'public' in policy) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (policy && 'scraper' in policy) return this.scraper(request);
    if (!policy) {
      this.logger.error(
        `Route ${request.method} ${(request.route as { path?: string } | undefined)?.path ?? request.path} declares no access policy; refused.`,
      );
      throw new ProblemException(403, 'forbidden', 'Forbidden', 'This route declares no access policy.');
    }
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(header) : null;
    if (!match) return this.refuse(request, 'Send a bearer token: Authorization: Bearer <JWT>.');
    let principal: Principal;
    try {
      principal = await this.verifier.verify(match[1]);
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        return this.refuse(request, `The bearer token is not valid: ${error.message}.`);
      }
      if (error instanceof IdentityProviderUnavailableError) {
        this.logger.error(`Identity provider unavailable: ${error.message}`);
        throw new ProblemException(
          503,
          'identity-provider-unavailable',
          'Identity provider unavailable',
          'The keys of the identity provider cannot be read at the moment; try again shortly.',
          {},
          { 'Retry-After': '30' },
        );
      }
      throw error;
    }
    request.principal = principal;
    if (!policy.roles.includes(principal.role)) {
      throw new ProblemException(403, 'forbidden', 'Forbidden', `The role ${principal.role} may not call this route.`);
    }
    return true;
  }

  /** The metrics scraper's shared token, compared in constant time; user tokens do not count here. */
  private async scraper(request: Request): Promise<true> {
    const expected = this.config.get('METRICS_TOKEN', { infer: true });
    if (!expected) {
      if (this.config.get('NODE_ENV', { infer: true }) !== 'production') return true;
      throw new ProblemException(
        404,
        'not-found',
        'Not Found',
        'Metrics are off: set METRICS_TOKEN to enable /metrics.',
      );
    }
    const header = request.headers.authorization;
    const given = Buffer.from(typeof header === 'string' ? header.replace(/^Bearer /, '') : '');
    const wanted = Buffer.from(expected);
    if (given.length === wanted.length && timingSafeEqual(given, wanted)) return true;
    return this.refuse(request, 'Send the metrics token: Authorization: Bearer <METRICS_TOKEN>.');
  }

  /** 401, counted against the address's rate limit: 429 once it is used up. */
  private async refuse(request: Request, detail: string): Promise<never> {
    throw (await this.failures.count(request)) ?? unauthorized(detail);
  }
}
