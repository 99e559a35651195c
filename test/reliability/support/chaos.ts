import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { Client } from 'pg';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Restarts the local PostgreSQL cluster: stop (fast: open sessions are terminated), a pause so
 * the outage is observable, start. PG_RESTART_COMMAND replaces it for another set-up.
 */
export async function restartPostgres(pauseMs = 1_500): Promise<void> {
  if (process.env.PG_RESTART_COMMAND) {
    execFileSync('sh', ['-c', process.env.PG_RESTART_COMMAND], { stdio: 'inherit' });
    return;
  }
  const [version] = readdirSync('/etc/postgresql');
  const ctl = (...args: string[]) =>
    execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', ...args], { stdio: 'pipe' });
  ctl('stop', '-m', 'fast');
  await sleep(pauseMs);
  ctl('start');
}

/** A short-lived client in `schema` for the checks (after the load). */
export async function withClient<T>(url: string, schema: string, work: (c: Client) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const client = new Client({ connectionString: url, options: `-c search_path=${schema}` });
    try {
      await client.connect();
    } catch (error) {
      // PostgreSQL may still be starting up.
      if (attempt > 30) throw error;
      await sleep(500);
      continue;
    }
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  await withClient(url, 'public', (c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
}
