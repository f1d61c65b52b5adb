import { MikroORM, type Options } from '@mikro-orm/core';
import { LibSqlDriver } from '@mikro-orm/libsql';
import { MariaDbDriver } from '@mikro-orm/mariadb';
import { Migrator } from '@mikro-orm/migrations';
import { MySqlDriver } from '@mikro-orm/mysql';
import { createConnection } from 'mysql2/promise';
import type { DatabaseConfig } from '../core/config';
import type { Logger } from '../core/logger';
import { mysqlMigrations } from '../migrations/mysql';
import { sqliteMigrations } from '../migrations/sqlite';
import { entities } from './entities';

export type Orm = MikroORM;

/** MySQL-protocol servers differ in how they report a schema (MariaDB's JSON is LONGTEXT with a check). */
export type MySqlFlavor = 'mysql' | 'mariadb';

/** Asks a `mysql://` server what it is, so that MikroORM reads its schema with the right dialect. */
export async function mysqlFlavor(url: string): Promise<MySqlFlavor> {
  const conn = await createConnection(url);
  try {
    const [rows] = await conn.query('select version() as v');
    return /mariadb/i.test((rows as Array<{ v: string }>)[0].v) ? 'mariadb' : 'mysql';
  } finally {
    await conn.end();
  }
}

/** SQLite's wait for another connection's write lock when the configuration does not say (SQLITE_BUSY_TIMEOUT_MS's default). */
const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/** MikroORM options for a database: the dialect decides the driver and which migrations apply. */
export function ormOptions(db: DatabaseConfig, poolMax = 10, flavor: MySqlFlavor = 'mysql'): Options {
  const common: Options = {
    entities,
    forceUtcTimezone: true,
    allowGlobalContext: false,
    debug: false,
    discovery: { warnWhenNoEntities: true },
    extensions: [Migrator],
  };
  if (db.dialect === 'sqlite') {
    return {
      ...common,
      driver: LibSqlDriver,
      dbName: db.path,
      // Another process on the same file (a second instance, seed:demo) holds the write lock for a
      // moment: wait for it instead of failing at once with "database is locked" (libsql's default).
      // libsql applies it to every connection it opens (the pool renews them).
      driverOptions: { connection: { timeout: db.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS } },
      migrations: { migrationsList: sqliteMigrations, snapshot: false, silent: true, tableName: 'mikro_orm_migrations' },
    } as Options;
  }
  return {
    ...common,
    driver: flavor === 'mariadb' ? MariaDbDriver : MySqlDriver,
    clientUrl: db.url,
    timezone: '+00:00',
    pool: { min: 1, max: poolMax },
    // The MariaDB connector gives up on a new connection after one second, less than a busy server
    // or a far network may take to greet it.
    driverOptions: { connection: { connectTimeout: db.connectTimeoutMs } },
    // MySQL commits DDL implicitly, so a migration transaction would only be a pretence.
    migrations: { migrationsList: mysqlMigrations, snapshot: false, silent: true, transactional: false, tableName: 'mikro_orm_migrations' },
  } as Options;
}

/** Opens the database and brings its schema up to date; the hub migrates on every start. */
export async function openDatabase(db: DatabaseConfig, log: Logger, poolMax?: number): Promise<Orm> {
  const flavor = db.dialect === 'mysql' ? await mysqlFlavor(db.url) : undefined;
  const orm = await MikroORM.init(ormOptions(db, poolMax, flavor));
  if (db.dialect === 'sqlite') await writeAheadLog(orm, db.path);
  const applied = await orm.getMigrator().up();
  if (applied.length) log.info({ migrations: applied.map((m) => m.name) }, 'database migrated');
  return orm;
}

/**
 * SQLite in WAL mode: readers never block the writer nor it them, and a commit appends to the log
 * instead of rewriting a rollback journal (one fsync, not several). In rollback-journal mode a
 * reader holding a transaction (an operator's sqlite3, another instance's read) made every write
 * wait for it and then fail with "database is locked". The mode is a property of the file, set
 * once; an in-memory database has no file to log to and keeps its own.
 */
async function writeAheadLog(orm: MikroORM, path: string): Promise<void> {
  if (path === ':memory:' || path.startsWith('file::memory:')) return;
  await orm.em.getConnection().execute('pragma journal_mode = wal');
}
