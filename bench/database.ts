import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../schema/orm';
import { seedDemo } from '../subgraphs/anagrafica/services';
import { loadConfig } from '../core/config';
import { createLogger } from '../core/logger';

/** The database one bench run uses: a fresh MariaDB schema when TEST_MYSQL_URL is set, else a SQLite file. */
export interface BenchDatabase {
  url: string;
  description: string;
  drop(): Promise<void>;
}

export async function freshDatabase(mysqlUrl: string | undefined): Promise<BenchDatabase> {
  const name = `govpay_bench_${Date.now()}`;
  if (!mysqlUrl) {
    const path = join(tmpdir(), `${name}.sqlite`);
    return {
      url: `sqlite:${path}`,
      description: `SQLite ${path} (TEST_MYSQL_URL unset)`,
      async drop() {
        for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
      },
    };
  }
  // mysql2 comes with @mikro-orm/mysql; an admin connection creates and drops the run's schema.
  const mysql = (await import('mysql2/promise')).default;
  const server = new URL(mysqlUrl);
  server.pathname = '/';
  const admin = await mysql.createConnection(server.toString());
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const version = ((await admin.query('SELECT VERSION() AS v')) as unknown as [{ v: string }[]])[0][0].v;
    const url = new URL(mysqlUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      description: `${version} at ${url.host}, database ${name}`,
      async drop() {
        const conn = await mysql.createConnection(server.toString());
        try {
          await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
        } finally {
          await conn.end();
        }
      },
    };
  } finally {
    await admin.end();
  }
}

/**
 * Loads the demo configuration the scenarios use: the hub runs in production mode, where it never
 * seeds itself. `enteUrl` is where the demo applicazione's connector notifies receipts (the bench's
 * EnteListener; by default the simulator's Ente, which the bench does not run).
 */
export async function seedBenchDatabase(url: string, enteUrl?: string): Promise<void> {
  const orm = await openDatabase(loadConfig({ DATABASE_URL: url }).database, createLogger('silent'), 2);
  try {
    await seedDemo(orm.em.fork(), enteUrl);
  } finally {
    await orm.close(true);
  }
}
