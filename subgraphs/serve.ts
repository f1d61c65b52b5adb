import 'reflect-metadata';
import type { Server } from 'node:http';
import { openDatabase } from '../schema/orm';
import { loadConfig } from '../core/config';
import { createLogger } from '../core/logger';
import { PrincipalSigner } from '../core/principal';
import { subgraphHttpApp } from './runtime/subgraph-http';
import { SubgraphRuntime } from './runtime/subgraph-runtime';
import { SUBGRAPHS } from './registry';
import { pagamentiHost } from '../pagopa/checkout/host';

/**
 * Runs one subgraph as its own process (`node dist/subgraphs/serve.js anagrafica`), for
 * deployments that scale subgraphs apart from the gateway. It needs the gateway's
 * INTERNAL_PRINCIPAL_SECRET; its endpoint is http://SUBGRAPHS_HOST:SUBGRAPHS_PORT/<name>/graphql.
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  const build = SUBGRAPHS[name];
  if (!build) throw new Error(`Unknown subgraph '${name}': choose one of ${Object.keys(SUBGRAPHS).join(', ')}`);
  const config = loadConfig();
  if (config.internalPrincipal.generated) throw new Error('INTERNAL_PRINCIPAL_SECRET must be set for a standalone subgraph');
  const log = createLogger(config.logLevel, `subgraph-${name}`);
  const orm = await openDatabase(config.database, log, config.databasePoolMax);
  const signer = new PrincipalSigner(config.internalPrincipal.secret, config.internalPrincipal.ttlSeconds);
  const publicBaseUrl = config.publicBaseUrl ?? `http://localhost:${config.port}`;
  const runtime = new SubgraphRuntime(
    name,
    (
      await build({ pagamenti: pagamentiHost(config, log, () => publicBaseUrl), giornale: { giornaleEventi: config.giornale.defaults } })
    ).schema,
    orm,
    signer,
    log,
  );
  const server: Server = subgraphHttpApp([runtime], config.bodyLimit, log).listen(config.subgraphs.port, config.subgraphs.host);
  log.info({ port: config.subgraphs.port, subgraph: name }, 'subgraph listening');
  const stop = () => server.close(() => orm.close().then(() => process.exit(0)));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
