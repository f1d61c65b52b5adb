import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { BulkResult } from './bulk';
import type { InstancesResult } from './instances';
import type { LoadResult } from './load';
import type { FlowResult } from './receipt-flow';
import type { SubscriptionsResult } from './subscriptions';

/** Formats a run's figures as a console table and as the results section of BENCHMARKS.md. */
export interface Row {
  id: string;
  label: string;
  /** Closed-loop connections; 0 for an open-loop row (see `load`). */
  connections: number;
  /** How the load was offered, when not `connections` closed loop (e.g. `300/s open`). */
  load?: string;
  result: LoadResult;
  /** The scenario this one is compared with (default: the subgraph's primary-key query). */
  baseline?: string;
  /** The same statements from a bare mysql2 pool, same connections (floor.ts). */
  floor?: LoadResult & { statements: number };
  /** A goal checked on the row's own run (the receipt runs), instead of the table's. */
  goal?: Goal;
}

export interface Goal {
  text: string;
  met: boolean;
}

export const BASELINE = 'subgraph';
const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';
/** The floor's share the issue asks of receipts and verify. */
const FLOOR_SHARE = 0.5;

function baseline(rows: Row[], connections: number, id = BASELINE): LoadResult | undefined {
  return rows.find((r) => r.id === id && r.connections === connections && r.connections > 0)?.result;
}

/** A row others are compared with, unless it is compared with another itself. */
const isBaseline = (rows: Row[], r: Row) =>
  r.id === BASELINE || ((!r.baseline || r.baseline === r.id) && rows.some((o) => o.baseline === r.id));

const fixed = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const signed = (n: number) => (Number.isFinite(n) ? `${n >= 0 ? '+' : ''}${n.toFixed(2)}` : 'n/a');
const plural = (c: number) => `${c} connection${c > 1 ? 's' : ''}`;

/** The issue's goal for a row (from its figures, its baseline's and its floor's), if it has one. */
export function rowGoal(rows: Row[], r: Row): Goal | undefined {
  if (r.goal) return r.goal;
  const get = (id: string) => rows.find((o) => o.id === id && o.connections === r.connections)?.result;
  const { rps, p50, p99 } = r.result;
  const floorOk = !!r.floor && rps / r.floor.rps >= FLOOR_SHARE;
  const throughput = (min: number, maxP99: number, withFloor: boolean): Goal => ({
    text: `≥ ${min}/s, p99 < ${maxP99} ms${withFloor ? `, ≥ ${FLOOR_SHARE}× floor` : ''}`,
    met: rps >= min && p99 < maxP99 && (!withFloor || floorOk),
  });
  if ((r.id === 'apollo' || r.id === 'apollo-http') && r.connections === 10) {
    const b = get(BASELINE);
    if (b) return { text: '≥ 0.90× subgraph', met: rps / b.rps >= 0.9 };
  }
  if ((r.id === 'apollo' || r.id === 'apollo-http') && r.connections === 1) {
    const b = get(BASELINE);
    if (b) return { text: '< +1 ms p50 over subgraph', met: p50 - b.p50 < 1 };
  }
  if (r.id === 'hive') {
    const apollo = get('apollo-http');
    if (apollo) return { text: 'Apollo over HTTP ahead of it', met: apollo.rps > rps };
  }
  if (r.connections !== 10) return undefined;
  switch (r.id) {
    case 'rest':
      return throughput(500, 50, false);
    case 'put-rest':
      return throughput(400, 100, false);
    case 'avviso-pdf':
      return throughput(100, 200, false);
    case 'pa-verify':
      return throughput(1000, 50, !!r.floor);
    case 'pa-send-rt':
      return throughput(300, 100, !!r.floor);
    default:
      return undefined;
  }
}

function cells(rows: Row[]): string[][] {
  return rows.map((r) => {
    const base = baseline(rows, r.connections, r.baseline);
    const isBase = isBaseline(rows, r);
    const goal = rowGoal(rows, r);
    return [
      r.label,
      r.load ?? String(r.connections),
      fixed(r.result.rps, 0),
      fixed(r.result.p50, 2),
      fixed(r.result.p99, 2),
      isBase ? '1.00' : base ? fixed(r.result.rps / base.rps, 2) : '',
      isBase || !base ? '' : signed(r.result.p50 - base.p50),
      String(r.result.errors),
      r.floor ? fixed(r.floor.rps, 0) : '',
      r.floor ? fixed(r.result.rps / r.floor.rps, 2) : '',
      goal?.text ?? '',
      goal ? (goal.met ? 'met' : 'not met') : '',
    ];
  });
}

