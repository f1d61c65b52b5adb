import { performance } from 'node:perf_hooks';
import type { Connection, RowDataPacket } from 'mysql2/promise';

/** One line of MariaDB's EXPLAIN. */
export interface PlanRow {
  table: string | null;
  type: string | null;
  key: string | null;
  rows: number | null;
  extra: string;
}

/** A statement the hub issued for one request: its plan, how long it takes alone, and what in the plan does not scale. */
export interface Explained {
  sql: string;
  ms: number;
  plan: PlanRow[];
  warnings: string[];
}

/** Plans reading more rows than this through a scan or a sort are flagged. */
const BIG = 1000;

/**
 * The statements a running hub issues on MariaDB for `run` (one request), captured with the
 * server's general log (to its table, for the threads connected to this database only, switched
 * on for that request alone and restored after), then each SELECT explained and timed alone.
 * Needs the SUPER privilege the bench's admin account has.
 */
export async function explainRequest(url: string, run: () => Promise<void>): Promise<Explained[]> {
  const mysql = (await import('mysql2/promise')).default;
  const conn = await mysql.createConnection(url);
  try {
    const [[saved]] = await conn.query<RowDataPacket[]>(
      'SELECT @@global.log_output AS output, @@global.general_log AS log, NOW(6) AS since',
    );
    const threads = async () =>
      (
        await conn.query<RowDataPacket[]>('SELECT ID FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND ID <> CONNECTION_ID()')
      )[0].map((r) => Number(r.ID));
    // Requests of a load run may still be queued at the hub (for minutes, when its clients timed out on
    // slow counts): their statements are not this request's.
    for (let waited = 0; waited < 600 && (await busy(conn)); waited++) await new Promise((resolve) => setTimeout(resolve, 500));
    const before = await threads();
    await conn.query("SET GLOBAL log_output = 'TABLE'");
    await conn.query('SET GLOBAL general_log = 1');
    try {
      await run();
    } finally {
      await conn.query('SET GLOBAL general_log = ?', [saved.log]);
      await conn.query('SET GLOBAL log_output = ?', [saved.output]);
    }
    const ids = [...new Set([...before, ...(await threads())])];
    if (!ids.length) return [];
    const [logged] = await conn.query<RowDataPacket[]>(
      "SELECT CONVERT(argument USING utf8mb4) AS sql_text FROM mysql.general_log WHERE event_time >= ? AND thread_id IN (?) AND command_type IN ('Query', 'Execute') ORDER BY event_time",
      [saved.since, ids],
    );
    const out: Explained[] = [];
    for (const row of logged) {
      const sql = String(row.sql_text);
      out.push(/^\s*select\b/i.test(sql) ? await explain(conn, sql) : { sql, ms: NaN, plan: [], warnings: [] });
    }
    return out;
  } finally {
    await conn.end();
  }
}

async function busy(conn: Connection): Promise<boolean> {
  const [[row]] = await conn.query<RowDataPacket[]>(
    "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND ID <> CONNECTION_ID() AND COMMAND <> 'Sleep'",
  );
  return Number(row.n) > 0;
}

async function explain(conn: Connection, sql: string): Promise<Explained> {
  const [rows] = await conn.query<RowDataPacket[]>(`EXPLAIN ${sql}`);
  const plan = rows.map((r) => ({
    table: r.table ?? null,
    type: r.type ?? null,
    key: r.key ?? null,
    rows: r.rows === null || r.rows === undefined ? null : Number(r.rows),
    extra: String(r.Extra ?? ''),
  }));
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    await conn.query(sql);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { sql, ms: times[1], plan, warnings: plan.flatMap(warningsOf) };
}

function warningsOf(p: PlanRow): string[] {
  const big = (p.rows ?? 0) > BIG;
  const out: string[] = [];
  if (p.type === 'ALL' && big) out.push(`full scan of ${p.table} (${p.rows} rows)`);
  if (p.type === 'index' && big) out.push(`full index scan of ${p.table} on ${p.key} (${p.rows} rows)`);
  if (/filesort/.test(p.extra) && big) out.push(`filesort over ${p.rows} rows of ${p.table}`);
  if (/temporary/.test(p.extra) && big) out.push(`temporary table over ${p.rows} rows of ${p.table}`);
  if (p.type === 'range' && (p.rows ?? 0) > 100 * BIG) out.push(`range of ${p.rows} rows of ${p.table} on ${p.key}`);
  return out;
}

/** The findings as printable lines: each statement with its time alone and its plan, flagged lines marked. */
export function formatExplained(label: string, statements: Explained[]): string[] {
  const lines = [`explain: ${label}: ${statements.length} statement(s)`];
  for (const s of statements) {
    const time = Number.isFinite(s.ms) ? `${s.ms.toFixed(1)} ms` : '-';
    lines.push(`  [${time}] ${s.sql.replace(/\s+/g, ' ').slice(0, 400)}`);
    for (const p of s.plan) lines.push(`      ${p.table ?? '-'}: ${p.type ?? '-'} key=${p.key ?? '-'} rows=${p.rows ?? '-'} ${p.extra}`);
    for (const w of s.warnings) lines.push(`      !! ${w}`);
  }
  return lines;
}
