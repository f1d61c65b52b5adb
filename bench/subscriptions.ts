import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { HubEvent } from '../core/events';
import { percentile } from './load';
import type { ServerProcess } from './processes';
import { putPendenza } from './put-pendenza';
import { DEMO_APP_AUTHORIZATION, type Memory } from './servers';

/** Live esiti: many open subscriptions on one hub, events published on its bus, delivery timed at each client. */
export interface SubscriptionsResult {
  subscriptions: number;
  events: number;
  deliveries: number;
  /** Deliveries that had not arrived when the run ended. */
  lost: number;
  /** From the event's `at` (its commit time) to the client's receipt, in ms. */
  p50: number;
  p99: number;
  /** The hub process before opening the subscriptions and with them open. */
  memory: { before: Memory; after: Memory };
}

const SUBSCRIPTION =
  'subscription ($d: String) { pendenzaAggiornata(idDominio: $d) { idPendenza stato importo dominio { ragioneSociale } } }';
/** Connections opened at once while setting up (each authenticates at connection_init). */
const OPENING_BATCH = 100;
const GRACE_MS = 5000;

/**
 * Opens `subscriptions` graphql-ws connections (one subscription each, as one dashboard each),
 * then publishes `events` pendenzaAggiornata events for one pendenza, `intervalMs` apart, through
 * the hub's bus (the outbox's path after commit). Each client receives each event in order, so
 * the k-th result it gets belongs to the k-th event.
 */
export async function measureSubscriptions(
  hub: ServerProcess,
  o: { subscriptions: number; events: number; intervalMs: number; idDominio: string },
): Promise<SubscriptionsResult> {
  const base = `http://127.0.0.1:${hub.ready.port}`;
  const idPendenza = `SUB${Date.now().toString(36)}`;
  await putPendenza(base, 'IDA2A01', idPendenza, {
    idTipoPendenza: 'SEGRETERIA',
    idDominio: o.idDominio,
    causale: 'Diritti di segreteria',
    soggettoPagatore: { tipo: 'F', identificativo: 'RSSMRA30A01H501I', anagrafica: 'Mario Rossi' },
    importo: 100.99,
    dataScadenza: '2999-12-31',
    voci: [{ idVocePendenza: '1', importo: 100.99, descrizione: 'Diritti di segreteria', codEntrata: 'SEGRETERIA' }],
  });

  const before = (await hub.ask({ type: 'memory' })) as Memory;
  const publishedAt: number[] = [];
  const latencies: number[] = [];
  const clients: Client[] = [];
  for (let opened = 0; opened < o.subscriptions; opened += OPENING_BATCH) {
    const batch = Math.min(OPENING_BATCH, o.subscriptions - opened);
    await Promise.all(Array.from({ length: batch }, () => open(base, o.idDominio, publishedAt, latencies).then((c) => clients.push(c))));
  }
  await untilSubscriptions(base, o.subscriptions);
  const after = (await hub.ask({ type: 'memory' })) as Memory;

  try {
    for (let k = 0; k < o.events; k++) {
      const at = Date.now();
      publishedAt.push(at);
      const event: HubEvent = {
        v: 1,
        tipo: 'pendenzaAggiornata',
        idDominio: o.idDominio,
        idA2A: 'IDA2A01',
        idPendenza,
        idTipoPendenza: 'SEGRETERIA',
        stato: 'NON_ESEGUITA',
        at: new Date(at).toISOString(),
      };
      await hub.ask({ type: 'publish', event });
      await new Promise((resolve) => setTimeout(resolve, o.intervalMs));
    }
    const expected = o.subscriptions * o.events;
    const deadline = Date.now() + GRACE_MS;
    while (latencies.length < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    latencies.sort((a, b) => a - b);
    return {
      subscriptions: o.subscriptions,
      events: o.events,
      deliveries: latencies.length,
      lost: expected - latencies.length,
      p50: percentile(latencies, 0.5),
      p99: percentile(latencies, 0.99),
      memory: { before, after },
    };
  } finally {
    await Promise.all(clients.map((c) => c.dispose()));
  }
}

/** One client with one subscription, recording each result's delay from its event's `at`. */
function open(base: string, idDominio: string, publishedAt: number[], latencies: number[]): Promise<Client> {
  return new Promise((resolve, reject) => {
    const client = createClient({
      url: `${base.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: DEMO_APP_AUTHORIZATION },
      lazy: false,
      retryAttempts: 0,
      on: {
        connected: () => resolve(client),
        closed: (e) => reject(new Error(`bench: subscription closed: ${(e as WebSocket.CloseEvent).code}`)),
      },
      onNonLazyError: reject,
    });
    let received = 0;
    client.subscribe(
      { query: SUBSCRIPTION, variables: { d: idDominio } },
      {
        next: () => {
          const at = publishedAt[received++];
          if (at !== undefined) latencies.push(Date.now() - at);
        },
        error: (e) => reject(e instanceof Error ? e : new Error(`bench: subscription refused: ${JSON.stringify(e)}`)),
        complete: () => undefined,
      },
    );
  });
}

async function untilSubscriptions(base: string, count: number): Promise<void> {
  for (;;) {
    const m = /^govpay_graphql_subscriptions (\d+)$/m.exec(await (await fetch(`${base}/metrics`)).text());
    if (m && Number(m[1]) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
