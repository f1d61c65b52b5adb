import { performance } from 'node:perf_hooks';
import type { Connection, Pool, PoolConnection, ResultSetHeader } from 'mysql2/promise';
import { percentile, type LoadResult } from './load';
import { FLOOR_OPERATIONS, type FloorFixture, type FloorOperation, type FloorStatement, type OpState, type Row } from './floor-statements';

/**
 * The database's own limit for a hot path: the statements of one operation (floor-statements.ts)
 * issued from a bare mysql2 pool in the bench process, closed loop with as many connections as the
 * hub's row had, each connection running one operation after another, on the bench database after
 * the hub's rows (so with the tables as the hub left them). MariaDB only: on SQLite there is none.
 */
export interface Floor {
  operations: FloorOperation[];
  measure(op: FloorOperation, connections: number, warmupSeconds: number, seconds: number): Promise<LoadResult>;
}

/** Pendenze created for the floor's receipts to pay (cycled when the floor is faster than that). */
const PAGABILI = 30_000;

/**
 * Reads the rows the floor's INSERTs copy (the verified avviso's pendenza and voce, a receipt and
 * riscossione the hub stored) and creates the pendenze its receipts pay, with one INSERT … SELECT.
 * Without a receipt of the hub (pa-send-rt not run) the receipt floor is left out.
 */
export async function prepareFloor(url: string, verify: { idDominio: string; numeroAvviso: string }): Promise<Floor> {
  const mysql = (await import('mysql2/promise')).default;
  const admin = await mysql.createConnection({ uri: url, dateStrings: false });
  const tag = Date.now().toString(36);
  try {
    const one = async (sql: string, params: unknown[]): Promise<Row | undefined> => ((await admin.query(sql, params))[0] as Row[])[0];
    const pendenza = await one('select * from pendenze where id_dominio = ? and numero_avviso = ?', [
      verify.idDominio,
      verify.numeroAvviso,
    ]);
    if (!pendenza) throw new Error(`bench: floor: no pendenza ${verify.numeroAvviso}`);
    const voce = await one('select * from voci_pendenza where pendenza_id = ? order by indice limit 1', [pendenza.id]);
    const rpp = await one('select * from rpp order by id desc limit 1', []);
    const riscossione = rpp ? await one('select * from riscossioni where rpp_id = ? limit 1', [rpp.id]) : undefined;
    const fixture: FloorFixture = {
      verify: { ...verify, pendenzaId: Number(pendenza.id) },
      pagabili: rpp ? await pagabili(admin, pendenza, tag) : [],
      template: {
        pendenza: withoutId(pendenza),
        voce: withoutId(voce ?? {}),
        rpp: rpp && withoutId(rpp),
        riscossione: riscossione && withoutId(riscossione),
      },
      tag,
      next: 0,
    };
    const operations = FLOOR_OPERATIONS.filter((op) => op.id !== 'pa-send-rt' || fixture.template.riscossione);
    return {
      operations,
      measure: async (op, connections, warmupSeconds, seconds) => {
        const pool = mysql.createPool({ uri: url, connectionLimit: connections });
        try {
          return await closedLoop(pool, op, fixture, connections, warmupSeconds, seconds);
        } finally {
          await pool.end();
        }
      },
    };
  } finally {
    await admin.end();
  }
}

function withoutId(row: Row): Row {
  const { id: _id, ...rest } = row;
  return rest;
}

