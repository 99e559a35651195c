import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { problem, type ProblemText } from '../common/i18n';
import { ProblemException } from '../common/problem';
import type { Environment } from '../config/configuration';
import { ACCESS_POLICY, type AccessPolicy } from './access-policy.decorator';
import { FailedAuthentications } from './failed-authentications';
import type { Principal } from './principal';
import { IdentityProviderUnavailableError, InvalidTokenError, TokenVerifier } from './token-verifier';

export type AuthenticatedRequest = Request & { principal?: Principal };

const unauthorized = (texts: ProblemText) =>
  new ProblemException(401, 'unauthorized', texts, { headers: { 'WWW-Authenticate': 'Bearer' } });

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
      throw new ProblemException(403, 'forbidden', problem('route-without-policy'));
    }
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(header) : null;
    if (!match) return this.refuse(request, problem('missing-token'));
    let principal: Principal;
    try {
      principal = await this.verifier.verify(match[1]);
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        return this.refuse(request, problem('invalid-token', { reason: error.reason }));
      }
      if (error instanceof IdentityProviderUnavailableError) {
        this.logger.error(`Identity provider unavailable: ${error.message}`);
        throw new ProblemException(503, 'identity-provider-unavailable', problem('identity-provider-unavailable'), {
          headers: { 'Retry-After': '30' },
        });
      }
      throw error;
    }
    request.principal = principal;
    if (!policy.roles.includes(principal.role)) {
      throw new ProblemException(403, 'forbidden', problem('role-not-allowed', { role: principal.role }));
    }
    return true;
  }

  /** The metrics scraper's shared token, compared in constant time; user tokens do not count here. */
  private async scraper(request: Request): Promise<true> {
    const expected = this.config.get('METRICS_TOKEN', { infer: true });
    if (!expected) {
      if (this.config.get('NODE_ENV', { infer: true }) !== 'production') return true;
      throw new ProblemException(404, 'not-found', problem('metrics-off'));
    }
    const header = request.headers.authorization;
    const given = Buffer.from(typeof header === 'string' ? header.replace(/^Bearer /, '') : '');
    const wanted = Buffer.from(expected);
    if (given.length === wanted.length && timingSafeEqual(given, wanted)) return true;
    return this.refuse(request, problem('metrics-token-missing'));
  }

  /** 401, counted against the address's rate limit: 429 once it is used up. */
  private async refuse(request: Request, texts: ProblemText): Promise<never> {
    throw (await this.failures.count(request)) ?? unauthorized(texts);
  }
}
