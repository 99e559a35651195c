/** The bench's table: one row per measure, a pass/fail column against its target, the machine's load. */
import { loadavg } from 'node:os';

export interface Row {
  measure: string;
  floor?: string;
  engine?: string;
  ratio?: string;
  target?: string;
  /** Whether the target is met; undefined where the row has no target (or not on this store). */
  pass?: boolean;
}

export const round = (n: number, digits = 1) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : null);

export const loadAverage = () => loadavg().map((l) => round(l, 2) ?? 0);

/** Above this 1-minute load per core other work skews the figures noticeably. */
const BUSY_LOAD_PER_CORE = 0.75;

/** A warning line when the machine was busy at the start or the end of the run, else null. */
export function busyWarning(cores: number, atStart: number[], atEnd: number[]): string | null {
  const busiest = Math.max(atStart[0], atEnd[0]);
  if (busiest <= BUSY_LOAD_PER_CORE * cores) return null;
  return (
    `WARNING: the machine was busy (load average ${atStart.join(' ')} at the start, ${atEnd.join(' ')} at the end, ` +
    `${cores} cores): other work shares the cores, so throughput is lower and latency higher than on an idle ` +
    `machine. Quote figures from a run with a load average below ${BUSY_LOAD_PER_CORE * cores}.`
  );
}

export const FLOOR_NOTE = [
  'floor: the cheapest shape of the same database work, straight through pg without HTTP or framework:',
  '  BEGIN; SELECT state, version, head_hash … FOR UPDATE; one statement inserting the hashed history entry and',
  '  updating snapshot, version and chain head (a data-modifying CTE); COMMIT — four round trips, the shape the',
  '  engine uses. "floor in 6 round trips" is the shape before it (head read from the history, entry and snapshot',
  '  as separate statements), for comparison. The engine makes the same four round trips, but its one write',
  '  also inserts the outbox row and the personal-data record of APPOINT_CONTACT, so engine/floor below 100 %',
  '  is expected.',
];

export function printTable(rows: Row[], log: (line: string) => void): void {
  const headers = {
    measure: 'measure',
    floor: 'floor (pg direct)',
    engine: 'engine (HTTP)',
    ratio: 'engine/floor',
    target: 'target',
    result: 'pass/fail',
  };
  const cells = (r: Row) => ({
    measure: r.measure,
    floor: r.floor ?? '',
    engine: r.engine ?? '',
    ratio: r.ratio ?? '',
    target: r.target ?? '',
    result: r.pass === undefined ? '' : r.pass ? 'pass' : 'FAIL',
  });
  const keys = Object.keys(headers) as (keyof typeof headers)[];
  const all = [headers, ...rows.map(cells)];
  const widths = keys.map((k) => Math.max(...all.map((r) => r[k].length)));
  const line = (r: typeof headers) => `| ${keys.map((k, i) => r[k].padEnd(widths[i])).join(' | ')} |`;
  log('');
  log(line(headers));
  log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) log(line(cells(r)));
  const failed = rows.filter((r) => r.pass === false).map((r) => r.measure);
  const checked = rows.filter((r) => r.pass !== undefined).length;
  log('');
  log(
    failed.length === 0
      ? `targets: all ${checked} met`
      : `targets: ${checked - failed.length} of ${checked} met; missed: ${failed.join('; ')}`,
  );
}
