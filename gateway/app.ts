import 'reflect-metadata';
import { HeaderMap } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/core';
import express from 'express';
import { GraphQLError } from 'graphql';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { hostname } from 'node:os';
import type { AddressInfo } from 'node:net';
import {
  pagamentiHost,
  rendicontazioni,
  returnRouter,
  RITORNO_PATH,
  STATION_PATH,
  stationAuthenticator,
  stationRouter,
  type Rendicontazioni,
} from '../pagopa';
import { backofficeRouter, BACKOFFICE_BASE, BACKOFFICE_CONSOLE_BASE } from '../rest-compat/backoffice';
import { PAGAMENTO_BASE, pagamentoRouter } from '../rest-compat/pagamento';
import { PENDENZE_BASE, pendenzeRouter } from '../rest-compat/pendenze';
import { RAGIONERIA_V1_BASE, RAGIONERIA_V2_BASE, ragioneriaV1Router, ragioneriaV2Router } from '../rest-compat/ragioneria';
import { faultHandler } from '../rest-compat/shared/fault';
import { GraphClient } from '../rest-compat/shared/graph-client';
import { jsonBodyParser } from '../rest-compat/shared/json';
import { openDatabase } from '../schema/orm';
import { DEMO, isEmpty, seedDemo } from '../subgraphs/anagrafica/services';
import { registraFlusso } from '../subgraphs/riconciliazione/services';
import { SUBGRAPHS, type SubgraphHost } from '../subgraphs/registry';
import type { Config } from '../core/config';
import { createLogger, type Logger } from '../core/logger';
import { RetryLaterError } from '../core/errors';
import { AddressList } from '../core/address-list';
import { PrincipalSigner } from '../core/principal';
import { createEventBus } from '../core/event-bus';
import type { EventBus } from '../core/events';
import { subgraphHttpApp } from '../subgraphs/runtime/subgraph-http';
import { SubgraphRuntime } from '../subgraphs/runtime/subgraph-runtime';
import { TracciatiWorker } from '../subgraphs/pendenze/services';
import { ChiusuraSessioniScadute, OutboxWorker, PagamentiStation } from '../subgraphs/pagamenti/services';
import { Authenticator } from './auth';
import { dashboardRouter, DASHBOARD_PATH } from './dashboard/router';
import type { GatewayContext } from './context';
import { graphExecutor } from './graph-executor';
import { createGraphServer } from './graph-server';
import { PersistedOperations } from './persisted-queries/operations';
import { referenceRouter, REFERENCE_PATH } from './schema-reference/router';
import { LoginThrottle, throttledStationAuthenticate } from './login-throttle';
import { mountProbes } from './probes';
import { securityHeaders } from './security-headers';
import { cors } from './cors';
import { FormSessionStore, SessioniScadute } from './sessions';
import { attachSubscriptions } from './subscriptions/server';
import { Giornale } from './journal';
import { projectRoot } from '../core/project-root';
import { readSupergraph } from '../schema/supergraph';

export interface Hub {
  config: Config;
  log: Logger;
  orm: MikroORM;
  /** The public edge server (graph, REST compat, probes). */
  server: Server;
  /** Where the in-process subgraphs answer over HTTP (for other gateways and benchmarks). */
  subgraphServer: Server;
  signer: PrincipalSigner;
  authenticator: Authenticator;
  /** The Giornale degli Eventi: its journal, the configuration it follows, the purge. */
  giornale: Giornale;
  /** Where committed changes are announced (the outbox worker publishes, subscriptions listen): in process, or across instances over Redis with REDIS_URL. */
  events: EventBus;
  listen(): Promise<{ port: number; subgraphPort: number }>;
  close(): Promise<void>;
}

/**
 * Builds the whole hub in one process: database (migrated, demo-seeded on first start), every
 * subgraph not configured elsewhere, the gateway over the static supergraph, GovPay's REST APIs
 * and the probes. Nothing listens until `listen()`.
 */
export async function createHub(config: Config, log: Logger = createLogger(config.logLevel)): Promise<Hub> {
  const orm = await openDatabase(config.database, log, config.databasePoolMax);
  let events: EventBus | undefined;
  let operations: PersistedOperations | undefined;
  try {
    events = await createEventBus(config.redisUrl, log);
    operations = await PersistedOperations.create(config.graphql.operations, config.redisUrl, log);
    return await assemble(config, log, orm, events, operations);
  } catch (e) {
    await operations?.close();
    await events?.close();
    await orm.close(true);
    throw e;
  }
}

