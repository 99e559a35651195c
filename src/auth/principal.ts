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
