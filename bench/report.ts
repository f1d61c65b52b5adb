import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { BulkResult } from './bulk';
import type { LoadResult } from './load';
import type { SubscriptionsResult } from './subscriptions';

/** Formats a run's figures as a console table and as the results section of BENCHMARKS.md. */
export interface Row {
  id: string;
  label: string;
  connections: number;
  result: LoadResult;
  /** The scenario this one is compared with (default: the subgraph's primary-key query). */
  baseline?: string;
}

export const BASELINE = 'subgraph';
const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

function baseline(rows: Row[], connections: number, id = BASELINE): LoadResult | undefined {
  return rows.find((r) => r.id === id && r.connections === connections)?.result;
}

const isBaseline = (rows: Row[], r: Row) => r.id === BASELINE || rows.some((o) => o.baseline === r.id);

const fixed = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const signed = (n: number) => (Number.isFinite(n) ? `${n >= 0 ? '+' : ''}${n.toFixed(2)}` : 'n/a');

function cells(rows: Row[]): string[][] {
  return rows.map((r) => {
    const base = baseline(rows, r.connections, r.baseline);
    const isBase = isBaseline(rows, r);
    return [
      r.label,
      String(r.connections),
      fixed(r.result.rps, 0),
      fixed(r.result.p50, 2),
      fixed(r.result.p99, 2),
      isBase ? '1.00' : base ? fixed(r.result.rps / base.rps, 2) : 'n/a',
      isBase ? '' : base ? signed(r.result.p50 - base.p50) : 'n/a',
      String(r.result.errors),
    ];
  });
}

const HEADER = ['scenario', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'req/s ÷ baseline', 'p50 vs baseline ms', 'errors'];

export function consoleTable(rows: Row[]): string {
  const all = [HEADER, ...cells(rows)];
  const widths = HEADER.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  const line = (row: string[]) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(HEADER), widths.map((w) => '-'.repeat(w)).join('  '), ...cells(rows).map(line)].join('\n');
}

export function markdownTable(rows: Row[]): string {
  const line = (row: string[]) => `| ${row.join(' | ')} |`;
  return [line(HEADER), line(HEADER.map((_, i) => (i === 0 ? '---' : '---:'))), ...cells(rows).map(line)].join('\n');
}

/** The goals, checked on this run's figures. */
export function goals(rows: Row[], bulk?: BulkResult, subscriptions?: SubscriptionsResult): string[] {
  const get = (id: string, c: number) => rows.find((r) => r.id === id && r.connections === c)?.result;
  const out: string[] = [];
  for (const id of ['apollo', 'apollo-http']) {
    const label = rows.find((r) => r.id === id)?.label ?? id;
    const r10 = get(id, 10);
    const b10 = baseline(rows, 10);
    if (r10 && b10) {
      const ratio = r10.rps / b10.rps;
      out.push(`${label}: ${ratio.toFixed(3)} of the subgraph's req/s with 10 connections (goal ≥ 0.90): ${ratio >= 0.9 ? 'met' : 'not met'}`);
    }
    const r1 = get(id, 1);
    const b1 = baseline(rows, 1);
    if (r1 && b1) {
      const added = r1.p50 - b1.p50;
      out.push(`${label}: ${signed(added)} ms at p50 with 1 connection (goal < 1 ms): ${added < 1 ? 'met' : 'not met'}`);
    }
  }
  for (const id of ['apollo-http']) {
    const label = rows.find((r) => r.id === id)?.label ?? id;
    for (const c of [1, 10]) {
      const apollo = get(id, c);
      const hive = get('hive', c);
      if (apollo && hive) {
        const ratio = apollo.rps / hive.rps;
        out.push(
          `${label} vs Hive Gateway, ${c} connection${c > 1 ? 's' : ''}: ${ratio.toFixed(2)}× Hive's req/s, p50 ${fixed(apollo.p50, 2)} vs ${fixed(hive.p50, 2)} ms (goal: ahead): ${ratio > 1 ? 'met' : 'not met'}`,
        );
      }
    }
  }
  for (const c of [1, 10]) {
    const rest = get('put-rest', c);
    if (rest) {
      const ok = rest.rps >= 400 && rest.p99 < 100;
      out.push(`PUT of a new pendenza through REST compat, ${c} connection${c > 1 ? 's' : ''}: ${fixed(rest.rps, 0)}/s, p99 ${fixed(rest.p99, 1)} ms (goal ≥ 400/s at p99 < 100 ms): ${ok ? 'met' : 'not met'}`);
    }
    const pdf = get('avviso-pdf', c);
    if (pdf) out.push(`Avviso PDF, ${c} connection${c > 1 ? 's' : ''}: ${fixed(pdf.rps, 1)} PDFs/s, p99 ${fixed(pdf.p99, 1)} ms`);
  }
  for (const [id, label, rps, p99] of [
    ['pa-verify', 'paVerifyPaymentNotice', 1000, 50],
    ['pa-send-rt', 'paSendRTV2 (a new receipt each)', 300, 100],
  ] as const) {
    for (const c of [1, 10]) {
      const r = get(id, c);
      if (r) out.push(`${label} at the station, ${c} connection${c > 1 ? 's' : ''}: ${fixed(r.rps, 0)}/s, p50 ${fixed(r.p50, 1)} ms, p99 ${fixed(r.p99, 1)} ms (goal ≥ ${rps}/s at p99 < ${p99} ms): ${r.rps >= rps && r.p99 < p99 ? 'met' : 'not met'}`);
    }
  }
  if (bulk) {
    const rate = bulk.rows / bulk.totalSeconds;
    out.push(
      `Bulk load: ${bulk.rows} pendenze in one tracciato in ${fixed(bulk.totalSeconds, 1)} s (upload ${fixed(bulk.uploadSeconds, 1)} s), ${fixed(rate, 0)} pendenze/s, ${bulk.failed} failed (goal 100,000 in < 60 s): ${bulk.rows >= 100_000 && bulk.totalSeconds < 60 && !bulk.failed ? 'met' : 'not met'}`,
    );
  }
  if (subscriptions) {
    const s = subscriptions;
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
  o: { date: Date; database: string; warmupSeconds: number; seconds: number; bulk?: BulkResult; subscriptions?: SubscriptionsResult; notes?: string[] },
): string {
  return [
    START,
    `### Latest run: ${o.date.toISOString().replace('T', ' ').slice(0, 16)} UTC`,
    '',
    `- Machine: ${machine()}`,
    `- Database: ${o.database}`,
    `- Each row: ${o.warmupSeconds} s warm-up (discarded), then ${o.seconds} s measured; closed loop; autocannon runs in the bench process, the hub, the second Apollo hub and Hive each in their own process.`,
    '',
    markdownTable(rows),
    '',
    'Goals (from the issue), on this run:',
    '',
    ...goals(rows, o.bulk, o.subscriptions).map((g) => `- ${g}`),
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
