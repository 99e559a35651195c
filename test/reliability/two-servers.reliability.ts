import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, freePort, ServerProcess } from '../../bench/lib/server-process';
import { issueDevelopmentToken } from '../../src/auth/token-issuer';
import { COORD_HEEK, HEEK, OPENING } from '../fixtures/building-yard.scenario';
import { BuildingYard } from '../support/building-yard';
import { createTestApp } from '../support/test-app';
import { dropSchema, restartPostgres, sleep, withClient } from './support/chaos';

/*
 * Two servers on one PostgreSQL schema, clients sending events to both for a bounded time; one
 * server is killed with SIGKILL and restarted, PostgreSQL is restarted once. Clients retry with
 * their Idempotency-Keys. Nothing acknowledged may be lost, nothing may be applied twice.
 * Meanwhile durable timers fall due (cooperations driven to `active` beforehand, their first report
 * timer moved into the run by SQL): each must fire exactly once, whichever server claims it.
 */

const DATABASE_URL = process.env.DATABASE_URL;
const LOAD_SECONDS = Number(process.env.RELIABILITY_SECONDS ?? 24);
const CLIENTS = 12;
const COOPERATIONS = 16;
const REQUEST_TIMEOUT_MS = 20_000;
/** After the load ends, a request still unanswered may retry this long. */
const RETRY_GRACE_MS = 30_000;
/** Active cooperations whose first report timer falls due during the load, spread over it. */
const TIMER_COOPERATIONS = 8;
const TIMER_POLL_MS = 200;
/** The building yard's first report timer (Heek, 2027-Q1) and what its firing schedules. */
const TIMER_KEY = `report-due:${HEEK.ags}:2027-Q1`;
const AFTER_FIRING = [`report-due:${HEEK.ags}:2027-Q2`, `report-grace:${HEEK.ags}:2027-Q1`];

const APPOINT_CONTACT = {
  type: 'APPOINT_CONTACT',
  name: 'Maria Beispiel',
  position: 'Fachbereichsleiterin Bauen und Umwelt',
  userSub: COORD_HEEK.sub,
  authority: { conferredBy: 'Bürgermeister', conferredOn: '2026-01-05', scope: 'Verhandlung der Absichtserklärung' },
};

interface Attempt {
  server: string;
  status: number | 'error';
  ms: number;
  problemType?: string;
  error?: string;
}
interface LogicalRequest {
  key: string;
  cooperationId: string;
  attempts: Attempt[];
  acknowledged?: { status: number; sequence: number };
}
interface HealthSample {
  server: string;
  at: number;
  status: number | 'error';
}

const suite = DATABASE_URL ? describe : describe.skip;
if (!DATABASE_URL) {
  console.warn(
    'test:reliability skipped: it needs a real PostgreSQL. Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run test:reliability',
  );
}