const HEADER = [
  'scenario',
  'conns',
  'req/s',
  'p50 ms',
  'p99 ms',
  'req/s ÷ baseline',
  'p50 vs baseline ms',
  'errors',
  'floor req/s',
  'req/s ÷ floor',
  'goal',
  'met',
];

export function consoleTable(rows: Row[]): string {
  const all = [HEADER, ...cells(rows)];
  const widths = HEADER.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  const line = (row: string[]) => row.map((c, i) => (i === 0 || i >= 10 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(HEADER), widths.map((w) => '-'.repeat(w)).join('  '), ...cells(rows).map(line)].join('\n');
}

export function markdownTable(rows: Row[]): string {
  const line = (row: string[]) => `| ${row.join(' | ')} |`;
  return [line(HEADER), line(HEADER.map((_, i) => (i === 0 || i >= 10 ? '---' : '---:'))), ...cells(rows).map(line)].join('\n');
}

/** The row of the end-to-end receipt run, its goal checked on everything that run counted. */
export function flowRow(flow: FlowResult, o: { rate: number; seconds: number }): Row {
  const b = flow.backlog;
  const allPublished = flow.published.every((n) => n === flow.acknowledged);
  const met =
    flow.rps >= 300 &&
    !flow.errors &&
    flow.notified === flow.acknowledged &&
    !flow.duplicated &&
    allPublished &&
    b.drainSeconds !== undefined &&
    b.drainSeconds <= 5;
  return {
    id: 'receipts-e2e',
    label: `paSendRTV2 end to end (${o.rate}/s for ${o.seconds} s; the Ente notified, events published)`,
    connections: 0,
    load: `${o.rate}/s open`,
    result: { requests: flow.acknowledged, errors: flow.errors, seconds: flow.seconds, rps: flow.rps, p50: flow.p50, p99: flow.p99 },
    goal: { text: '≥ 300/s sustained, all notified and published, backlog 0 ≤ 5 s after', met },
  };
}

/** The row of the two-instance run. */
export function instancesRow(r: InstancesResult): Row {
  const f = r.flow;
  const met = r.lost === 0 && f.notified === f.acknowledged && !f.duplicated && f.published.every((n) => n === f.acknowledged);
  return {
    id: 'receipts-two-instances',
    label: 'paSendRTV2 on two hub instances (one MariaDB, one Redis), connections alternating',
    connections: r.connections,
    baseline: 'pa-send-rt',
    result: { requests: f.acknowledged, errors: f.errors, seconds: f.seconds, rps: f.rps, p50: f.p50, p99: f.p99 },
    goal: { text: 'none lost, each job once, every subscriber every event', met },
  };
}

function describeFlow(f: FlowResult): string {
  const b = f.backlog;
  const after = ([1, 5, 10] as const).map((s) => `+${s} s ${b.after[s] ?? 0}`).join(', ');
  const drained =
    b.drainSeconds === undefined ? 'not empty 30 s after the last answer' : `empty ${fixed(b.drainSeconds, 1)} s after the last answer`;
  return (
    `${f.sent} sent, ${f.acknowledged} acknowledged (${f.errors} not; ${f.refusals} "busy, retry" answers, each sent again after a growing, spread wait), ${f.jobs} outbox jobs (${f.retried} failed at least once${f.error ? `, e.g. ${JSON.stringify(f.error.slice(0, 200))}` : ''}); the Ente notified of ${f.notified} (${f.duplicated} more than once); ` +
    `events seen by ${f.published.map((n, i) => `subscriber ${i + 1}: ${n}`).join(', ')}; backlog max ${b.max}, ${after}; ${drained}`
  );
}

export interface Extras {
  bulk?: BulkResult;
  subscriptions?: SubscriptionsResult;
  flow?: FlowResult;
  instances?: InstancesResult;
}

/** The issue's goals, checked on this run's figures: each row's, then the runs that are not rows. */
export function goals(rows: Row[], x: Extras = {}): string[] {
  const out: string[] = [];
  for (const r of rows) {
    const g = rowGoal(rows, r);
    if (!g) continue;
    const floor = r.floor
      ? `, ${fixed(r.result.rps / r.floor.rps, 2)}× its floor (${fixed(r.floor.rps, 0)}/s, p50 ${fixed(r.floor.p50, 1)} ms, p99 ${fixed(r.floor.p99, 1)} ms, ${r.floor.statements} statements per operation${r.floor.errors ? `, ${r.floor.errors} failed` : ''})`
      : '';
    out.push(
      `${r.label}, ${r.load ?? plural(r.connections)}: ${fixed(r.result.rps, 0)}/s, p50 ${fixed(r.result.p50, 1)} ms, p99 ${fixed(r.result.p99, 1)} ms${floor} (goal ${g.text}): ${g.met ? 'met' : 'not met'}`,
    );
  }
  if (x.flow) out.push(`Receipts end to end: ${describeFlow(x.flow)}`);
  if (x.instances)
    out.push(`Two instances, ${plural(x.instances.connections)}: ${describeFlow(x.instances.flow)}; ${x.instances.lost} lost`);
  if (x.bulk) {
    const bulk = x.bulk;
    const rate = bulk.rows / bulk.totalSeconds;
    out.push(
      `Bulk load: ${bulk.rows} pendenze in one tracciato in ${fixed(bulk.totalSeconds, 1)} s (upload ${fixed(bulk.uploadSeconds, 1)} s), ${fixed(rate, 0)} pendenze/s, ${bulk.failed} failed (goal 100,000 in < 60 s): ${bulk.rows >= 100_000 && bulk.totalSeconds < 60 && !bulk.failed ? 'met' : 'not met'}`,
    );
  }
  if (x.subscriptions) {
    const s = x.subscriptions;
    const ok = s.p99 < 200 && s.lost === 0;
    out.push(
      `Live esiti: ${s.subscriptions} open subscriptions, ${s.deliveries} deliveries of ${s.events} events, p50 ${fixed(s.p50, 1)} ms, p99 ${fixed(s.p99, 1)} ms from commit to client, ${s.lost} lost (goal p99 < 200 ms); gateway RSS ${fixed(s.memory.before.rssMiB, 0)} → ${fixed(s.memory.after.rssMiB, 0)} MiB, heap ${fixed(s.memory.before.heapUsedMiB, 0)} → ${fixed(s.memory.after.heapUsedMiB, 0)} MiB with them open: ${ok ? 'met' : 'not met'}`,
    );
  }
  return out;
}

export function machine(): string {
  const cpu = cpus();
  return `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${process.platform}/${process.arch}`;
}

export function markdownSection(
  rows: Row[],
  o: { date: Date; database: string; warmupSeconds: number; seconds: number; notes?: string[] } & Extras,
): string {
  return [
    START,
    `### Latest run: ${o.date.toISOString().replace('T', ' ').slice(0, 16)} UTC`,
    '',
    `- Machine: ${machine()}`,
    `- Database: ${o.database}`,
    `- Each closed-loop row: ${o.warmupSeconds} s warm-up (discarded), then ${o.seconds} s measured; autocannon runs in the bench process, the hub, the second Apollo hub and Hive each in their own process. The floor of a row: the same SQL statements (bench/floor-statements.ts) from a bare mysql2 pool in the bench process, same connections, same timing, after the hub's rows. The open-loop row sends at a fixed rate whatever the answers take (latency counted from when each receipt was due).`,
    '',
    markdownTable(rows),
    '',
    'Goals (from the issue), on this run:',
    '',
    ...goals(rows, o).map((g) => `- ${g}`),
    ...(o.notes ?? []).map((n) => `- ${n}`),
    END,
  ].join('\n');
}

/** Replaces the results section of BENCHMARKS.md (between its markers), or appends one. */
export function writeSection(path: string, section: string): void {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const next =
    start >= 0 && end > start
      ? current.slice(0, start) + section + current.slice(end + END.length)
      : `${current.trimEnd()}\n\n## Results\n\n${section}\n`;
  writeFileSync(path, next);
}
