import 'reflect-metadata';
import { createHub } from '../gateway/app';
import { projectRoot } from '../core/project-root';
import { readSupergraph } from '../schema/supergraph';
import { loadConfig } from '../core/config';
import type { HubEvent } from '../core/events';
import { startHive } from './hive';

/**
 * One server process of the bench (forked by run.ts, so that the load generator, the subgraph and
 * each gateway have their own event loop, as they would in production):
 *  - `hub`: the hub itself (subgraph HTTP endpoint, in-process gateway, REST compat);
 *  - `apollo-remote`: a second hub whose gateway reaches the first hub's subgraph over HTTP;
 *  - `hive`: Hive Gateway over the same supergraph and subgraph endpoint.
 * Reports `{ ready, ... }` to the parent, closes on the message `close`, and answers the parent's
 * requests (`{ id, request }` → `{ id, reply }`): the hub publishes an event on its bus, reports
 * its memory or counts its outbox's jobs.
 */
export type Role = 'hub' | 'apollo-remote' | 'hive';

export interface Ready {
  ready: true;
  port: number;
  subgraphPort?: number;
  /** The demo operatore's principal, signed by the hub (hub role only). */
  signedPrincipal?: string;
}

export type BenchRequest = { type: 'publish'; event: HubEvent } | { type: 'memory' } | { type: 'outbox'; after: number };

/** The outbox's jobs after id `after`, bulk events' lane (EVENTI) aside, and the table's last id. */
export interface OutboxCounts {
  maxId: number;
  total: number;
  pending: number;
  /** Jobs that failed at least once, and one of their errors. */
  retried: number;
  error?: string;
}

const OUTBOX_COUNTS = `select count(*) as total, sum(case when stato <> 'ESEGUITO' then 1 else 0 end) as pending,
  sum(case when ultimo_errore is not null then 1 else 0 end) as retried from outbox where id > ? and tipo <> 'EVENTI'`;

export interface Memory {
  rssMiB: number;
  heapUsedMiB: number;
}

export const DEMO_AUTHORIZATION = `Basic ${Buffer.from('gpadmin:Password1!').toString('base64')}`;
/** The demo applicazione, as the Ente's system calls the hub. */
export const DEMO_APP_AUTHORIZATION = `Basic ${Buffer.from('IDA2A01:Password1!').toString('base64')}`;

interface Started {
  ready: Ready;
  close(): Promise<void>;
  answer?(request: BenchRequest): Promise<unknown>;
}

async function start(role: Role): Promise<Started> {
  if (role === 'hive') {
    const hive = await startHive(readSupergraph(projectRoot()), required('BENCH_SUBGRAPH_URL'), required('BENCH_SIGNED_PRINCIPAL'));
    return { ready: { ready: true, port: hive.port }, close: () => hive.close() };
  }
  const hub = await createHub(loadConfig(process.env));
  const { port, subgraphPort } = await hub.listen();
  const ready: Ready = { ready: true, port, subgraphPort };
  if (role === 'hub') {
    ready.signedPrincipal = hub.signer.sign(await hub.authenticator.authenticateAny({ authorization: DEMO_AUTHORIZATION }));
  }
  const answer = async (request: BenchRequest): Promise<unknown> => {
    if (request.type === 'publish') return hub.events.publish(request.event);
    if (request.type === 'outbox') {
      const connection = hub.orm.em.getConnection();
      const [last] = await connection.execute<Array<{ n: number | null }>>('select max(id) as n from outbox');
      const [c] = await connection.execute<Array<{ total: number; pending: number | null; retried: number | null }>>(OUTBOX_COUNTS, [
        request.after,
      ]);
      const [failed] = await connection.execute<Array<{ e: string }>>(
        "select ultimo_errore as e from outbox where id > ? and tipo <> 'EVENTI' and ultimo_errore is not null limit 1",
        [request.after],
      );
      return {
        maxId: Number(last.n ?? 0),
        total: Number(c.total),
        pending: Number(c.pending ?? 0),
        retried: Number(c.retried ?? 0),
        error: failed?.e,
      } satisfies OutboxCounts;
    }
    const { rss, heapUsed } = process.memoryUsage();
    return { rssMiB: rss / 2 ** 20, heapUsedMiB: heapUsed / 2 ** 20 } satisfies Memory;
  };
  return { ready, close: () => hub.close(), answer };
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

if (require.main === module) {
  const role = process.argv[2] as Role;
  // Never outlive the bench (it may have been interrupted).
  process.on('disconnect', () => process.exit(0));
  start(role).then(
    (server) => {
      process.on('message', (message) => {
        const asked = message as { id?: number; request?: BenchRequest };
        if (asked.request && server.answer) {
          server.answer(asked.request).then((reply) => process.send?.({ id: asked.id, reply }));
          return;
        }
        if (message !== 'close') return;
        server.close().then(
          () => process.exit(0),
          (e) => {
            console.error(`[bench:${role}] close failed`, e);
            process.exit(1);
          },
        );
      });
      process.send?.(server.ready);
    },
    (e) => {
      console.error(`[bench:${role}] failed to start`, e);
      process.exit(1);
    },
  );
}
