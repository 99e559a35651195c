/**
 * Prints a development token the local server accepts (HS256 with JWT_SECRET, by default the
 * development secret of the embedded default).
 *   npm run token -- --role coordinator --municipality 05315000 [--sub anna.schmidt] [--expires 8h]
 */
import { parseArgs } from 'node:util';
import { issueDevelopmentToken } from '../src/auth/token-issuer';
import { ROLES, ROLES_WITH_MUNICIPALITY, type Role } from '../src/auth/principal';
import { isAgs } from '../src/common/domain/identifiers';
import { DEVELOPMENT_JWT_SECRET } from '../src/config/configuration';
import { exitWithHelpIfAsked, UsageError } from './cli';

const USAGE = `
Usage: npm run -s token -- --role <role> [--municipality <AGS>] [--sub <id>] [--expires <duration>]

Prints a bearer token (JWT, HS256) that the local server accepts: signed with JWT_SECRET, by default
the development secret, which a production server refuses. Servers with JWT_PUBLIC_KEY or
JWT_JWKS_URL take only their identity provider's tokens.

  --role          ${ROLES.join(' | ')}
  --municipality  the 8-digit official key (AGS) of the body the caller acts for; required for
                  ${ROLES_WITH_MUNICIPALITY.join(' and ')} (search: GET /api/v1/municipalities?q=…)
  --sub           the caller's id as history entries record it (default: <role>-<AGS>)
  --expires       lifetime, e.g. 30m, 8h, 7d (default 8h)

Settings read: JWT_SECRET, JWT_ISSUER, JWT_AUDIENCE.

Example:
  TOKEN=$(npm run -s token -- --role coordinator --municipality 05315000)
  curl -H "Authorization: Bearer $TOKEN" 'http://localhost:3000/api/v1/municipalities?q=koeln'
`;

async function main(): Promise<void> {
  exitWithHelpIfAsked(process.argv.slice(2), USAGE);
  let values: { role?: string; municipality?: string; sub?: string; expires: string };
  try {
    ({ values } = parseArgs({
      options: {
        role: { type: 'string' },
        municipality: { type: 'string' },
        sub: { type: 'string' },
        expires: { type: 'string', default: '8h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message, 'token');
  }
  const role = values.role as Role | undefined;
  if (!role || !ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`, 'token');
  if (ROLES_WITH_MUNICIPALITY.includes(role) && !isAgs(values.municipality)) {
    throw new UsageError(`--municipality <8-digit AGS> is required for the role ${role}`, 'token');
  }
  const principal = {
    sub: values.sub ?? `${role}${values.municipality ? `-${values.municipality}` : ''}`,
    role,
    ...(values.municipality ? { municipality: values.municipality } : {}),
  };
  const token = await issueDevelopmentToken(principal, process.env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET, {
    expiresIn: values.expires,
    issuer: process.env.JWT_ISSUER,
    audience: process.env.JWT_AUDIENCE,
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
