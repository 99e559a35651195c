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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      municipality: { type: 'string' },
      sub: { type: 'string' },
      expires: { type: 'string', default: '8h' },
    },
  });
  const role = values.role as Role | undefined;
  if (!role || !ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  if (ROLES_WITH_MUNICIPALITY.includes(role) && !isAgs(values.municipality)) {
    throw new Error(`--municipality <8-digit AGS> is required for the role ${role}`);
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
