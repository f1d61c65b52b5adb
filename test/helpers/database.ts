import { MikroORM } from '@mikro-orm/core';
import { MySqlDriver } from '@mikro-orm/mysql';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type TestDialect = 'sqlite' | 'mysql';

/** The database the suite runs on: TEST_DB=mysql uses the MariaDB that scripts/test-services.sh started. */
export const dialect: TestDialect = process.env.TEST_DB === 'mysql' ? 'mysql' : 'sqlite';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database of the suite's dialect, for one test file. */
export async function scratchDatabase(): Promise<ScratchDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'govpay-test-'));
    return { url: `sqlite:${join(dir, 'db.sqlite')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const server = process.env.TEST_MYSQL_URL;
  if (!server) throw new Error('TEST_DB=mysql needs TEST_MYSQL_URL: run the suite with `npm test`');
  const name = `govpay_t_${randomBytes(6).toString('hex')}`;
  const admin = await MikroORM.init({
    driver: MySqlDriver,
    clientUrl: server,
    entities: [],
    discovery: { warnWhenNoEntities: false },
    allowGlobalContext: true,
  });
  await admin.em.getConnection().execute(`create database ${name}`);
  return {
    url: server.replace(/\/[^/]*$/, `/${name}`),
    drop: async () => {
      await admin.em.getConnection().execute(`drop database if exists ${name}`);
      await admin.close(true);
    },
  };
}
