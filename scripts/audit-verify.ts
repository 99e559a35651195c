/**
 * `npm run audit:verify`: recomputes every history chain (batched, like `GET /api/v1/audit/verify`)
 * and prints `{valid, chains, entries, broken}` as one JSON line. For a cron job: exit code 0 when
 * every chain is intact, 1 when one is broken, 2 when the database cannot be read.
 *
 * Reads DATABASE_URL (+ DATABASE_SCHEMA), or the embedded database in IKZ_DATA_DIR — which belongs
 * to one process at a time: while a server runs on it, ask the server (`GET /api/v1/audit/verify`).
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { validateEnvironment } from '../src/config/configuration';
import { DataDirectoryInUseError } from '../src/database/data-directory-lock';
import { EmbeddedPostgres } from '../src/database/embedded-postgres';
import { HistoryRepository, pgQuery } from '../src/history';
import { exitWithHelpIfAsked } from './cli';

const USAGE = `
Usage: npm run audit:verify

Recomputes every cooperation's hash chain and prints {valid, chains, entries, broken} as one JSON
line. Exit code 0: every chain intact; 1: a chain is broken (see "broken"); 2: the database cannot
be read. For a cron job or an auditor; docs/audit.md explains the chain.

Reads DATABASE_URL (+ DATABASE_SCHEMA), or the embedded database in IKZ_DATA_DIR (default ./data).
The embedded database belongs to one process at a time: while a server runs on it, ask the server:
  curl -H "Authorization: Bearer $TOKEN" http://localhost:3000/api/v1/audit/verify
`;

async function main(): Promise<number> {
  exitWithHelpIfAsked(process.argv.slice(2), USAGE);
  const env = validateEnvironment(process.env);
  let embedded: EmbeddedPostgres | null = null;
  if (!env.DATABASE_URL) {
    try {
      embedded = await EmbeddedPostgres.start(env.IKZ_DATA_DIR === ':memory:' ? null : env.IKZ_DATA_DIR);
    } catch (error) {
      if (error instanceof DataDirectoryInUseError) {
        throw new Error(
          `${error.message}\nA server runs on the embedded database: ask it instead — ` +
            `curl -H "Authorization: Bearer $TOKEN" http://localhost:3000/api/v1/audit/verify`,
        );
      }
      throw error;
    }
  }
  const schema = env.DATABASE_SCHEMA;
  const client = new Client({
    connectionString: embedded?.url ?? env.DATABASE_URL,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  try {
    await client.connect();
    const result = await new HistoryRepository(pgQuery(client)).verifyAll();
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return result.valid ? 0 : 1;
  } finally {
    await client.end().catch(() => undefined);
    await embedded?.stop();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
