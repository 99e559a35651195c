/**
 * `npm run bench [-- --quick]`: the engine against the physical limit of its store, on this machine.
 *
 * 1. the FLOOR: one lifecycle transition's database work done directly with `pg` (lock the row
 *    FOR UPDATE, read the chain head, insert a sha256-chained history entry, update the snapshot,
 *    commit) from 32 concurrent clients, spread over N cooperations and on one hot cooperation;
 * 2. the ENGINE: the same two shapes through `POST /api/v1/cooperations/{id}/events` of the built
 *    server in a child process, driven by autocannon with 32 connections;
 * 3. reads: a history page of a cooperation with 100 000 entries, `/history/verify`, the
 *    steering-board queue (when it exists), cold start of the embedded default;
 * 4. peak RSS of the server process.
 *
 * Runs against DATABASE_URL (in a schema of its own, dropped afterwards) or the embedded default
 * (a fresh data directory, removed afterwards). Traffic goes to 127.0.0.1 only.
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import { execSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Pool, type PoolClient } from 'pg';
import { issueDevelopmentToken } from '../src/auth/token-issuer';
import { COORD_HEEK, HEEK, OPENING } from '../test/fixtures/building-yard.scenario';
import { EmbeddedPostgres } from '../src/database/embedded-postgres';
import {
  chainEntry,
  type HistoryEntry,
  type HistoryEntryContent,
  historyInsertParams,
  HistoryRepository,
  insertHistorySql,
  pgQuery,
  VERIFY_STORED_BATCH,
} from '../src/history';
import { ensureBuilt, freePort, ROOT, ServerProcess } from './lib/server-process';
import { closedLoop, type LoadResult, percentile } from './lib/stats';

const QUICK = process.argv.includes('--quick');
/** `--profile`: the server writes V8 CPU profiles (one per server process) to bench/results/profiles/. */
const PROFILE = process.argv.includes('--profile');
const CONNECTIONS = 32;
const READ_CONNECTIONS = 8;
const SETTINGS = QUICK
  ? { cooperations: 100, historyEntries: 10_000, seconds: 3, warmup: 1, verifyRuns: 1, queueCooperations: 1_000 }
  : { cooperations: 1_000, historyEntries: 100_000, seconds: 15, warmup: 3, verifyRuns: 3, queueCooperations: 10_000 };

const JWT_SECRET = randomBytes(32).toString('hex');
const API = '/api/v1/cooperations';

/** A valid event that can repeat: the lead appoints (again) its own contact, allowed before `active`. */
const APPOINT_CONTACT = {
  type: 'APPOINT_CONTACT',
  name: 'Maria Beispiel',
  email: 'maria.beispiel@heek.example',
  position: 'Fachbereichsleiterin Bauen und Umwelt',
  userSub: COORD_HEEK.sub,
  authority: {
    conferredBy: 'Bürgermeister',
    conferredOn: '2026-01-05',
    scope: 'Verhandlung und Unterzeichnung der Absichtserklärung',
  },
};
const APPOINT_BODY = JSON.stringify(APPOINT_CONTACT);
const { type: _type, ...APPOINT_PAYLOAD } = APPOINT_CONTACT;
const ACTOR = { sub: COORD_HEEK.sub, role: COORD_HEEK.role, municipality: HEEK.ags };

const log = (line: string) => console.log(line);
const round = (n: number, digits = 1) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : null);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Target {
  mode: 'postgres' | 'embedded';
  /** Environment of the spawned server. */
  serverEnv: Record<string, string | undefined>;
  /** A pool straight to the database, beside the server (only while the server is stopped, embedded). */
  openDirect(max: number): Promise<{ pool: Pool; close: () => Promise<void> }>;
  describe(): Promise<string>;
  cleanup(): Promise<void>;
}

