import { freshDatabase, seedBenchDatabase } from './database';
import { EnteListener } from './ente-listener';
import { startServer, type ServerProcess } from './processes';
import { closedLoop, type FlowResult } from './receipt-flow';
import { receiptRig } from './receipt-rig';

/** Two hubs on one database and one Redis, receipts spread over both. */
export interface InstancesResult {
  connections: number;
  flow: FlowResult;
  lost: number;
}

/**
 * Two hub processes as two instances of one deployment: a fresh database of their own (MariaDB, or
 * SQLite without TEST_MYSQL_URL), one Redis for their event bus (`redisUrl`), each with its outbox
 * worker, the demo applicazione's connector at a listener of this process. `connections` closed-loop
 * senders of paSendRTV2, alternately to one hub and the other, for `seconds`; then the checks: none
 * lost, each notification delivered exactly once (by receipt key, at the listener), every event seen
 * by the subscriber on each instance.
 */
export async function measureInstances(o: {
  mysqlUrl?: string;
  redisUrl: string;
  env: Record<string, string>;
  connections: number;
  seconds: number;
  pendenze: number;
}): Promise<InstancesResult> {
  const db = await freshDatabase(o.mysqlUrl);
  const listener = await new EnteListener().start();
  const hubs: ServerProcess[] = [];
  try {
    await seedBenchDatabase(db.url, listener.url);
    const env = { ...o.env, DATABASE_URL: db.url, REDIS_URL: o.redisUrl };
    hubs.push(...(await Promise.all([startServer('hub', env), startServer('hub', env)])));
    console.log(`bench: two instances :${hubs[0].ready.port} and :${hubs[1].ready.port} on ${db.description}, Redis ${o.redisUrl}`);
    const rig = await receiptRig({ hubs, listener, pendenze: o.pendenze });
    try {
      const flow = await closedLoop(rig, o.connections, o.seconds);
      return { connections: o.connections, flow, lost: await rig.lost(flow) };
    } finally {
      await rig.close();
    }
  } finally {
    await Promise.all(hubs.map((h) => h.stop()));
    await listener.stop();
    await db.drop().catch((e) => console.error('bench: could not drop the instances database', e));
  }
}
