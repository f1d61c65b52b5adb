import { GraphQLError, getOperationAST, parse, validate, type DocumentNode, type ExecutionArgs } from 'graphql';
import { eventResults } from './event-results';
import { useServer } from 'graphql-ws/use/ws';
import type { Server } from 'node:http';
import { Gauge, type Registry } from 'prom-client';
import { WebSocketServer } from 'ws';
import type { GraphClient } from '../../rest-compat/shared/graph-client';
import type { Config } from '../../core/config';
import type { EventBus } from '../../core/events';
import type { Logger } from '../../core/logger';
import type { MikroORM } from '@mikro-orm/core';
import { Authenticator } from '../auth';
import { assertWithinLimits, parseLimits } from '../limits';
import { UNTHROTTLED } from '../login-throttle';
import type { PersistedOperations, ResolvedOperation } from '../persisted-queries/operations';
import { authenticateConnection } from './authenticate';
import { EventReader } from './event-reader';
import { originAllowed } from './origin';
import { RightsCheck } from './rights-check';
import { subscriptionSchema, type SubscriberContext } from './schema';
import { TOPICS } from './topics';

export interface SubscriptionServerOptions {
  httpServer: Server;
  path: string;
  supergraphSdl: string;
  /** The graph's HTTP endpoint's: a subscription's text from its hash, or refused when not in the allow-list. */
  operations: PersistedOperations;
  bus: EventBus;
  client: GraphClient;
  authenticator: Authenticator;
  /** Where open connections' credentials are checked again, bypassing the authenticator's cache. */
  orm: MikroORM;
  /** Where the open subscriptions are reported (`govpay_graphql_subscriptions`). */
  metrics: Registry;
  config: Pick<Config, 'auth' | 'graphql' | 'env' | 'allowedOrigins' | 'subscriptions'>;
  log: Logger;
}

export interface SubscriptionServer {
  /** The subscription fields offered (those the supergraph has the types for). */
  fields: string[];
  /** Closes every subscriber's socket (1001, going away) and stops accepting new ones. */
  close(): Promise<void>;
}

/**
 * The graphql-ws endpoint on the edge server's graph path (Apollo keeps HTTP on the same path).
 * Upgrades from browser pages of origins not allowed are refused (403) before any WebSocket exists.
 * A connection is authenticated at `connection_init` and re-checked while open (rights-check.ts); only subscription operations are
 * served, validated against the subscription schema and held to the graph's depth and cost limits;
 * like POST /graphql, one may be sent by its persisted hash, and with GRAPHQL_OPERATIONS=allow-list
 * only the listed ones are (see persisted-queries/operations.ts).
 */
export function attachSubscriptions(o: SubscriptionServerOptions): SubscriptionServer {
  const reader = new EventReader(o.client, o.log);
  const { schema, topics, open } = subscriptionSchema(o.supergraphSdl, TOPICS, o.bus, reader, o.config.subscriptions.maxPending, o.log);
  new Gauge({
    name: 'govpay_graphql_subscriptions',
    help: 'GraphQL subscriptions open on this instance',
    registers: [o.metrics],
    collect() {
      this.set(open());
    },
  });
  const wsServer = new WebSocketServer({
    server: o.httpServer,
    path: o.path,
    verifyClient: ({ req }, done) => {
      if (originAllowed(req, o.config.allowedOrigins)) return done(true);
      o.log.info({ origin: req.headers.origin }, 'WebSocket upgrade refused: Origin not allowed');
      done(false, 403, 'Origin not allowed: list it in ALLOWED_ORIGINS');
    },
  });
  const rights = new RightsCheck(
    new Authenticator(o.orm, { ...o.config.auth, cacheTtlSeconds: 0 }, UNTHROTTLED, o.log),
    o.config.auth,
    o.log,
  );
  const server = useServer<Record<string, unknown>, { subscriber: SubscriberContext }>(
    {
      schema,
      subscribe: eventResults,
      isProd: o.config.env === 'production',
      onConnect: async (ctx) => {
        const outcome = await authenticateConnection(o.authenticator, o.config.auth, ctx.connectionParams, ctx.extra.request);
        if ('code' in outcome) {
          ctx.extra.socket.close(outcome.code, outcome.reason);
          return false;
        }
        const subscriber: SubscriberContext = {
          principal: outcome.principal,
          principalKey: JSON.stringify(outcome.principal),
          subscriptions: new Set(),
        };
        ctx.extra.subscriber = subscriber;
        rights.watch({ params: ctx.connectionParams, request: ctx.extra.request, socket: ctx.extra.socket, subscriber });
        return true;
      },
      onSubscribe: async (ctx, _id, payload): Promise<ExecutionArgs | readonly GraphQLError[]> => {
        let document: DocumentNode;
        let resolved: ResolvedOperation | undefined;
        try {
          resolved = await o.operations.resolve(payload);
          document = parse(resolved?.query ?? payload.query, parseLimits(o.config.graphql));
        } catch (e) {
          return [e as GraphQLError];
        }
        const invalid = validate(schema, document);
        if (invalid.length) return invalid;
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [new GraphQLError('Unable to identify the operation.')];
        if (operation.operation !== 'subscription') {
          return [new GraphQLError('Only subscriptions are served over WebSocket: send queries and mutations with HTTP POST.')];
        }
        try {
          assertWithinLimits(schema, document, payload, o.config.graphql);
        } catch (e) {
          return [e as GraphQLError];
        }
        if (resolved?.register) await o.operations.register(resolved.register, resolved.query);
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: ctx.extra.subscriber,
        };
      },
    },
    wsServer,
  );
  o.log.info({ path: o.path, fields: topics.map((t) => t.field) }, 'graphql-ws subscriptions ready');
  return {
    fields: topics.map((t) => t.field),
    close: () => {
      rights.stop();
      return server.dispose() as Promise<void>;
    },
  };
}