function postgresTarget(url: string): Target {
  const schema = `bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const options = `-c search_path=${schema}`;
  return {
    mode: 'postgres',
    serverEnv: { DATABASE_URL: url, DATABASE_SCHEMA: schema },
    openDirect: (max) => {
      const pool = new Pool({ connectionString: url, max, options });
      return Promise.resolve({ pool, close: () => pool.end() });
    },
    describe: async () => {
      const client = new Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query<{ version: string }>('SELECT version()');
      await client.end();
      return `PostgreSQL at ${new URL(url).host} (schema ${schema}): ${rows[0].version.split(',')[0]}`;
    },
    cleanup: async () => {
      const client = new Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}

function embeddedTarget(): Target {
  const directory = mkdtempSync(join(tmpdir(), 'ikz-bench-'));
  return {
    mode: 'embedded',
    serverEnv: { DATABASE_URL: undefined, DATABASE_SCHEMA: undefined, IKZ_DATA_DIR: directory },
    openDirect: async () => {
      // PGlite has one session: the direct work goes through one connection, like the server's pool.
      const embedded = await EmbeddedPostgres.start(directory);
      const pool = new Pool({ connectionString: embedded.url, max: EmbeddedPostgres.poolSize });
      return {
        pool,
        close: async () => {
          await pool.end();
          await embedded.stop();
        },
      };
    },
    describe: () => Promise.resolve(`embedded default (PGlite over its socket server, one connection) in ${directory}`),
    cleanup: () => Promise.resolve(rmSync(directory, { recursive: true, force: true })),
  };
}

// ---- HTTP helpers ----------------------------------------------------------------------------

async function post(
  url: string,
  token: string,
  body: unknown,
): Promise<{ status: number; body: { id?: string } & Record<string, unknown> }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { id?: string } & Record<string, unknown> };
}

async function openCooperations(server: ServerProcess, token: string, count: number, label: string): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  const { title, fieldOfWork, motive, description } = OPENING.input;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < count) {
        const n = next++;
        const res = await post(`${server.url}${API}`, token, {
          title: `${title} (${label} ${n})`,
          fieldOfWork,
          motive,
          description,
        });
        if (res.status !== 201) throw new Error(`opening a cooperation: ${res.status} ${JSON.stringify(res.body)}`);
        ids.push(String(res.body.id));
      }
    }),
  );
  return ids;
}

interface HttpResult extends LoadResult {
  non2xx: number;
  errors: number;
  /** Server CPU time (user + system) per completed request, ms: robust to other load on the machine. */
  serverCpuMsPerRequest: number;
}

async function cannon(
  server: ServerProcess,
  token: string,
  options: { connections: number; seconds: number; method: 'GET' | 'POST'; path: () => string; body?: string },
): Promise<HttpResult> {
  const cpuBefore = server.cpuSeconds();
  const result = await autocannon({
    url: server.url,
    connections: options.connections,
    duration: options.seconds,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    requests: [
      {
        method: options.method,
        ...(options.body ? { body: options.body } : {}),
        setupRequest: (req) => ({ ...req, path: options.path() }),
      },
    ],
  });
  const completed = result.requests.total;
  const cpu = server.cpuSeconds() - cpuBefore;
  return {
    serverCpuMsPerRequest: (1000 * cpu) / Math.max(1, completed),
    throughput: (completed - result.non2xx) / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: completed - result.non2xx,
    failed: result.non2xx + result.errors + result.timeouts,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    seconds: result.duration,
  };
}

// ---- the floor -------------------------------------------------------------------------------

/** One transition's database work, straight through `pg`: what the engine cannot beat. */
async function floorTransition(client: PoolClient, id: string): Promise<void> {
  await client.query('BEGIN');
  try {
    const { rows } = await client.query<{ state: { context: { contacts: Record<string, unknown> } }; version: number }>(
      'SELECT state, version FROM cooperations WHERE id = $1 FOR UPDATE',
      [id],
    );
    const now = new Date();
    const state = rows[0].state;
    state.context.contacts[HEEK.ags] = {
      ...APPOINT_PAYLOAD,
      municipality: HEEK.ags,
      appointedAt: now.toISOString(),
      appointedBy: ACTOR.sub,
    };
    const query = pgQuery(client);
    await new HistoryRepository(query).append(query, {
      cooperationId: id,
      eventType: 'APPOINT_CONTACT',
      payload: APPOINT_PAYLOAD,
      actor: ACTOR,
      stateBefore: 'partnerSearch',
      stateAfter: 'partnerSearch',
      obligations: [],
      recordedAt: now.toISOString(),
      requestId: randomUUID(),
      idempotencyKey: null,
    });
    await client.query('UPDATE cooperations SET state = $2, version = $3, updated_at = $4 WHERE id = $1', [
      id,
      JSON.stringify(state),
      rows[0].version + 1,
      now,
    ]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/**
 * The same transition in 4 round trips instead of 6: the chain head is kept on the locked row
 * (`bench_head_hash`, a column the bench adds to its own database; the version already equals the
 * head's sequence), and the history entry and the snapshot are written by one statement (a
 * data-modifying CTE). Measures what the engine's hot path would gain from that shape. Reading
 * the head with a join or subquery in the locking statement instead would be wrong under
 * concurrency: after waiting for the lock, PostgreSQL re-checks the locked row but not the
 * subquery, which still sees the old head.
 */
async function leanTransition(client: PoolClient, id: string): Promise<void> {
  await client.query('BEGIN');
  try {
    const { rows } = await client.query<{
      state: { context: { contacts: Record<string, unknown> } };
      version: number;
      bench_head_hash: string;
    }>('SELECT state, version, bench_head_hash FROM cooperations WHERE id = $1 FOR UPDATE', [id]);
    const { state, version, bench_head_hash: head } = rows[0];
    const now = new Date();
    state.context.contacts[HEEK.ags] = {
      ...APPOINT_PAYLOAD,
      municipality: HEEK.ags,
      appointedAt: now.toISOString(),
      appointedBy: ACTOR.sub,
    };
    const entry = chainEntry(head, {
      cooperationId: id,
      sequence: version + 1,
      eventType: 'APPOINT_CONTACT',
      payload: APPOINT_PAYLOAD,
      actor: ACTOR,
      stateBefore: 'partnerSearch',
      stateAfter: 'partnerSearch',
      obligations: [],
      recordedAt: now.toISOString(),
      requestId: randomUUID(),
      idempotencyKey: null,
    });
    await client.query(
      `WITH entry AS (${insertHistorySql(1)})
       UPDATE cooperations SET state = $14, version = $15, updated_at = $16, bench_head_hash = $13 WHERE id = $1`,
      [...historyInsertParams(entry), JSON.stringify(state), version + 1, now],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** Adds the chain head to the cooperation rows of the floor (see leanTransition). */
async function addHeadColumn(pool: Pool, ids: string[]): Promise<void> {
  await pool.query('ALTER TABLE cooperations ADD COLUMN IF NOT EXISTS bench_head_hash char(64)');
  await pool.query(
    `UPDATE cooperations c SET bench_head_hash = h.hash FROM cooperation_history h
      WHERE h.cooperation_id = c.id AND h.sequence = c.version AND c.id = ANY ($1::uuid[])`,
    [ids],
  );
}

async function runFloor(
  pool: Pool,
  ids: string[],
  seconds: number,
  warmup: number,
  transition = floorTransition,
): Promise<LoadResult> {
  const pick = () => ids[Math.floor(Math.random() * ids.length)];
  const once = async () => {
    const client = await pool.connect();
    try {
      await transition(client, pick());
    } finally {
      client.release();
    }
  };
  if (warmup > 0) await closedLoop(CONNECTIONS, warmup, once);
  return closedLoop(CONNECTIONS, seconds, once);
}

/** Appends entries 2…n to a cooperation's chain by SQL, hashed by the domain's own function. */
async function seedHistory(pool: Pool, id: string, entries: number): Promise<void> {
  const history = new HistoryRepository(pgQuery(pool));
  const head = (await history.entries(id)).at(-1)!;
  let prev = head.hash;
  let sequence = head.sequence;
  const start = Date.parse(head.recordedAt);
  const BATCH = 500;
  while (sequence < entries) {
    const batch: HistoryEntry[] = [];
    for (let i = 0; i < BATCH && sequence < entries; i++) {
      sequence++;
      const content: HistoryEntryContent = {
        cooperationId: id,
        sequence,
        eventType: 'APPOINT_CONTACT',
        payload: APPOINT_PAYLOAD,
        actor: ACTOR,
        stateBefore: 'partnerSearch',
        stateAfter: 'partnerSearch',
        obligations: [],
        recordedAt: new Date(start + sequence * 1000).toISOString(),
        requestId: null,
        idempotencyKey: null,
      };
      const entry = chainEntry(prev, content);
      prev = entry.hash;
      batch.push(entry);
    }
    await history.insert(batch);
  }
  await pool.query('UPDATE cooperations SET version = $2 WHERE id = $1', [id, entries]);
}

// ---- main ------------------------------------------------------------------------------------

interface Row {
  measure: string;
  floor?: string;
  engine?: string;
  ratio?: string;
  target?: string;
}

async function main(): Promise<void> {
  const started = new Date();
  ensureBuilt();
  const target = process.env.DATABASE_URL ? postgresTarget(process.env.DATABASE_URL) : embeddedTarget();
  const results: Record<string, unknown> = {};
  const cpuModel = cpus()[0]?.model ?? 'unknown';
  const machine = {
    nproc: Number(execSync('nproc').toString().trim()),
    cpu: cpuModel,
    node: process.version,
    loadAverageAtStart: loadavg().map((l) => round(l, 2)),
  };
  log(
    `IKZ bench ${QUICK ? '(--quick) ' : ''}on ${machine.nproc} cores, ${cpuModel}, Node ${machine.node}; ` +
      `load average at start ${machine.loadAverageAtStart.join(' ')} (other work on the machine skews the numbers)`,
  );
  log(`database: ${await target.describe()}`);
  const resultsDir = join(ROOT, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const stamp = started.toISOString().replace(/[:.]/g, '-');
  const serverLog = join(resultsDir, `${stamp}-server.log`);
  const token = await issueDevelopmentToken(COORD_HEEK as never, JWT_SECRET, { expiresIn: '2h' });
  const serverEnv = {
    ...target.serverEnv,
    NODE_ENV: 'production',
    JWT_SECRET,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    // The bench measures the engine, not the per-caller rate limit (one caller sends everything).
    RATE_LIMIT_PER_MINUTE: '1000000000',
  };
  const nodeArgs = PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${join(resultsDir, 'profiles')}`] : [];
  let server: ServerProcess | undefined;
  let peakRss = 0;
  const stopServer = async () => {
    if (!server) return;
    peakRss = Math.max(peakRss, server.peakRssMiB() ?? 0);
    await server.stop('SIGTERM');
    server = undefined;
  };

  try {
    // 1. Data through the API: cooperations in partnerSearch, opened as Heek.
    server = ServerProcess.spawn({ port: await freePort(), env: serverEnv, logFile: serverLog, nodeArgs });
    await server.waitHealthy(120_000);
    let t0 = performance.now();
    const engineIds = await openCooperations(server, token, SETTINGS.cooperations, 'engine');
    const [engineHot] = await openCooperations(server, token, 1, 'engine hot');
    const floorIds = await openCooperations(server, token, SETTINGS.cooperations, 'floor');
    const [floorHot] = await openCooperations(server, token, 1, 'floor hot');
    const [long] = await openCooperations(server, token, 1, 'long history');
    log(
      `opened ${2 * SETTINGS.cooperations + 3} cooperations through the API in ${round((performance.now() - t0) / 1000)} s`,
    );
    const queueBuilt = await routeExists(server);
    let queueIds: string[] = [];
    if (queueBuilt) {
      t0 = performance.now();
      queueIds = await openCooperations(
        server,
        token,
        SETTINGS.queueCooperations - 2 * SETTINGS.cooperations - 3,
        'queue',
      );
      log(`opened ${queueIds.length} more for the steering-board queue in ${round((performance.now() - t0) / 1000)} s`);
    }
    await stopServer();

    // 2. Straight to the database: the long history, then the floor.
    const direct = await target.openDirect(CONNECTIONS);
    let floorSpread: LoadResult;
    let floorHotResult: LoadResult;
    let leanSpread: LoadResult;
    let leanHot: LoadResult;
    const rawVerifyTimes: number[] = [];
    let rawVerified = 0;
    try {
      t0 = performance.now();
      await seedHistory(direct.pool, long, SETTINGS.historyEntries);
      log(
        `seeded ${SETTINGS.historyEntries} chained history entries by SQL in ${round((performance.now() - t0) / 1000)} s`,
      );
      for (let i = 0; i < SETTINGS.verifyRuns; i++) {
        const v0 = performance.now();
        const r = await new HistoryRepository(pgQuery(direct.pool)).verify(long);
        if (!r.valid) throw new Error(`HistoryRepository.verify: ${JSON.stringify(r)}`);
        rawVerifyTimes.push((performance.now() - v0) / 1000);
        rawVerified = r.entries;
      }
      rawVerifyTimes.sort((a, b) => a - b);
      log(`floor: ${CONNECTIONS} clients, ${SETTINGS.seconds} s per shape …`);
      floorSpread = await runFloor(direct.pool, floorIds, SETTINGS.seconds, SETTINGS.warmup);
      floorHotResult = await runFloor(direct.pool, [floorHot], SETTINGS.seconds, 0);
      log(`floor in 4 round trips (the proposed query shape) …`);
      await addHeadColumn(direct.pool, [...floorIds, floorHot]);
      leanSpread = await runFloor(direct.pool, floorIds, SETTINGS.seconds, 0, leanTransition);
      leanHot = await runFloor(direct.pool, [floorHot], SETTINGS.seconds, 0, leanTransition);
    } finally {
      await direct.close();
    }

    // 3. The engine, restarted on the same data.
    server = ServerProcess.spawn({ port: await freePort(), env: serverEnv, logFile: serverLog, nodeArgs });
    await server.waitHealthy(120_000);
    const probe = await post(`${server.url}${API}/${engineHot}/events`, token, APPOINT_CONTACT);
    if (probe.status !== 200) {
      throw new Error(`the bench's event is refused: ${probe.status} ${JSON.stringify(probe.body)}`);
    }
    log(`engine: autocannon, ${CONNECTIONS} connections, ${SETTINGS.seconds} s per shape …`);
    const eventsOf = (ids: string[]) => () => `${API}/${ids[Math.floor(Math.random() * ids.length)]}/events`;
    await cannon(server, token, {
      connections: CONNECTIONS,
      seconds: SETTINGS.warmup,
      method: 'POST',
      path: eventsOf(engineIds),
      body: APPOINT_BODY,
    });
    const engineSpread = await cannon(server, token, {
      connections: CONNECTIONS,
      seconds: SETTINGS.seconds,
      method: 'POST',
      path: eventsOf(engineIds),
      body: APPOINT_BODY,
    });
    const engineHotResult = await cannon(server, token, {
      connections: CONNECTIONS,
      seconds: SETTINGS.seconds,
      method: 'POST',
      path: eventsOf([engineHot]),
      body: APPOINT_BODY,
    });

    // 4. Reads.
    log(`reads: ${READ_CONNECTIONS} connections …`);
    const historyPage = await cannon(server, token, {
      connections: READ_CONNECTIONS,
      seconds: Math.max(2, Math.round(SETTINGS.seconds / 2)),
      method: 'GET',
      path: () => `${API}/${long}/history?limit=50&after=${Math.floor(Math.random() * (SETTINGS.historyEntries - 50))}`,
    });
    const verifyTimes: number[] = [];
    let verified = 0;
    for (let i = 0; i < SETTINGS.verifyRuns; i++) {
      const v0 = performance.now();
      const res = await fetch(`${server.url}${API}/${long}/history/verify`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await res.json()) as { valid: boolean; entries: number };
      if (res.status !== 200 || !body.valid) throw new Error(`verify: ${res.status} ${JSON.stringify(body)}`);
      verifyTimes.push((performance.now() - v0) / 1000);
      verified = body.entries;
    }
    verifyTimes.sort((a, b) => a - b);
    const verifyRate = verified / percentile(verifyTimes, 50);
    let queue: HttpResult | null = null;
    if (queueBuilt) {
      const board = await issueDevelopmentToken(
        { sub: 'board-heek', role: 'steering-board', municipality: HEEK.ags },
        JWT_SECRET,
      );
      queue = await cannon(server, board, {
        connections: READ_CONNECTIONS,
        seconds: Math.max(2, Math.round(SETTINGS.seconds / 2)),
        method: 'GET',
        path: () => '/api/v1/escalations?limit=50',
      });
    }
    await stopServer();

    // 5. Cold start of the embedded default: fresh directory, then the same directory again.
    const coldDir = mkdtempSync(join(tmpdir(), 'ikz-bench-cold-'));
    const coldStart: number[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        const spawnedAt = performance.now();
        const cold = ServerProcess.spawn({
          port: await freePort(),
          env: { ...serverEnv, DATABASE_URL: undefined, DATABASE_SCHEMA: undefined, IKZ_DATA_DIR: coldDir },
          logFile: serverLog,
        });
        coldStart.push(await cold.waitHealthy(120_000, spawnedAt));
        await cold.stop('SIGTERM');
      }
    } finally {
      rmSync(coldDir, { recursive: true, force: true });
    }

    // ---- report -------------------------------------------------------------------------------
    const ms = (n: number) => `${round(n, 1)} ms`;
    const perS = (n: number) => `${round(n, 0)}/s`;
    const pct = (engine: number, floor: number) => `${round((100 * engine) / floor, 0)} %`;
    const failures = (r: HttpResult) => (r.failed > 0 ? ` (${r.non2xx} non-2xx, ${r.errors} errors)` : '');
    const shape = (name: string, floor: LoadResult, engine: HttpResult): Row[] => [
      {
        measure: `${name}: transitions/s`,
        floor: perS(floor.throughput),
        engine: perS(engine.throughput) + failures(engine),
        ratio: pct(engine.throughput, floor.throughput),
        target: '≥ 50 %',
      },
      { measure: `${name}: p50`, floor: ms(floor.p50), engine: ms(engine.p50), ratio: '', target: '' },

      {
        measure: `${name}: p99`,
        floor: ms(floor.p99),
        engine: ms(engine.p99),
        ratio: '',
        target: '< 50 ms',
      },
      {
        measure: `${name}: server CPU per transition`,
        floor: '',
        engine: ms(engine.serverCpuMsPerRequest),
        ratio: '',
        target: '',
      },
    ];
    const rows: Row[] = [
      ...shape(`spread over ${SETTINGS.cooperations}`, floorSpread, engineSpread),
      ...shape('one hot cooperation', floorHotResult, engineHotResult),
      {
        measure: 'floor in 4 round trips: spread / hot',
        floor: `${perS(leanSpread.throughput)} / ${perS(leanHot.throughput)}`,
        engine: '',
        ratio: `${pct(leanSpread.throughput, floorSpread.throughput)} / ${pct(leanHot.throughput, floorHotResult.throughput)} of 6`,
        target: '',
      },
      {
        measure: `history page (50 of ${SETTINGS.historyEntries}): p99`,
        engine: `${ms(historyPage.p99)} (p50 ${ms(historyPage.p50)}, ${perS(historyPage.throughput)}, CPU ${ms(historyPage.serverCpuMsPerRequest)})`,
        target: '< 20 ms',
      },
      {
        measure: `chain verification (${verified} entries)`,
        engine: `${round(verifyRate, 0)} entries/s (${round(percentile(verifyTimes, 50), 2)} s)`,
        target: '≥ 100 000/s',
      },
      {
        measure: `chain verification, raw batches of ${VERIFY_STORED_BATCH} (no HTTP)`,
        engine: `${round(rawVerified / percentile(rawVerifyTimes, 50), 0)} entries/s (${round(percentile(rawVerifyTimes, 50), 2)} s)`,
        target: '≥ 100 000/s',
      },
      {
        measure: `steering-board queue (${SETTINGS.queueCooperations}): p99`,
        engine: queue ? `${ms(queue.p99)} (p50 ${ms(queue.p50)})${failures(queue)}` : 'n/a (not built yet)',
        target: '< 50 ms',
      },
      {
        measure: 'cold start, embedded: fresh / existing dir',
        engine: `${round(coldStart[0], 2)} s / ${round(coldStart[1], 2)} s`,
        target: '< 3 s',
      },
      { measure: 'server peak RSS', engine: `${round(peakRss, 0)} MiB` },
    ];
    printTable(rows);
    Object.assign(results, {
      startedAt: started.toISOString(),
      quick: QUICK,
      machine,
      database: { mode: target.mode, description: await target.describe() },
      settings: { ...SETTINGS, connections: CONNECTIONS, readConnections: READ_CONNECTIONS },
      floor: { spread: floorSpread, hot: floorHotResult, fourRoundTrips: { spread: leanSpread, hot: leanHot } },
      engine: { spread: engineSpread, hot: engineHotResult },
      ratio: {
        spread: engineSpread.throughput / floorSpread.throughput,
        hot: engineHotResult.throughput / floorHotResult.throughput,
      },
      reads: {
        historyPage,
        verify: { entries: verified, seconds: verifyTimes, entriesPerSecond: verifyRate },
        verifyStoredChain: {
          batch: VERIFY_STORED_BATCH,
          entries: rawVerified,
          seconds: rawVerifyTimes,
          entriesPerSecond: rawVerified / percentile(rawVerifyTimes, 50),
        },
        queue: queue ?? 'n/a (not built yet)',
      },
      coldStartSeconds: { fresh: coldStart[0], existing: coldStart[1] },
      peakRssMiB: peakRss,
      rows,
    });
    const file = join(resultsDir, `${stamp}.json`);
    writeFileSync(file, JSON.stringify(results, null, 2));
    log(`\nwritten: ${file}\nrerun: ${QUICK ? 'npm run bench -- --quick' : 'npm run bench'}`);
  } finally {
    if (server) await server.stop('SIGKILL');
    await target.cleanup();
  }
}

/** Whether the built server has GET /api/v1/escalations (an unknown route is 404 with "Cannot GET"). */
async function routeExists(server: ServerProcess): Promise<boolean> {
  const board = await issueDevelopmentToken(
    { sub: 'board-heek', role: 'steering-board', municipality: HEEK.ags },
    JWT_SECRET,
  );
  const res = await fetch(`${server.url}/api/v1/escalations`, { headers: { authorization: `Bearer ${board}` } });
  const text = await res.text();
  return !(res.status === 404 && /Cannot GET/i.test(text));
}

function printTable(rows: Row[]): void {
  const headers: Row = {
    measure: 'measure',
    floor: 'floor (pg direct)',
    engine: 'engine (HTTP)',
    ratio: 'engine/floor',
    target: 'target',
  };
  const keys = Object.keys(headers) as (keyof Row)[];
  const widths = keys.map((k) => Math.max(...[headers, ...rows].map((r) => (r[k] ?? '').length)));
  const line = (r: Row) => `| ${keys.map((k, i) => (r[k] ?? '').padEnd(widths[i])).join(' | ')} |`;
  log('');
  log(line(headers));
  log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) log(line(r));
}

main()
  .then(() => process.exit(0))
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    await sleep(10);
    process.exit(1);
  });
