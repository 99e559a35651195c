export const ROLES = ['coordinator', 'steering-board', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as the bearer token says. */
export interface Principal {
  sub: string;
  role: Role;
  /** AGS of the municipality a coordinator or board member acts for. */
  municipality?: string;
}

export const ROLES_WITH_MUNICIPALITY: readonly Role[] = ['coordinator', 'steering-board'];

/**
 * Subjects no token may claim: the timer scheduler acts as `system` (the cooperations' SYSTEM_ACTOR),
 * and its stored answers and history entries must stay its own.
 */
export const RESERVED_SUBS: readonly string[] = ['system'];

/** OpenID Connect Core 1.0 § 2: `sub` "MUST NOT exceed 255 ASCII characters in length". */
export const MAX_SUB_LENGTH = 255;
