import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Role } from './principal';

export const ACCESS_POLICY = 'ikz:access-policy';

/**
 * `public`: no token needed; `scraper`: the METRICS_TOKEN (docs/operations.md, "Metrics"); otherwise
 * the roles that may call. Routes without a policy are refused.
 */
export type AccessPolicy = { public: true } | { scraper: true } | { roles: readonly Role[] };

/** Declares that the route needs no token (health, API documentation). */
export const Public = () => SetMetadata(ACCESS_POLICY, { public: true } satisfies AccessPolicy);

/**
 * Declares a route for a metrics scraper: `Authorization: Bearer <METRICS_TOKEN>`, no user token.
 * Without METRICS_TOKEN it is open in development and test, and does not exist (404) in production.
 */
export const MetricsScraper = () =>
  applyDecorators(
    SetMetadata(ACCESS_POLICY, { scraper: true } satisfies AccessPolicy),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Not the METRICS_TOKEN (problem+json)' }),
  );

/** Declares the roles that may call the route; everyone else gets 403. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ACCESS_POLICY, { roles } satisfies AccessPolicy),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No valid bearer token (problem+json)' }),
    ApiForbiddenResponse({ description: `Only for: ${roles.join(', ')} (problem+json)` }),
  );
