import { randomBytes } from 'node:crypto';
import { BUILD_TIMEOUT_MS, ensureBuilt } from './helpers/build';
import { databaseNames, dialect } from './helpers/database';
import { runCompiled } from './helpers/run-compiled';
import { describeIf } from './helpers/skip';

/**
 * Parallel jest workers take scratch databases at once. On a server where the URL's default
 * database did not exist, each admin connection used to create it (MikroORM's ensureDatabase),
 * and all but one failed with "Can't create database …; database exists".
 */
describeIf(dialect === 'mysql', "SQLite's scratch databases are temporary directories, with no server to race on")('scratch databases under parallel workers', () => {
  beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

  it('are taken at once by two processes on a server without the default database, each its own, none left behind', async () => {
    const server = new URL(process.env.TEST_MYSQL_URL!);
    const absent = `govpay_absent_${randomBytes(4).toString('hex')}`;
    server.pathname = `/${absent}`;
    const env = { TEST_DB: 'mysql', TEST_MYSQL_URL: server.toString() };
    const outputs = await Promise.all([1, 2].map(() => runCompiled('test/helpers/scratch-database-taker.js', ['6'], env)));
    const names = outputs.flatMap((out) => (JSON.parse(out) as string[]).map((url) => new URL(url).pathname.slice(1)));

    expect(names).toHaveLength(12);
    expect(new Set(names).size).toBe(12);
    const left = await databaseNames();
    expect(left).not.toContain(absent);
    expect(names.filter((n) => left.includes(n))).toEqual([]);
  }, 60_000);
});