suite('two servers on one PostgreSQL: SIGKILL, a PostgreSQL restart, retries with Idempotency-Keys', () => {
  const url = DATABASE_URL!;
  const schema = `rel_${process.pid}_${randomBytes(3).toString('hex')}`;
  const secret = randomBytes(32).toString('hex');
  const logDir = mkdtempSync(join(tmpdir(), 'ikz-reliability-'));
  const servers: Record<'a' | 'b', ServerProcess | undefined> = { a: undefined, b: undefined };
  const ports: Record<'a' | 'b', number> = { a: 0, b: 0 };
  let token = '';
  let auditor = '';
  const timerCooperations: string[] = [];

  const spawn = (name: 'a' | 'b') =>
    (servers[name] = ServerProcess.spawn({
      port: ports[name],
      env: {
        DATABASE_URL: url,
        DATABASE_SCHEMA: schema,
        JWT_SECRET: secret,
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        DB_POOL_SIZE: '6',
        RATE_LIMIT_PER_MINUTE: '1000000000',
        TIMERS_ENABLED: 'true',
        TIMER_POLL_MS: String(TIMER_POLL_MS),
      },
      logFile: join(logDir, `server-${name}.log`),
    }));

  beforeAll(async () => {
    ensureBuilt();
    ports.a = await freePort();
    ports.b = await freePort();
    token = await issueDevelopmentToken(COORD_HEEK as never, secret);
    auditor = await issueDevelopmentToken({ sub: 'rpa-auditor', role: 'auditor' }, secret);
    // Cooperations in operation, driven in-process with a movable clock (the servers use the
    // system clock); this also applies the migrations to the schema.
    const setup = await createTestApp({ DATABASE_URL: url, DATABASE_SCHEMA: schema });
    try {
      for (let i = 0; i < TIMER_COOPERATIONS; i++) {
        const yard = new BuildingYard(setup);
        await yard.runUntil();
        timerCooperations.push(yard.id);
      }
    } finally {
      jest.restoreAllMocks();
      await setup.close();
    }
    // One after the other: the first applies the migrations.
    await spawn('a').waitHealthy(120_000);
    await spawn('b').waitHealthy(120_000);
  });

  afterAll(async () => {
    for (const s of Object.values(servers)) if (s) await s.stop('SIGTERM');
    await dropSchema(url, schema);
  });

  it('loses nothing acknowledged, applies nothing twice, keeps every chain intact and reports the outage', async () => {
    const serverUrl = (name: 'a' | 'b') => `http://127.0.0.1:${ports[name]}`;
    const cooperations: string[] = [];
    for (let i = 0; i < COOPERATIONS; i++) {
      const res = await fetch(`${serverUrl(i % 2 ? 'b' : 'a')}/api/v1/cooperations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          title: `Zuverlässigkeit ${i}`,
          fieldOfWork: OPENING.input.fieldOfWork,
          motive: OPENING.input.motive,
          description: OPENING.input.description,
        }),
      });
      expect(res.status).toBe(201);
      cooperations.push(((await res.json()) as { id: string }).id);
    }

    const started = Date.now();
    const loadUntil = started + LOAD_SECONDS * 1000;
    // Each first report timer falls due at its own moment of the load (10 % … 85 %): before the
    // SIGKILL, while server b is down, during the PostgreSQL outage, after it. Row and snapshot
    // change together, as the engine keeps them (the timer in `context.timers` and its row).
    const dueAt = timerCooperations.map((_, i) =>
      new Date(started + LOAD_SECONDS * 1000 * (0.1 + (0.75 * i) / (TIMER_COOPERATIONS - 1))).toISOString(),
    );
    await withClient(url, schema, async (c) => {
      for (const [i, id] of timerCooperations.entries()) {
        const moved = await c.query(
          `UPDATE cooperation_timers SET due_at = $3::timestamptz, event = jsonb_set(event, '{dueAt}', to_jsonb($4::text))
            WHERE cooperation_id = $1 AND key = $2`,
          // The instant twice: one parameter would get one type (timestamptz), and its text form
          // would then be PostgreSQL's, not the ISO 8601 the event's schema requires.
          [id, TIMER_KEY, dueAt[i], dueAt[i]],
        );
        expect(moved.rowCount).toBe(1);
        await c.query(
          `UPDATE cooperations SET state = jsonb_set(jsonb_set(state, ARRAY['context','timers',$2,'dueAt'], to_jsonb($3::text)),
                                                     ARRAY['context','timers',$2,'event','dueAt'], to_jsonb($3::text))
            WHERE id = $1`,
          [id, TIMER_KEY, dueAt[i]],
        );
      }
    });
    const giveUpAt = loadUntil + RETRY_GRACE_MS;
    const requests: LogicalRequest[] = [];
    const health: HealthSample[] = [];
    const timeline: string[] = [];
    const mark = (what: string) => timeline.push(`${((Date.now() - started) / 1000).toFixed(1)} s: ${what}`);

    /** One attempt; a network error, a timeout or a 5xx is worth a retry with the same key. */
    const attempt = async (server: 'a' | 'b', request: LogicalRequest): Promise<boolean> => {
      const t0 = Date.now();
      try {
        const res = await fetch(`${serverUrl(server)}/api/v1/cooperations/${request.cooperationId}/events`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'idempotency-key': request.key,
          },
          body: JSON.stringify(APPOINT_CONTACT),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        const body = (await res.json()) as { type?: string; entry?: { sequence: number } };
        request.attempts.push({ server, status: res.status, ms: Date.now() - t0, problemType: body.type });
        if (res.status >= 200 && res.status < 300) {
          request.acknowledged = { status: res.status, sequence: body.entry!.sequence };
          return true;
        }
        if (res.status < 500) throw new Error(`unexpected ${res.status}: ${JSON.stringify(body)}`);
        return false;
      } catch (error) {
        if ((error as Error).message.startsWith('unexpected')) throw error;
        request.attempts.push({ server, status: 'error', ms: Date.now() - t0, error: String(error) });
        return false;
      }
    };

    const client = async (n: number) => {
      let turn = n;
      while (Date.now() < loadUntil) {
        const request: LogicalRequest = {
          key: randomUUID(),
          cooperationId: cooperations[Math.floor(Math.random() * cooperations.length)],
          attempts: [],
        };
        requests.push(request);
        while (!(await attempt(turn++ % 2 ? 'b' : 'a', request))) {
          if (Date.now() > giveUpAt) break;
          await sleep(200);
        }
      }
    };

    let monitoring = true;
    const monitor = async () => {
      while (monitoring) {
        await Promise.all(
          (['a', 'b'] as const).map(async (name) => {
            let status: number | 'error';
            try {
              status = (await fetch(`${serverUrl(name)}/health`, { signal: AbortSignal.timeout(5_000) })).status;
            } catch {
              status = 'error';
            }
            health.push({ server: name, at: Date.now(), status });
          }),
        );
        await sleep(100);
      }
    };

    const pidOfA = servers.a!.pid;
    const chaos = async () => {
      await sleep(LOAD_SECONDS * 250);
      mark(`SIGKILL server b (pid ${servers.b!.pid})`);
      await servers.b!.stop('SIGKILL');
      await sleep(1_500);
      mark('restart server b');
      await spawn('b').waitHealthy(60_000);
      mark('server b healthy');
      await sleep(LOAD_SECONDS * 150);
      mark('stop PostgreSQL');
      await restartPostgres();
      mark('PostgreSQL started');
    };

    const monitoring$ = monitor();
    await Promise.all([chaos(), ...Array.from({ length: CLIENTS }, (_, n) => client(n))]);
    mark('load ended');
    // Both servers must come back by themselves.
    await servers.a!.waitHealthy(30_000);
    await servers.b!.waitHealthy(30_000);
    // The last timer fell due at 85 % of the load; give the schedulers a few polls beyond the end.
    for (let waited = 0; waited < 10_000; waited += TIMER_POLL_MS) {
      const left = await withClient(url, schema, (c) =>
        c.query(`SELECT 1 FROM cooperation_timers WHERE key = $1 AND cooperation_id = ANY($2::uuid[])`, [
          TIMER_KEY,
          timerCooperations,
        ]),
      );
      if (left.rowCount === 0) break;
      await sleep(TIMER_POLL_MS);
    }
    await sleep(300);
    monitoring = false;
    await monitoring$;
    mark('both servers healthy');

    // ---- checks -------------------------------------------------------------------------------
    const rows = await withClient(url, schema, async (c) => {
      const history = await c.query<{
        cooperation_id: string;
        sequence: number;
        idempotency_key: string | null;
        event_type: string;
        period: string | null;
        recorded_at: Date;
      }>(
        `SELECT cooperation_id, sequence, idempotency_key, event_type, payload->>'period' AS period, recorded_at
           FROM cooperation_history ORDER BY cooperation_id, sequence`,
      );
      return history.rows;
    });
    const timersLeft = await withClient(url, schema, async (c) => {
      const left = await c.query<{ cooperation_id: string; key: string }>(
        `SELECT cooperation_id, key FROM cooperation_timers WHERE cooperation_id = ANY($1::uuid[]) ORDER BY key`,
        [timerCooperations],
      );
      return left.rows;
    });
    const byKey = new Map<string, typeof rows>();
    for (const r of rows) {
      if (r.idempotency_key) byKey.set(r.idempotency_key, [...(byKey.get(r.idempotency_key) ?? []), r]);
    }

    const acknowledged = requests.filter((r) => r.acknowledged);
    const unanswered = requests.filter((r) => !r.acknowledged);
    const lost = acknowledged.filter((r) => (byKey.get(r.key) ?? []).length !== 1);
    const misplaced = acknowledged.filter((r) => {
      const [row] = byKey.get(r.key) ?? [];
      return row && (row.cooperation_id !== r.cooperationId || row.sequence !== r.acknowledged!.sequence);
    });
    const duplicated = [...byKey.values()].filter((entries) => entries.length > 1);
    const retried = requests.filter((r) => r.attempts.length > 1);
    const replayedAfterCommit = requests.filter(
      (r) =>
        r.acknowledged && r.attempts.length > 1 && r.attempts.some((a) => a.status === 'error' || a.status === 503),
    );
    const loadCooperations = new Set(cooperations);
    const unknownEntries = rows.filter(
      (r) =>
        loadCooperations.has(r.cooperation_id) && r.sequence > 1 && !requests.some((q) => q.key === r.idempotency_key),
    );

    // Every due timer fired exactly once, after its due instant, and scheduled what its firing schedules.
    const timerFirings = timerCooperations.map((id, i) => {
      const firings = rows.filter((r) => r.cooperation_id === id && r.event_type === 'REPORT_DUE');
      return {
        id,
        dueAt: dueAt[i],
        firings: firings.length,
        firedLateMs: firings.map((f) => new Date(f.recorded_at).getTime() - Date.parse(dueAt[i])),
        periods: firings.map((f) => f.period),
        timersAfter: timersLeft.filter((t) => t.cooperation_id === id).map((t) => t.key),
      };
    });
    const timersNotOnce = timerFirings.filter(
      (t) =>
        t.firings !== 1 ||
        t.periods[0] !== '2027-Q1' ||
        t.firedLateMs[0] < 0 ||
        JSON.stringify(t.timersAfter) !== JSON.stringify(AFTER_FIRING),
    );

    // Sequences 1..n per cooperation.
    const gaps: string[] = [];
    const perCooperation = new Map<string, number[]>();
    for (const r of rows) {
      perCooperation.set(r.cooperation_id, [...(perCooperation.get(r.cooperation_id) ?? []), r.sequence]);
    }
    for (const [id, sequences] of perCooperation) {
      sequences.forEach((s, i) => s !== i + 1 && gaps.push(`${id}: position ${i + 1} holds ${s}`));
    }

    // Every chain verifies, through the API.
    const verifications = await Promise.all(
      [...cooperations, ...timerCooperations].map(async (id) => {
        const res = await fetch(`${serverUrl('a')}/api/v1/cooperations/${id}/history/verify`, {
          headers: { authorization: `Bearer ${auditor}` },
        });
        return { id, status: res.status, body: (await res.json()) as { valid: boolean; entries: number } };
      }),
    );
    const broken = verifications.filter(
      (v) => v.status !== 200 || !v.body.valid || v.body.entries !== perCooperation.get(v.id)?.length,
    );

    // Commands during the outage: answered 503 problem+json, quickly; /health saw it and the recovery.
    const attempts = requests.flatMap((r) => r.attempts);
    const unavailable = attempts.filter((a) => a.status === 503);
    const slowestUnavailable = Math.max(0, ...unavailable.map((a) => a.ms));
    const health503 = health.filter((h) => h.status === 503);
    const lastOutage = Math.max(...health503.map((h) => h.at));
    const recovered = (['a', 'b'] as const).every((name) =>
      health.some((h) => h.server === name && h.at > lastOutage && h.status === 200),
    );

    const report = {
      timeline,
      logicalRequests: requests.length,
      acknowledged: acknowledged.length,
      unansweredAfterRetries: unanswered.length,
      retried: retried.length,
      acknowledgedAfterAFailedAttempt: replayedAfterCommit.length,
      attempts: attempts.length,
      attemptsByOutcome: countBy(attempts.map((a) => String(a.status))),
      historyEntries: rows.length,
      entriesMatchedToAcknowledgedRequests: acknowledged.length - lost.length,
      entriesOfUnansweredRequests: unanswered.filter((r) => byKey.has(r.key)).length,
      lost: lost.length,
      misplaced: misplaced.length,
      duplicated: duplicated.length,
      unknownEntries: unknownEntries.length,
      sequenceGaps: gaps.length,
      chainsVerified: verifications.length - broken.length,
      chainsBroken: broken.length,
      timersDue: timerFirings.length,
      timersFiredExactlyOnce: timerFirings.length - timersNotOnce.length,
      timerFiringDelayMs: timerFirings.map((t) => `${t.dueAt.slice(11, 23)} +${t.firedLateMs.join('/')}`),
      commandsAnswered503: unavailable.length,
      slowest503Ms: slowestUnavailable,
      health503Samples: health503.length,
      healthRecovered: recovered,
      serverASurvivedPostgresRestart: servers.a!.running && servers.a!.pid === pidOfA,
    };
    console.log(`reliability report:\n${JSON.stringify(report, null, 2)}`);
    if (!report.serverASurvivedPostgresRestart) {
      console.log(readFileSync(join(logDir, 'server-a.log'), 'utf8').slice(-4_000));
    }

    expect(acknowledged.length).toBeGreaterThan(100);
    expect(lost).toEqual([]);
    expect(misplaced).toEqual([]);
    expect(duplicated).toEqual([]);
    expect(unknownEntries).toEqual([]);
    expect(gaps).toEqual([]);
    expect(broken).toEqual([]);
    expect(timersNotOnce).toEqual([]);
    expect(unanswered).toEqual([]);
    expect(report.serverASurvivedPostgresRestart).toBe(true);
    expect(health503.length).toBeGreaterThan(0);
    expect(recovered).toBe(true);
    expect(unavailable.length).toBeGreaterThan(0);
    expect(unavailable.every((a) => a.problemType === '/problems/database-unavailable')).toBe(true);
    // A database outage is a 503 (retry), never a 500 (a bug).
    expect(attempts.filter((a) => a.status === 500)).toEqual([]);
    expect(slowestUnavailable).toBeLessThan(10_000);
  });
});

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
