import { ApolloGateway, type GatewayConfig } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Server } from 'node:http';
import type { GraphQLFormattedError } from 'graphql';
import type { Config } from '../core/config';
import { DomainError, internalFault } from '../core/errors';
import type { Logger } from '../core/logger';
import type { SubgraphRuntime } from '../subgraphs/runtime/subgraph-runtime';
import type { GatewayContext } from './context';
import { InProcessDataSource, SignedRemoteDataSource } from './data-sources';
import { operationLimitsPlugin, parseLimits } from './limits';
import { malformedRequestPlugin } from './malformed-request';
import type { PersistedOperations } from './persisted-queries/operations';
import { persistedOperationsPlugin } from './persisted-queries/plugin';

export interface GraphServerOptions {
  supergraphSdl: string;
  /** Subgraphs running in this process, by name; the others are reached at `remoteUrls`. */
  local: Map<string, SubgraphRuntime>;
  remoteUrls: Record<string, string | undefined>;
  /** How long a remote subgraph may take to answer. */
  subgraphTimeoutMs: number;
  graphql: Config['graphql'];
  /** Which operations outside callers may run, and persisted ones' text (APQ or the allow-list). */
  operations: PersistedOperations;
  httpServer: Server;
  log: Logger;
}

/** Apollo Gateway over the static supergraph, with the hub's limits and error model. */
export async function createGraphServer(o: GraphServerOptions): Promise<ApolloServer<GatewayContext>> {
  const gateway = new ApolloGateway({
    supergraphSdl: o.supergraphSdl,
    buildService: ({ name }) => {
      const local = o.local.get(name);
      if (local) return new InProcessDataSource(local);
      const url = o.remoteUrls[name];
      if (!url) throw new Error(`Subgraph ${name} is neither in this process nor configured with a URL`);
      return new SignedRemoteDataSource(url, o.subgraphTimeoutMs);
    },
  } as GatewayConfig);
  const server = new ApolloServer<GatewayContext>({
    gateway,
    introspection: o.graphql.introspection,
    includeStacktraceInErrorResponses: false,
    parseOptions: parseLimits(o.graphql),
    // Resolved by persistedOperationsPlugin, shared with the WebSocket endpoint.
    persistedQueries: false,
    // The hub stops the whole process in order (gateway/main.ts); Apollo would re-raise the signal midway.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: o.httpServer }),
      persistedOperationsPlugin(o.operations),
      malformedRequestPlugin(),
      operationLimitsPlugin(o.graphql),
    ],
    formatError: (formatted, error) => formatGraphError(formatted, error, o.log),
  });
  await server.start();
  return server;
}

/** Domain errors keep their GovPay fields in `extensions`; anything unexpected is logged and masked. */
function formatGraphError(formatted: GraphQLFormattedError, error: unknown, log: Logger): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    if (original.status >= 500) log.warn({ err: original, path: formatted.path }, 'graph request failed');
    return { ...formatted, message: original.message, extensions: original.extensions };
  }
  const code = formatted.extensions?.code;
  if (code === 'INTERNAL_SERVER_ERROR' && !formatted.extensions?.codice) {
    const internal = internalFault(log, original, 'unexpected error in the graph', { path: formatted.path });
    return { message: internal.message, path: formatted.path, extensions: internal.extensions };
  }
  return formatted;
}
