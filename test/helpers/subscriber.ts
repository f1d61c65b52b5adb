import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { HubEvent } from '../../core/events';
import { OutboxJob } from '../../schema/entities';
import type { TestHub } from './hub';
import { until } from './until';

export interface Closed {
  code: number;
  reason: string;
}

/** One subscription's results as they arrive; `next()` waits for the following one. */
export interface Results {
  next(): Promise<any>;
  /** Every result received so far. */
  received: any[];
  /** Resolves with the errors when the server ends the subscription with an error. */
  error: Promise<readonly unknown[]>;
}

export interface Subscriber {
  subscribe(query: string, variables?: Record<string, unknown>): Results;
  /** Resolves when the server closes the socket, with its code and reason. */
  closed: Promise<Closed>;
  dispose(): Promise<void>;
}

/**
 * A real graphql-ws client over `ws` to a hub's /graphql (or another `path`): `connectionParams` go in
 * `connection_init`, `headers` on the upgrade request. It does not retry, so a refused
 * connection stays closed.
 */
export function subscriber(
  baseUrl: string,
  o: { connectionParams?: Record<string, unknown>; headers?: Record<string, string>; path?: string } = {},
): Subscriber {
  class WithHeaders extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: o.headers });
    }
  }
  let onClosed: (c: Closed) => void = () => undefined;
  const closed = new Promise<Closed>((resolve) => (onClosed = resolve));
  const client: Client = createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}${o.path ?? '/graphql'}`,
    webSocketImpl: WithHeaders,
    connectionParams: o.connectionParams,
    retryAttempts: 0,
    lazy: false,
    on: { closed: (e) => onClosed({ code: (e as WebSocket.CloseEvent).code, reason: String((e as WebSocket.CloseEvent).reason) }) },
    onNonLazyError: () => undefined,
  });
  return {
    closed,
    subscribe(query, variables) {
      const received: any[] = [];
      const waiting: ((value: any) => void)[] = [];
      let failed: (errors: readonly unknown[]) => void = () => undefined;
      const error = new Promise<readonly unknown[]>((resolve) => (failed = resolve));
      client.subscribe(
        { query, variables },
        {
          next: (value) => {
            received.push(value);
            waiting.shift()?.(value);
          },
          error: (e) => failed(Array.isArray(e) ? e : [e]),
          complete: () => undefined,
        },
      );
      let read = 0;
      return {
        received,
        error,
        next: () => {
          const index = read++;
          return index < received.length ? Promise.resolve(received[index]) : new Promise((resolve) => waiting.push(resolve));
        },
      };
    },
    dispose: () => client.dispose() as Promise<void>,
  };
}

/** Waits until the hub reports `count` open subscriptions on its /metrics (subscribing is asynchronous). */
export async function untilSubscriptions(t: TestHub, count: number): Promise<void> {
  await until(`${count} open subscriptions`, async () => {
    const m = /^govpay_graphql_subscriptions (\d+)$/m.exec(await (await fetch(`${t.baseUrl}/metrics`)).text());
    return m !== null && Number(m[1]) === count;
  });
}

/**
 * Waits until every event the hub's writes so far have queued (pendenzaAggiornata on every change,
 * through the outbox) has been published: a test that writes in its setup and then subscribes
 * would otherwise receive those among the events it publishes itself.
 */
export async function untilAnnounced(t: TestHub): Promise<void> {
  await until(
    'the events of the writes so far published',
    async () => (await t.hub.orm.em.fork().count(OutboxJob, { chiave: { $like: 'evento:%' }, stato: 'DA_ESEGUIRE' })) === 0,
  );
}

/** A pendenzaAggiornata event for a pendenza of IDA2A01, committed now. */
export const pendenzaEvent = (
  idPendenza: string,
  idDominio = '12345678901',
  idTipoPendenza = 'SEGRETERIA',
  idA2A = 'IDA2A01',
): HubEvent => ({
  v: 1,
  tipo: 'pendenzaAggiornata',
  idDominio,
  idA2A,
  idPendenza,
  idTipoPendenza,
  stato: 'NON_ESEGUITA',
  at: new Date().toISOString(),
});
