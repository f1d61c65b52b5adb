import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

export type TestDialect = 'sqlite' | 'mysql';

/** The database the suite runs on: TEST_DB=mysql uses the MariaDB that scripts/test-services.sh started. */
export const dialect: TestDialect = process.env.TEST_DB === 'mysql' ? 'mysql' : 'sqlite';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * Runs one statement on the MariaDB server of `serverUrl` over a connection that selects no
 * database: the admin must not depend on (nor create) the URL's default database, which parallel
 * jest workers would otherwise race to create.
 */
async function onServer<T>(serverUrl: string, sql: string): Promise<T> {
  const server = new URL(serverUrl);
  server.pathname = '/';
  const conn = await createConnection({ uri: server.toString() });
  try {
    return (await conn.query(sql))[0] as T;
  } finally {
    await conn.end();
  }
}

function mysqlServer(): string {
  const server = process.env.TEST_MYSQL_URL;
  if (!server) throw new Error('TEST_DB=mysql needs TEST_MYSQL_URL: run the suite with `npm test`');
  return server;
}

/** The databases on the suite's MariaDB server. */
export async function databaseNames(): Promise<string[]> {
  const rows = await onServer<{ Database: string }[]>(mysqlServer(), 'show databases');
  return rows.map((r) => r.Database);
}

/** A fresh, empty database of the suite's dialect, for one test file. */
export async function scratchDatabase(): Promise<ScratchDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'govpay-test-'));
    return { url: `sqlite:${join(dir, 'db.sqlite')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const server = mysqlServer();
  const name = `govpay_t_${randomBytes(6).toString('hex')}`;
  await onServer(server, `create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer<void>(server, `drop database if exists ${name}`) };
}
