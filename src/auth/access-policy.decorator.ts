import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Role } from './principal';

export const ACCESS_POLICY = 'ikz:access-policy';

/** `public`: no token needed; otherwise the roles that may call. Routes without a policy are refused. */
export type AccessPolicy = { public: true } | { roles: readonly Role[] };

/** Declares that the route needs no token (health, API documentation). */
export const Public = () => SetMetadata(ACCESS_POLICY, { public: true } satisfies AccessPolicy);

/** Declares the roles that may call the route; everyone else gets 403. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ACCESS_POLICY, { roles } satisfies AccessPolicy),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No valid bearer token (problem+json)' }),
    ApiForbiddenResponse({ description: `Only for: ${roles.join(', ')} (problem+json)` }),
  );
