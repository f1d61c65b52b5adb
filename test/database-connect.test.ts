import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { MikroORM } from '@mikro-orm/core';
import { openDatabase } from '../schema/orm';
import { loadConfig } from '../core/config';
import { createLogger } from '../core/logger';
import { dialect, scratchDatabase, type ScratchDatabase } from './helpers/database';
import { describeIf } from './helpers/skip';

/**
 * A MariaDB that is slow to greet a new connection (a loaded machine, a far network) must not fail
 * the hub's queries: the MariaDB connector gives up after one second unless told otherwise, which
 * failed a whole test file once when the machine was busy. Here a proxy holds each new connection
 * for 1.5 s before it reaches the server.
 */
const HELD_MS = 1500;

describeIf(dialect === 'mysql', 'it needs the MariaDB server: the SQLite file has no connection to open')(
  'a database slow to accept connections',
  () => {
    let db: ScratchDatabase | undefined;
    let proxy: Server | undefined;
    const sockets = new Set<Socket>();
    let orm: MikroORM | undefined;

    beforeAll(async () => {
      db = await scratchDatabase();
      const target = new URL(db.url);
      proxy = createServer((client) => {
        sockets.add(client);
        client.pause();
        setTimeout(() => {
          const server = connect(Number(target.port), target.hostname, () => {
            client.pipe(server).pipe(client);
            client.resume();
          });
          sockets.add(server);
          server.on('error', () => client.destroy());
          client.on('error', () => server.destroy());
          client.on('close', () => server.destroy());
        }, HELD_MS);
      });
      await new Promise<void>((resolve) => proxy!.listen(0, '127.0.0.1', resolve));
    });

    afterAll(async () => {
      await orm?.close(true);
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => proxy?.close(resolve));
      await db?.drop();
    });

    it('is waited for, within DATABASE_CONNECT_TIMEOUT_MS', async () => {
      const url = new URL(db!.url);
      url.port = String((proxy!.address() as AddressInfo).port);
      const config = loadConfig({ DATABASE_URL: url.toString() });
      orm = await openDatabase(config.database, createLogger('silent'), 2);
      const [row] = await orm.em.getConnection().execute<{ one: number }[]>('select 1 as one');
      expect(Number(row.one)).toBe(1);
    }, 30_000);
  },
);
