import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/core';
import { once } from 'node:events';
import type { Server } from 'node:http';
import { openDatabase } from '../schema/orm';
import { loadConfig, type Config } from '../core/config';
import { createEventBus } from '../core/event-bus';
import type { EventBus } from '../core/events';
import { createLogger, type Logger } from '../core/logger';
import { PrincipalSigner } from '../core/principal';
import { subgraphHttpApp } from './runtime/subgraph-http';
import { SubgraphRuntime } from './runtime/subgraph-runtime';
import { attachSubgraphSubscriptions } from './runtime/subgraph-ws';
import { ESITI } from './esiti';
import { SUBGRAPHS } from './registry';
import { pagamentiHost } from '../pagopa/checkout/host';

export interface ServedSubgraph {
  server: Server;
  close(): Promise<void>;
}

/**
 * One subgraph on SUBGRAPHS_HOST:SUBGRAPHS_PORT at /<name>/graphql: HTTP POST, and graphql-ws
 * when its schema has a `Subscription` (esiti, fed by `events`).
 */
export async function serveSubgraph(
  name: string,
  o: { config: Config; log: Logger; orm: MikroORM; events?: EventBus },
): Promise<ServedSubgraph> {
  const build = SUBGRAPHS[name];
  if (!build) throw new Error(`Unknown subgraph '${name}': choose one of ${Object.keys(SUBGRAPHS).join(', ')}`);
  const { config, log } = o;
  const signer = new PrincipalSigner(config.internalPrincipal.secret, config.internalPrincipal.ttlSeconds);
  const publicBaseUrl = config.publicBaseUrl ?? `http://localhost:${config.port}`;
  const built = await build({
    pagamenti: pagamentiHost(config, log, () => publicBaseUrl),
    giornale: { giornaleEventi: config.giornale.defaults },
    esiti: o.events && { bus: o.events, maxPending: config.subscriptions.maxPending, log },
  });
  const runtime = new SubgraphRuntime(name, built.schema, o.orm, signer, log);
  const server = subgraphHttpApp([runtime], config.bodyLimit, log).listen(config.subgraphs.port, config.subgraphs.host);
  const closeSubscriptions = attachSubgraphSubscriptions(server, [runtime], log);
  await once(server, 'listening');
  return {
    server,
    close: async () => {
      await closeSubscriptions();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * Runs one subgraph as its own process (`node dist/subgraphs/serve.js anagrafica`), for
 * deployments that scale subgraphs apart from the gateway. It needs the gateway's
 * INTERNAL_PRINCIPAL_SECRET; esiti also needs REDIS_URL, where the hub's instances publish events.
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  const config = loadConfig();
  if (config.internalPrincipal.generated) throw new Error('INTERNAL_PRINCIPAL_SECRET must be set for a standalone subgraph');
  if (name === ESITI && !config.redisUrl)
    throw new Error("REDIS_URL must be set for a standalone esiti subgraph: the hub's instances publish its events there");
  const log = createLogger(config.logLevel, `subgraph-${name}`);
  const events = name === ESITI ? await createEventBus(config.redisUrl, log) : undefined;
  const orm = await openDatabase(config.database, log, config.databasePoolMax);
  const subgraph = await serveSubgraph(name, { config, log, orm, events });
  log.info({ port: config.subgraphs.port, subgraph: name }, 'subgraph listening');
  const stop = () =>
    subgraph
      .close()
      .then(() => events?.close())
      .then(() => orm.close())
      .then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
