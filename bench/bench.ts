/**
 * `npm run bench [-- --quick]`: the engine against the physical limit of its store, on this machine.
 *
 * 1. the FLOOR: one lifecycle transition's database work done directly with `pg` (lock the row
 *    FOR UPDATE, read the chain head, insert a sha256-chained history entry, update the snapshot,
 *    commit) from 32 concurrent clients, spread over N cooperations and on one hot cooperation;
 * 2. the ENGINE: the same two shapes through `POST /api/v1/cooperations/{id}/events` of the built
 *    server in a child process, driven by autocannon with 32 connections;
 * 3. reads: a history page of a cooperation with 100 000 entries, `/history/verify`, the
 *    steering-board queue over 10 000 cooperations of which 3 000 hold 4 800 open cases
 *    (bench/lib/queue-data.ts), cold start of the embedded default;
 * 4. the console: its initial JS and CSS, and a fresh chromium's first load (bench/lib/console-load.ts);
 * 5. peak RSS of the server process.
 *
 * Runs against DATABASE_URL (in a schema of its own, dropped afterwards) or the embedded default
 * (a fresh data directory, removed afterwards). Traffic goes to 127.0.0.1 only.
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { issueDevelopmentToken } from '../src/auth/token-issuer';
import { COORD_HEEK, HEEK, OPENING } from '../test/fixtures/building-yard.scenario';
import { EmbeddedPostgres } from '../src/database/embedded-postgres';
import {
  chainEntry,
  type HistoryEntry,
  type HistoryEntryContent,
  HistoryRepository,
  pgQuery,
  VERIFY_STORED_BATCH,
} from '../src/history';
import type { Overrides } from '../test/support/test-database';
import { APPOINT_CONTACT, appointContent, fourRoundTrips, runFloor, sixRoundTrips } from './lib/floor';
import { consoleBundleSize, consoleFirstLoad } from './lib/console-load';
import { buildQueueTemplates, type QueueTemplate, seedQueue } from './lib/queue-data';
import { busyWarning, FLOOR_NOTE, loadAverage, printTable, round, type Row } from './lib/report';
import { ensureBuilt, freePort, ROOT, ServerProcess } from './lib/server-process';
import { type LoadResult, percentile } from './lib/stats';

const QUICK = process.argv.includes('--quick');
/** `--profile`: the server writes V8 CPU profiles (one per server process) to bench/results/profiles/. */
const PROFILE = process.argv.includes('--profile');
const CONNECTIONS = 32;
const READ_CONNECTIONS = 8;
/** `queueClones`: of the `queueCooperations`, how many hold escalation cases (1–2 open each, bench/lib/queue-data.ts). */
const SETTINGS = QUICK
  ? {
      cooperations: 100,
      historyEntries: 10_000,
      seconds: 3,
      warmup: 1,
      verifyRuns: 1,
      queueCooperations: 1_000,
      queueClones: 300,
    }
  : {
      cooperations: 1_000,
      historyEntries: 100_000,
      seconds: 15,
      warmup: 3,
      verifyRuns: 3,
      queueCooperations: 10_000,
      queueClones: 3_000,
    };

const JWT_SECRET = randomBytes(32).toString('hex');
const API = '/api/v1/cooperations';

const APPOINT_BODY = JSON.stringify(APPOINT_CONTACT);

const log = (line: string) => console.log(line);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Target {
  mode: 'postgres' | 'embedded';
  /** Environment of the spawned server. */
  serverEnv: Record<string, string | undefined>;
  /** Settings of a module in this process on the same database (only while the server is stopped, embedded). */
  inProcess: Overrides;
  /** A pool straight to the database, beside the server (only while the server is stopped, embedded). */
  /** `socketPool`: the embedded database also through a loopback socket (the server's path before proposal 7). */
  openDirect(max: number): Promise<{ pool: Pool; socketPool?: Pool; close: () => Promise<void> }>;
  describe(): Promise<string>;
  cleanup(): Promise<void>;
}

