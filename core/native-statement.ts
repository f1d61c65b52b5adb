import type { EntityManager, Transaction } from '@mikro-orm/core';
import { MySqlPlatform, type AbstractSqlConnection } from '@mikro-orm/mysql';

/** What a write statement reports. */
export interface WriteResult {
  insertId: number;
  affectedRows: number;
}

interface DriverConnection {
  query(options: { sql: string }, callback: (err: Error | null, result: unknown) => void): void;
}

/**
 * Runs one statement on the driver's own connection — the transaction's, or one lent by the pool —
 * for the hot paths (a receipt issues about ten statements, a verify three). The SQL text sent is exactly what MikroORM's
 * `execute` sends — the parameters inlined by the platform's `formatQuery` — so the rows written
 * are the same; what is skipped is the knex query object, the logger context and the result
 * transformation around it, which on MySQL/MariaDB cost about three times the driver's own call.
 * On SQLite (an in-process library, no round trip to save) it is MikroORM's `execute`. Driver errors come back as MikroORM's exceptions (unique key, deadlock…).
 */
export async function runStatement(
  em: EntityManager,
  sql: string,
  params: readonly unknown[],
  method: 'all',
  ctx?: Transaction,
): Promise<Array<Record<string, any>>>;
export async function runStatement(
  em: EntityManager,
  sql: string,
  params: readonly unknown[],
  method: 'run',
  ctx?: Transaction,
): Promise<WriteResult>;
export async function runStatement(
  em: EntityManager,
  sql: string,
  params: readonly unknown[],
  method: 'all' | 'run',
  ctx: Transaction | undefined = em.getTransactionContext(),
): Promise<Array<Record<string, any>> | WriteResult> {
  const platform = em.getPlatform();
  const values = params.map((v) => (v instanceof Date ? platform.processDateProperty(v) : v));
  try {
    const res =
      platform instanceof MySqlPlatform
        ? await onDriver(ctx ?? (em.getConnection() as AbstractSqlConnection).getKnex(), platform.formatQuery(sql, values))
        : await em.getConnection().execute(sql, values, method, ctx);
    return method === 'all' ? (res as Array<Record<string, any>>) : writeResult(res);
  } catch (e) {
    // Raw statements get the driver's own errors: make them MikroORM's (UniqueConstraintViolationException…).
    throw em.getDriver().convertException(e as Error);
  }
}

interface KnexClient {
  acquireConnection(): Promise<DriverConnection>;
  releaseConnection(conn: DriverConnection): Promise<unknown>;
}

/**
 * A knex transaction's client hands out the one connection the transaction runs on (its release is a
 * no-op); outside one, the pool lends a connection for the statement.
 */
async function onDriver(on: Transaction | { client: unknown }, text: string): Promise<unknown> {
  const client = (on as { client: KnexClient }).client;
  const conn = await client.acquireConnection();
  try {
    return await new Promise((resolve, reject) => conn.query({ sql: text }, (err, result) => (err ? reject(err) : resolve(result))));
  } finally {
    await client.releaseConnection(conn);
  }
}

function writeResult(res: unknown): WriteResult {
  const r = res as { insertId?: number | bigint; affectedRows?: number; changes?: number };
  return { insertId: Number(r.insertId ?? 0), affectedRows: Number(r.affectedRows ?? r.changes ?? 0) };
}
