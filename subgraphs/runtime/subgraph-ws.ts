import type { ExecutionResult } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Server } from 'node:http';
import { WebSocketServer } from 'ws';
import { DomainError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import { PRINCIPAL_HEADER } from '../../core/principal';
import type { SubgraphContext } from './context';
import type { SubgraphRuntime } from './subgraph-runtime';

/** Close code of a connection without a valid signed principal: 4000 plus the HTTP status (401). */
const UNAUTHENTICATED = 4401;

/**
 * graphql-ws on the endpoint (`/<name>/graphql`) of each subgraph whose schema has a
 * `Subscription`, for a Federation gateway that supports subscriptions: it opens the socket with
 * the caller's signed principal, as it sends it over HTTP (in the `connection_init` payload under
 * the principal header's name, or as that header on the upgrade request). A socket without a
 * valid one is closed at `connection_init` (4401). Returns what closes them all.
 */
export function attachSubgraphSubscriptions(server: Server, runtimes: SubgraphRuntime[], log: Logger): () => Promise<void> {
  const served = runtimes.filter((r) => r.schema.getSubscriptionType());
  const closers = served.map((runtime) => {
    const path = `/${runtime.name}/graphql`;
    const wsServer = new WebSocketServer({ noServer: true });
    server.on('upgrade', (request, socket, head) => {
      if (new URL(request.url ?? '/', 'http://subgraph').pathname !== path) return;
      wsServer.handleUpgrade(request, socket, head, (ws) => wsServer.emit('connection', ws, request));
    });
    const ws = useServer<Record<string, unknown>, { context?: SubgraphContext }>(
      {
        schema: runtime.schema,
        onConnect: (ctx) => {
          const fromPayload = ctx.connectionParams?.[PRINCIPAL_HEADER];
          const signed = typeof fromPayload === 'string' ? fromPayload : ctx.extra.request.headers[PRINCIPAL_HEADER];
          try {
            ctx.extra.context = runtime.context(typeof signed === 'string' ? signed : undefined);
            return true;
          } catch (e) {
            if (!(e instanceof DomainError)) throw e;
            ctx.extra.socket.close(UNAUTHENTICATED, e.message.slice(0, 100));
            return false;
          }
        },
        context: (ctx) => ctx.extra.context,
        onNext: (_ctx, _id, _payload, _args, result: ExecutionResult) =>
          result.errors ? { ...result, errors: result.errors.map((e) => runtime.toGraphQLError(e).toJSON()) } : undefined,
      },
      wsServer,
    );
    log.info({ path }, 'subgraph subscriptions ready (graphql-ws)');
    return () => ws.dispose() as Promise<void>;
  });
  return async () => void (await Promise.all(closers.map((close) => close())));
}
