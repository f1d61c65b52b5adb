import { GraphQLError } from 'graphql';
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import type { Config } from '../../core/config';
import { errors } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { Authenticator } from '../auth';
import { authenticateConnection, type ConnectionAuth } from './authenticate';
import type { SubscriberContext } from './schema';
import { allows } from '../../subgraphs/esiti/services';

/** An open connection: what it authenticated with, and what it holds. */
export interface WatchedConnection {
  params: Readonly<Record<string, unknown>> | undefined;
  request: IncomingMessage;
  socket: WebSocket;
  subscriber: SubscriberContext;
}

/**
 * Rights change while sockets stay open: every `AUTH_CACHE_TTL_SECONDS` (at least each second)
 * each open connection's credentials are checked again against the database, bypassing the cache
 * (`fresh` caches nothing) but once per distinct credentials. Credentials that no longer
 * authenticate close the socket with the code a new connection would get (4401; 4403 for a
 * disabled utenza); a subscription its principal may no longer hold ends with the 403 a new one
 * would get; the others go on with the new principal (its domini and tipi pendenza filter events).
 */
export class RightsCheck {
  private readonly connections = new Set<WatchedConnection>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly fresh: Authenticator,
    private readonly auth: Config['auth'],
    private readonly log: Logger,
  ) {
    this.timer = setInterval(() => void this.run(), Math.max(1, auth.cacheTtlSeconds) * 1000);
    this.timer.unref();
  }

  watch(connection: WatchedConnection): void {
    this.connections.add(connection);
    connection.socket.once('close', () => this.connections.delete(connection));
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async run(): Promise<void> {
    const outcomes = new Map<string, Promise<ConnectionAuth>>();
    await Promise.all(
      [...this.connections].map(async (c) => {
        const key = JSON.stringify([
          c.params?.authorization ?? c.params?.Authorization ?? c.request.headers.authorization,
          c.request.headers[this.auth.principalHeader],
          c.request.socket.remoteAddress,
        ]);
        let outcome = outcomes.get(key);
        if (!outcome) outcomes.set(key, (outcome = authenticateConnection(this.fresh, this.auth, c.params, c.request)));
        try {
          this.apply(c, await outcome);
        } catch (e) {
          this.log.warn({ err: e }, 'subscriber rights not re-checked this time');
        }
      }),
    );
  }

  private apply(c: WatchedConnection, outcome: ConnectionAuth): void {
    if ('code' in outcome) {
      this.log.info({ code: outcome.code }, 'subscriber no longer authenticated: socket closed');
      c.socket.close(outcome.code, outcome.reason);
      return;
    }
    const principalKey = JSON.stringify(outcome.principal);
    if (principalKey === c.subscriber.principalKey) return;
    c.subscriber.principal = outcome.principal;
    c.subscriber.principalKey = principalKey;
    for (const held of [...c.subscriber.subscriptions]) {
      if (allows(held.topic, outcome.principal, held.args)) continue;
      const refused = errors.forbidden(`Il chiamante non e' autorizzato ad eseguire l'operazione.`);
      held.end(new GraphQLError(refused.message, { extensions: refused.extensions }));
    }
  }
}
