/**
 * The server as users run it — `node dist/src/main.js` in a process of its own — for the bench,
 * the reliability suite and the process-level tests of the embedded default.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const MAIN = join(ROOT, 'dist', 'src', 'main.js');

/** A free loopback port (closed again at once: a tiny race, acceptable for local tests). */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

/** Builds dist/ when it is missing or older than its sources (what `npm start` does first, too). */
export function ensureBuilt(): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-if-stale.js')], { cwd: ROOT, stdio: 'inherit' });
}

export interface ServerOptions {
  port: number;
  env: Record<string, string | undefined>;
  /** File the server's stdout and stderr are appended to; discarded when absent. */
  logFile?: string;
  /** Options for node itself, e.g. --cpu-prof. */
  nodeArgs?: string[];
}

/** One spawned server process. */
export class ServerProcess {
  readonly url: string;
  private exitCode: number | null | undefined;
  private exitSignal: NodeJS.Signals | null = null;
  private readonly exited: Promise<void>;
  private output = '';

  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {
    this.url = `http://127.0.0.1:${port}`;
    this.exited = new Promise((done) =>
      child.once('exit', (code, signal) => {
        this.exitCode = code;
        this.exitSignal = signal;
        done();
      }),
    );
  }

  static spawn(options: ServerOptions): ServerProcess {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...process.env, ...options.env })) if (v !== undefined) env[k] = v;
    env.HOST = '127.0.0.1';
    env.PORT = String(options.port);
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), MAIN], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new ServerProcess(child, options.port);
    const sink = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : null;
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk: Buffer) => {
        sink?.write(chunk);
        // The tail only: enough to explain a failed start.
        server.output = (server.output + chunk.toString()).slice(-8_000);
      });
    }
    child.once('exit', () => sink?.end());
    return server;
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.exitCode === undefined;
  }

  /** The last lines the server printed. */
  get lastOutput(): string {
    return this.output;
  }

  get exit(): { code: number | null; signal: NodeJS.Signals | null } | null {
    return this.exitCode === undefined ? null : { code: this.exitCode, signal: this.exitSignal };
  }

  /** Waits until GET /health answers 200; seconds it took from `since` (default: now). */
  async waitHealthy(timeoutMs = 60_000, since = performance.now()): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.running) {
        throw new Error(`server exited (${JSON.stringify(this.exit)}) before it was healthy:\n${this.output}`);
      }
      try {
        const res = await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(2_000) });
        if (res.status === 200) return (performance.now() - since) / 1000;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`server not healthy after ${timeoutMs} ms:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Peak resident set size so far, in MiB (Linux: VmHWM). */
  peakRssMiB(): number | null {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = /VmHWM:\s+(\d+) kB/.exec(status);
      return kb ? Number(kb[1]) / 1024 : null;
    } catch {
      return null;
    }
  }

  /** CPU time (user + system) the process has used so far, in seconds (Linux). */
  cpuSeconds(): number {
    try {
      const fields = readFileSync(`/proc/${this.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 per second on Linux).
      return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return NaN;
    }
  }

  kill(signal: NodeJS.Signals): void {
    if (this.running) this.child.kill(signal);
  }

  /** Sends `signal` (SIGTERM: the graceful stop) and waits for the process to end. */
  async stop(
    signal: NodeJS.Signals = 'SIGTERM',
    timeoutMs = 30_000,
  ): Promise<{ code: number | null; signal: string | null }> {
    this.kill(signal);
    const timer = setTimeout(() => this.kill('SIGKILL'), timeoutMs);
    await this.exited;
    clearTimeout(timer);
    return this.exit!;
  }

  async waitExit(): Promise<void> {
    await this.exited;
  }
}