async function assemble(config: Config, log: Logger, orm: MikroORM, events: EventBus, operations: PersistedOperations): Promise<Hub> {
  if (config.demoSeed && (await isEmpty(orm.em.fork()))) {
    await seedDemo(orm.em.fork(), config.pagopa.simulatorEnteUrl);
    log.info('demo configuration loaded (empty database)');
  }
  const signer = new PrincipalSigner(config.internalPrincipal.secret, config.internalPrincipal.ttlSeconds);
  const remoteUrls = config.subgraphs.urls;
  // Unset, the public address is this server's own, known once it listens.
  let publicBaseUrl = config.publicBaseUrl;
  // Made once the metrics registry exists (below); the mutation only runs once the hub serves requests.
  let acquisizione: Rendicontazioni | undefined;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(securityHeaders());
  // Before every entrance: a preflight is answered here, never authenticated.
  app.use(cors({ ...config.cors, principalHeader: config.auth.principalHeader }));
  const registry = mountProbes(app, orm, log);
  const owner = instanceName();
  // Every exchange recorded off the request path (DESIGN §4b): each entrance below is wrapped from here.
  const giornale = new Giornale(config, orm, log, registry, owner);

  const host: SubgraphHost = {
    pagamenti: pagamentiHost(config, log, () => publicBaseUrl ?? `http://localhost:${config.port}`, giornale.journal),
    riconciliazione: config.rendicontazioni.source === 'off' ? {} : { acquisisciFlussi: () => acquisizione!.acquisisci!() },
    giornale: { giornaleEventi: config.giornale.defaults },
  };
  const local = new Map<string, SubgraphRuntime>();
  for (const [name, build] of Object.entries(SUBGRAPHS)) {
    if (!remoteUrls[name]) local.set(name, new SubgraphRuntime(name, (await build(host)).schema, orm, signer, log));
  }

  const server = createServer(app);
  // Longer than clients' and load balancers' idle timeouts, so that they close idle sockets first
  // and never reuse one the hub is closing (ECONNRESET on the next request).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const supergraphSdl = readSupergraph(projectRoot());
  const graph = await createGraphServer({
    supergraphSdl,
    local,
    remoteUrls,
    subgraphTimeoutMs: config.subgraphTimeoutMs,
    graphql: config.graphql,
    operations,
    httpServer: server,
    log,
  });
  const throttle = LoginThrottle.create(config.loginThrottle, config.redisUrl, log);
  const authenticator = new Authenticator(orm, config.auth, throttle, log);

  acquisizione = rendicontazioni(config.rendicontazioni, {
    em: orm.em,
    registra: registraFlusso,
    owner,
    log,
    registry,
    journal: giornale.journal,
    // The simulator's Nodo checks the demo station's password, which the hub keeps only hashed.
    defaultNodoPassword: config.pagopa.simulator ? DEMO.nodo.password : undefined,
  });
  // The Nodo's calls go straight to the domain, not through the graph: pagoPA's deadlines and one transaction per receipt.
  app.use(
    STATION_PATH,
    stationRouter({
      service: new PagamentiStation(orm.em, log, config.ente),
      authenticate: throttledStationAuthenticate(stationAuthenticator(orm, config.auth), throttle),
      log,
      bodyLimit: config.pagopa.stationBodyLimit,
      registry,
      onExchange: giornale.station,
    }),
  );
  // Where pagoPA Checkout sends the citizen back: straight to the domain, like the station (no caller to authenticate: the token is the proof).
  app.use(RITORNO_PATH, returnRouter({ em: orm.em, secret: config.internalPrincipal.secret, log }));
  const json = jsonBodyParser(config.bodyLimit);
  // Before the graph's own path, which would take it for a GET operation.
  app.use(REFERENCE_PATH, referenceRouter(config.graphql.introspection));
  app.use(
    '/graphql',
    json,
    expressMiddleware(graph, {
      context: async ({ req }): Promise<GatewayContext> => {
        const principal = await authenticator
          .authenticateAny({
            authorization: req.header('authorization'),
            forwardedPrincipal: req.header(config.auth.principalHeader),
            remoteAddress: req.socket.remoteAddress,
          })
          .catch((e) => {
            throw graphAuthError(e);
          });
        return { principal, signedPrincipal: signer.tokenFor(principal) };
      },
    }),
  );
  const client = new GraphClient(graphExecutor(graph, signer, log), log);
  const tracciato = jsonBodyParser(config.tracciati.bodyLimit);
  const sessions = new FormSessionStore(orm.em, authenticator, {
    ...config.sessions,
    secure: !!config.publicBaseUrl?.startsWith('https://'),
  });
  app.use(
    [BACKOFFICE_BASE, BACKOFFICE_CONSOLE_BASE],
    ...giornale.rest('API_BACKOFFICE'),
    backofficeRouter(
      client,
      authenticator,
      config.auth.principalHeader,
      { json, tracciato },
      { sessions, installazione: { ambiente: config.env } },
    ),
  );
  app.use(PENDENZE_BASE, ...giornale.rest('API_PENDENZE'), json, pendenzeRouter(client, authenticator, config.auth.principalHeader));
  app.use(
    RAGIONERIA_V2_BASE,
    ...giornale.rest('API_RAGIONERIA'),
    ragioneriaV2Router(client, authenticator, config.auth.principalHeader, json),
  );
  app.use(
    RAGIONERIA_V1_BASE,
    ...giornale.rest('API_RAGIONERIA'),
    ragioneriaV1Router(client, authenticator, config.auth.principalHeader, json),
  );
  app.use(
    PAGAMENTO_BASE,
    ...giornale.rest('API_PAGAMENTO'),
    pagamentoRouter(client, authenticator, config.auth.principalHeader, { json, spidProxies: new AddressList(config.spid.trustedProxies) }),
  );
  app.use(DASHBOARD_PATH, dashboardRouter());
  app.use(faultHandler(log));
  const subscriptions = attachSubscriptions({
    httpServer: server,
    path: '/graphql',
    supergraphSdl,
    operations,
    bus: events,
    client,
    authenticator,
    orm,
    metrics: registry,
    config,
    log,
  });

  const subgraphServer = createServer(subgraphHttpApp([...local.values()], config.bodyLimit, log));
  const worker = config.tracciati.worker
    ? new TracciatiWorker(orm.em, log, { owner: instanceName(), pollMs: config.tracciati.pollMs, leaseMs: config.tracciati.leaseMs })
    : undefined;
  const outbox = config.outbox.worker
    ? new OutboxWorker(orm.em, events, log, {
        owner: instanceName(),
        pollMs: config.outbox.pollMs,
        leaseMs: config.outbox.leaseMs,
        notifyTimeoutMs: config.ente.notifyTimeoutMs,
        bulkEventsPerSecond: config.outbox.bulkEventsPerSecond,
      })
    : undefined;
  const sessionPurge = new SessioniScadute(orm.em, log, SESSION_PURGE_MS);
  const sweep = new ChiusuraSessioniScadute(orm.em, log, {
    pollMs: config.pagamenti.sweepMs,
    sessionTimeoutMs: config.pagamenti.sessionTimeoutMs,
  });

  return {
    config,
    log,
    orm,
    server,
    subgraphServer,
    signer,
    authenticator,
    events,
    giornale,
    async listen() {
      await listenOn(server, config.port, config.host);
      await listenOn(subgraphServer, config.subgraphs.port, config.subgraphs.host);
      publicBaseUrl ??= `http://localhost:${(server.address() as AddressInfo).port}`;
      await giornale.start();
      worker?.start();
      outbox?.start();
      sweep.start();
      sessionPurge.start();
      acquisizione?.start();
      return {
        port: (server.address() as AddressInfo).port,
        subgraphPort: (subgraphServer.address() as AddressInfo).port,
      };
    },
    async close() {
      await worker?.stop();
      await sweep.stop();
      await sessionPurge.stop();
      await acquisizione?.stop();
      await subscriptions.close();
      await outbox?.stop();
      await graph.stop();
      await operations.close();
      await new Promise<void>((resolve) => subgraphServer.close(() => resolve()));
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
      // After the server: the last requests' events are written too.
      await giornale.close();
      await events.close();
      await throttle.close();
      await orm.close(true);
    },
  };
}

/** How often expired form sessions are deleted (they are refused from the moment they expire: this only keeps the table small). */
const SESSION_PURGE_MS = 15 * 60_000;

/** Authentication failures on the graph: the GovPay fault in extensions, and the HTTP status. */
function graphAuthError(e: unknown): GraphQLError {
  const ext = (e as { extensions?: Record<string, unknown>; status?: number }).extensions;
  const status = (e as { status?: number }).status ?? 401;
  const headers = e instanceof RetryLaterError ? new HeaderMap([['retry-after', String(e.retryAfterSeconds)]]) : undefined;
  // Apollo reads `http.headers` as a HeaderMap, whatever another package's typing of it says.
  return new GraphQLError((e as Error).message, {
    extensions: { ...ext, http: { status, ...(headers ? { headers: headers as never } : {}) } },
  });
}

/** How this instance names itself in leases: readable in the database, unique per process. */
function instanceName(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

function listenOn(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE' ? new Error(`Port ${port} on ${host} is already in use: stop the other process or set another port.`) : e,
      ),
    );
    server.listen(port, host, () => resolve());
  });
}