/** PAGABILI copies of `template` (each with its voci), unpaid, with IUVs of their own; their ids and IUVs. */
async function pagabili(conn: Connection, template: Row, tag: string): Promise<FloorFixture['pagabili']> {
  const prefix = `FLOOR-${tag}-`;
  const overrides: Record<string, string> = {
    id_pendenza: `concat('${prefix}', s.seq)`,
    iuv: "concat('39', lpad(s.seq, 13, '0'))",
    numero_avviso: "concat('339', lpad(s.seq, 15, '0'))",
    uuid: 'uuid()',
    stato: "'NON_ESEGUITA'",
    data_pagamento: 'null',
  };
  const columns = Object.keys(template).filter((c) => c !== 'id');
  const list = columns.map((c) => `\`${c}\``).join(', ');
  await conn.query(
    `insert into pendenze (${list}) select ${columns.map((c) => overrides[c] ?? `t.\`${c}\``).join(', ')} from pendenze t join seq_1_to_${PAGABILI} s where t.id = ?`,
    [template.id],
  );
  const [voceRows] = await conn.query('select * from voci_pendenza where pendenza_id = ? limit 1', [template.id]);
  const voceColumns = Object.keys((voceRows as Row[])[0] ?? {}).filter((c) => c !== 'id');
  await conn.query(
    `insert into voci_pendenza (${voceColumns.map((c) => `\`${c}\``).join(', ')})
     select ${voceColumns.map((c) => (c === 'pendenza_id' ? 'p.id' : `v.\`${c}\``)).join(', ')}
     from voci_pendenza v join pendenze p on p.id_pendenza like ? where v.pendenza_id = ?`,
    [`${prefix}%`, template.id],
  );
  const [rows] = await conn.query('select id, iuv from pendenze where id_pendenza like ? order by id', [`${prefix}%`]);
  return (rows as Row[]).map((r) => ({ id: Number(r.id), iuv: String(r.iuv) }));
}

async function closedLoop(
  pool: Pool,
  op: FloorOperation,
  f: FloorFixture,
  connections: number,
  warmupSeconds: number,
  seconds: number,
): Promise<LoadResult> {
  const conns = await Promise.all(Array.from({ length: connections }, () => pool.getConnection()));
  const phase = async (s: number, latencies?: number[]) => {
    let errors = 0;
    const end = performance.now() + s * 1000;
    await Promise.all(
      conns.map(async (conn) => {
        while (performance.now() < end) {
          const started = performance.now();
          try {
            await runOperation(conn, op, { n: f.next++, f, now: new Date() });
            latencies?.push(performance.now() - started);
          } catch (e) {
            errors += 1;
            if (errors === 1) console.error(`bench: floor ${op.id}: ${(e as Error).message}`);
            await conn.query('ROLLBACK').catch(() => undefined);
          }
        }
      }),
    );
    return errors;
  };
  try {
    if (warmupSeconds > 0) await phase(warmupSeconds);
    const latencies: number[] = [];
    const started = performance.now();
    const errors = await phase(seconds, latencies);
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      requests: latencies.length,
      errors,
      seconds: elapsed,
      rps: latencies.length / elapsed,
      p50: percentile(latencies, 0.5),
      p99: percentile(latencies, 0.99),
    };
  } finally {
    for (const c of conns) c.release();
  }
}

async function runOperation(conn: PoolConnection, op: FloorOperation, s: OpState): Promise<void> {
  for (const st of op.statements) await runStatement(conn, st, s);
}

async function runStatement(conn: PoolConnection, st: FloorStatement, s: OpState): Promise<void> {
  if ('together' in st) {
    await Promise.all(st.together.map((t) => runStatement(conn, t, s)));
    return;
  }
  if ('sql' in st) {
    const [rows] = await conn.query(st.sql, st.params(s));
    st.keep?.(rows as Row[], s);
    return;
  }
  const rows = st.rows(s);
  const columns = Object.keys(rows[0]);
  const values = rows.flatMap((r) => columns.map((c) => sqlValue(r[c])));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const [result] = await conn.query(
    `insert into \`${st.insert}\` (${columns.map((c) => `\`${c}\``).join(', ')}) values ${rows.map(() => tuple).join(', ')}`,
    values,
  );
  st.keep?.((result as ResultSetHeader).insertId, s);
}

/** mysql2 would expand a plain object into `key = value` pairs: JSON columns go as text, as the hub sends them. */
function sqlValue(v: unknown): unknown {
  if (v === null || v === undefined || v instanceof Date || Buffer.isBuffer(v) || typeof v !== 'object') return v ?? null;
  return JSON.stringify(v);
}