function postgresTarget(url: string): Target {
  const schema = `bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const options = `-c search_path=${schema}`;
  return {
    mode: 'postgres',
    serverEnv: { DATABASE_URL: url, DATABASE_SCHEMA: schema },
    inProcess: { DATABASE_URL: url, DATABASE_SCHEMA: schema },
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
    inProcess: { DATABASE_URL: '', IKZ_DATA_DIR: directory },
    openDirect: async () => {
      // PGlite has one session: the direct work goes through one connection without a socket, like
      // the server's pool; the socket pool is used only while the other is idle.
      const embedded = await EmbeddedPostgres.start(directory);
      const pool = new Pool({ ...embedded.pgConnection(), max: EmbeddedPostgres.poolSize });
      const socketPool = new Pool({ connectionString: embedded.url, max: EmbeddedPostgres.poolSize });
      return {
        pool,
        socketPool,
        close: async () => {
          await pool.end();
          await socketPool.end();
          await embedded.stop();
        },
      };
    },
    describe: () => Promise.resolve(`embedded default (PGlite in the server process, one connection) in ${directory}`),
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
        ...appointContent(id, new Date(start + sequence * 1000), null),
        sequence,
      };
      const entry = chainEntry(prev, content);
      prev = entry.hash;
      batch.push(entry);
    }
    await history.insert(batch);
  }
  await pool.query('UPDATE cooperations SET version = $2, head_hash = $3 WHERE id = $1', [id, entries, prev]);
}

// ---- main ------------------------------------------------------------------------------------

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
    loadAverageAtStart: loadAverage(),
    loadAverageAtEnd: [] as number[],
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
    // The bench measures the engine, not the per-caller limits (one caller sends everything).
    RATE_LIMIT_PER_MINUTE: '1000000000',
    MAX_COOPERATIONS_PER_CALLER_PER_DAY: '1000000000',
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
    // The queue's 10 000: the building yard (the templates' cooperation), its clones holding the
    // open cases, and cooperations in partnerSearch without cases.
    let queueIds: string[] = [];
    let queueTemplates: QueueTemplate[] = [];
    if (queueBuilt) {
      t0 = performance.now();
      queueIds = await openCooperations(
        server,
        token,
        SETTINGS.queueCooperations - 2 * SETTINGS.cooperations - 3 - 1 - SETTINGS.queueClones,
        'queue',
      );
      log(`opened ${queueIds.length} more for the steering-board queue in ${round((performance.now() - t0) / 1000)} s`);
    }
    await stopServer();
    if (queueBuilt) {
      t0 = performance.now();
      queueTemplates = await buildQueueTemplates(target.inProcess);
      log(
        `drove a building yard to active with escalation cases (${queueTemplates.length} templates) ` +
          `in ${round((performance.now() - t0) / 1000)} s`,
      );
    }

    // 2. Straight to the database: the long history, the queue's clones, then the floor.
    const direct = await target.openDirect(CONNECTIONS);
    let openCases = 0;
    let floorSpread: LoadResult;
    let floorHotResult: LoadResult;
    let sixSpread: LoadResult;
    let sixHot: LoadResult;
    let overSocket: LoadResult | null = null;
    // The raw path in this process, A/B: hashing in worker threads, and in this thread (IKZ_VERIFY_WORKERS=0).
    const rawVerify = {
      workers: { seconds: [] as number[], entries: 0 },
      inline: { seconds: [] as number[], entries: 0 },
    };
    try {
      t0 = performance.now();
      await seedHistory(direct.pool, long, SETTINGS.historyEntries);
      log(
        `seeded ${SETTINGS.historyEntries} chained history entries by SQL in ${round((performance.now() - t0) / 1000)} s`,
      );
      if (queueTemplates.length > 0) {
        t0 = performance.now();
        openCases = await seedQueue(direct.pool, queueTemplates, SETTINGS.queueClones);
        log(
          `cloned ${SETTINGS.queueClones} cooperations with escalation cases by SQL (${openCases} open cases) ` +
            `in ${round((performance.now() - t0) / 1000)} s`,
        );
      }
      const workersSetting = process.env.IKZ_VERIFY_WORKERS;
      // Untimed: starts the worker threads, which the server has done by its second verification too.
      await new HistoryRepository(pgQuery(direct.pool)).verify(long);
      for (let i = 0; i < SETTINGS.verifyRuns; i++) {
        for (const [mode, setting] of [
          ['workers', workersSetting],
          ['inline', '0'],
        ] as const) {
          if (setting === undefined) delete process.env.IKZ_VERIFY_WORKERS;
          else process.env.IKZ_VERIFY_WORKERS = setting;
          const v0 = performance.now();
          const r = await new HistoryRepository(pgQuery(direct.pool)).verify(long);
          if (!r.valid) throw new Error(`HistoryRepository.verify: ${JSON.stringify(r)}`);
          rawVerify[mode].seconds.push((performance.now() - v0) / 1000);
          rawVerify[mode].entries = r.entries;
        }
      }
      if (workersSetting === undefined) delete process.env.IKZ_VERIFY_WORKERS;
      else process.env.IKZ_VERIFY_WORKERS = workersSetting;
      for (const r of Object.values(rawVerify)) r.seconds.sort((a, b) => a - b);
      log(`floor: ${CONNECTIONS} clients, ${SETTINGS.seconds} s per shape …`);
      floorSpread = await runFloor(
        direct.pool,
        floorIds,
        CONNECTIONS,
        SETTINGS.seconds,
        SETTINGS.warmup,
        fourRoundTrips,
      );
      floorHotResult = await runFloor(direct.pool, [floorHot], CONNECTIONS, SETTINGS.seconds, 0, fourRoundTrips);
      log(`floor in 6 round trips (the shape before head_hash) …`);
      sixSpread = await runFloor(direct.pool, floorIds, CONNECTIONS, SETTINGS.seconds, 0, sixRoundTrips);
      sixHot = await runFloor(direct.pool, [floorHot], CONNECTIONS, SETTINGS.seconds, 0, sixRoundTrips);
      if (direct.socketPool) {
        log(`floor through a loopback socket (the embedded server's path before proposal 7) …`);
        overSocket = await runFloor(direct.socketPool, floorIds, CONNECTIONS, SETTINGS.seconds, 0, fourRoundTrips);
      }
    } finally {
      await direct.close();
    }

    // 3. The engine, restarted on the same data.
    const engineSpawnedAt = performance.now();
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
    let queue: HttpResult | null = null;
    if (queueBuilt) {
      const board = await issueDevelopmentToken(
        { sub: 'board-heek', role: 'steering-board', municipality: HEEK.ags },
        JWT_SECRET,
      );
      // The data is what it should be: a full first page, and more after it.
      const first = await fetch(`${server.url}/api/v1/escalations?limit=50`, {
        headers: { authorization: `Bearer ${board}` },
      });
      const page = (await first.json()) as { items?: Array<{ mayAct: boolean }>; next?: string | null };
      if (first.status !== 200 || page.items?.length !== 50 || !page.next || !page.items.every((e) => e.mayAct)) {
        throw new Error(`the queue's first page: ${first.status} ${JSON.stringify(page).slice(0, 500)}`);
      }
      const queueFrom = (performance.now() - engineSpawnedAt) / 1000;
      queue = await cannon(server, board, {
        connections: READ_CONNECTIONS,
        seconds: Math.max(2, Math.round(SETTINGS.seconds / 2)),
        method: 'GET',
        path: () => '/api/v1/escalations?limit=50',
      });
      if (PROFILE) {
        const queueTo = (performance.now() - engineSpawnedAt) / 1000;
        log(`profile: the queue ran ${round(queueFrom, 1)}–${round(queueTo, 1)} s after the server was spawned`);
      }
    }

    // 4a. The console, served by the same server: its initial bundle and a fresh browser's first load.
    const bundle = consoleBundleSize(join(ROOT, 'dist', 'console'));
    const firstLoad = bundle
      ? await consoleFirstLoad(
          server.url,
          {
            token,
            sub: COORD_HEEK.sub,
            role: 'coordinator',
            municipality: HEEK.ags,
            municipalityName: HEEK.name,
            expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
          },
          QUICK ? 3 : 5,
        )
      : { missing: 'console not built' };
    await stopServer();

    // 4b. On PostgreSQL, the commands again with one server process per core (WORKERS=auto). The
    // server CPU is the primary's only here, so the rows give throughput and latency.
    let clustered: { spread: HttpResult; hot: HttpResult; processes: number } | null = null;
    if (target.mode === 'postgres') {
      server = ServerProcess.spawn({
        port: await freePort(),
        env: { ...serverEnv, WORKERS: 'auto' },
        logFile: serverLog,
        nodeArgs,
      });
      await server.waitHealthy(120_000);
      await sleep(3_000); // the other processes start once the first listens
      log(`engine with WORKERS=auto (${cpus().length} processes) …`);
      const load = (ids: string[]) =>
        cannon(server!, token, {
          connections: CONNECTIONS,
          seconds: SETTINGS.seconds,
          method: 'POST',
          path: eventsOf(ids),
          body: APPOINT_BODY,
        });
      clustered = { spread: await load(engineIds), hot: await load([engineHot]), processes: cpus().length };
      await stopServer();
    }

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
    const postgres = target.mode === 'postgres';
    const ms = (n: number) => `${round(n, 1)} ms`;
    const kib = (bytes: number) => `${round(bytes / 1024, 1)} KiB`;
    const perS = (n: number) => `${round(n, 0)}/s`;
    const pct = (engine: number, floor: number) => `${round((100 * engine) / floor, 0)} %`;
    const failures = (r: HttpResult) => (r.failed > 0 ? ` (${r.non2xx} non-2xx, ${r.errors} errors)` : '');
    const verifyRateOf = (r: { seconds: number[]; entries: number }) => r.entries / percentile(r.seconds, 50);
    const shape = (name: string, floor: LoadResult, engine: HttpResult, latencyTarget: boolean): Row[] => [
      {
        measure: `${name}: transitions/s`,
        floor: perS(floor.throughput),
        engine: perS(engine.throughput) + failures(engine),
        ratio: pct(engine.throughput, floor.throughput),
        target: '≥ 50 %',
        pass: engine.throughput >= 0.5 * floor.throughput,
      },
      { measure: `${name}: p50`, floor: ms(floor.p50), engine: ms(engine.p50) },
      {
        measure: `${name}: p99`,
        floor: ms(floor.p99),
        engine: ms(engine.p99),
        ...(latencyTarget ? { target: '< 50 ms', pass: engine.p99 < 50 } : {}),
      },
      { measure: `${name}: server CPU per transition`, engine: ms(engine.serverCpuMsPerRequest) },
    ];
    const verifyRate = verified / percentile(verifyTimes, 50);
    const rows: Row[] = [
      // The issue's latency target is PostgreSQL's: the embedded default has one session.
      ...shape(`spread over ${SETTINGS.cooperations}`, floorSpread, engineSpread, postgres),
      ...shape('one hot cooperation', floorHotResult, engineHotResult, false),
      ...(clustered
        ? [
            {
              measure: `WORKERS=auto (${clustered.processes} processes): spread / hot transitions/s`,
              floor: `${perS(floorSpread.throughput)} / ${perS(floorHotResult.throughput)}`,
              engine:
                `${perS(clustered.spread.throughput)}${failures(clustered.spread)} / ` +
                `${perS(clustered.hot.throughput)}${failures(clustered.hot)}`,
              ratio: `${pct(clustered.spread.throughput, floorSpread.throughput)} / ${pct(clustered.hot.throughput, floorHotResult.throughput)}`,
              target: '≥ 50 %',
              pass: clustered.spread.throughput >= 0.5 * floorSpread.throughput,
            },
            {
              measure: 'WORKERS=auto: spread p99 / hot p99',
              engine: `${ms(clustered.spread.p99)} / ${ms(clustered.hot.p99)}`,
              target: '< 50 ms',
              pass: clustered.spread.p99 < 50,
            },
          ]
        : []),
      {
        measure: 'floor in 6 round trips: spread / hot',
        floor: `${perS(sixSpread.throughput)} / ${perS(sixHot.throughput)}`,
        ratio: `4 round trips: ${pct(floorSpread.throughput, sixSpread.throughput)} / ${pct(floorHotResult.throughput, sixHot.throughput)} of 6`,
      },
      ...(overSocket
        ? [
            {
              measure: 'floor through a loopback socket: spread',
              floor: perS(overSocket.throughput),
              ratio: `in-process: ${pct(floorSpread.throughput, overSocket.throughput)} of socket`,
            },
          ]
        : []),
      {
        measure: `history page (50 of ${SETTINGS.historyEntries}): p99`,
        engine: `${ms(historyPage.p99)} (p50 ${ms(historyPage.p50)}, ${perS(historyPage.throughput)}, CPU ${ms(historyPage.serverCpuMsPerRequest)})`,
        target: '< 20 ms',
        pass: historyPage.p99 < 20,
      },
      {
        measure: `chain verification (${verified} entries)`,
        engine: `${round(verifyRate, 0)} entries/s (${round(percentile(verifyTimes, 50), 2)} s)`,
        target: '≥ 100 000/s',
        pass: verifyRate >= 100_000,
      },
      {
        measure: `chain verification, no HTTP: worker threads / this thread`,
        engine:
          `${round(verifyRateOf(rawVerify.workers), 0)} / ${round(verifyRateOf(rawVerify.inline), 0)} entries/s ` +
          `(batches of ${VERIFY_STORED_BATCH})`,
      },
      {
        measure: `steering-board queue (${SETTINGS.queueCooperations}, ${openCases} open cases): p99`,
        engine: queue
          ? `${ms(queue.p99)} (p50 ${ms(queue.p50)}, ${perS(queue.throughput)}, CPU ${ms(queue.serverCpuMsPerRequest)})${failures(queue)}`
          : 'n/a (not built yet)',
        target: '< 50 ms',
        ...(queue ? { pass: queue.p99 < 50 && queue.failed === 0 } : {}),
      },
      {
        measure: 'console: initial JS + CSS, raw / gzip',
        engine: bundle
          ? `${kib(bundle.rawBytes)} / ${kib(bundle.gzipBytes)} (${bundle.files.length} files)`
          : 'n/a (console not built)',
        target: '≤ 300 KiB gzip',
        ...(bundle ? { pass: bundle.gzipBytes <= 300 * 1024 } : {}),
      },
      {
        measure: 'console first load: sign-in page / cooperation list',
        engine:
          'missing' in firstLoad
            ? `n/a (${firstLoad.missing})`
            : `${ms(firstLoad.signIn.p50)} / ${ms(firstLoad.cooperationList.p50)} (median of ${firstLoad.signIn.runs.length})`,
      },
      {
        measure: 'cold start, embedded: fresh / existing dir',
        engine: `${round(coldStart[0], 2)} s / ${round(coldStart[1], 2)} s`,
        target: '< 3 s',
        pass: coldStart[0] < 3 && coldStart[1] < 3,
      },
      {
        measure: 'server peak RSS',
        engine: `${round(peakRss, 0)} MiB`,
        ...(postgres ? {} : { target: '≤ 400 MiB', pass: peakRss <= 400 }),
      },
    ];
    machine.loadAverageAtEnd = loadAverage();
    printTable(rows, log);
    log('');
    for (const line of FLOOR_NOTE) log(line);
    log(`load average at start ${machine.loadAverageAtStart.join(' ')}, at end ${machine.loadAverageAtEnd.join(' ')}`);
    const busy = busyWarning(machine.nproc, machine.loadAverageAtStart, machine.loadAverageAtEnd);
    if (busy) log(busy);
    Object.assign(results, {
      startedAt: started.toISOString(),
      quick: QUICK,
      machine,
      busy: busy !== null,
      database: { mode: target.mode, description: await target.describe() },
      settings: { ...SETTINGS, connections: CONNECTIONS, readConnections: READ_CONNECTIONS },
      floor: {
        spread: floorSpread,
        hot: floorHotResult,
        sixRoundTrips: { spread: sixSpread, hot: sixHot },
        overSocket: overSocket ?? 'n/a (PostgreSQL)',
      },
      engine: { spread: engineSpread, hot: engineHotResult, workersAuto: clustered ?? 'n/a (embedded default)' },
      ratio: {
        spread: engineSpread.throughput / floorSpread.throughput,
        hot: engineHotResult.throughput / floorHotResult.throughput,
      },
      reads: {
        historyPage,
        verify: { entries: verified, seconds: verifyTimes, entriesPerSecond: verifyRate },
        verifyNoHttp: {
          batch: VERIFY_STORED_BATCH,
          workers: { ...rawVerify.workers, entriesPerSecond: verifyRateOf(rawVerify.workers) },
          inline: { ...rawVerify.inline, entriesPerSecond: verifyRateOf(rawVerify.inline) },
        },
        queue: queue ? { ...queue, openCases, cooperations: SETTINGS.queueCooperations } : 'n/a (not built yet)',
      },
      console: {
        bundle: bundle ?? 'n/a (console not built)',
        firstLoadMs: 'missing' in firstLoad ? `n/a (${firstLoad.missing})` : firstLoad,
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

main()
  .then(() => process.exit(0))
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    await sleep(10);
    process.exit(1);
  });
