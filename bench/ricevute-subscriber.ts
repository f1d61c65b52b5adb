import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { DEMO_APP_AUTHORIZATION } from './servers';

const SUBSCRIPTION = 'subscription ($d: String) { ricevutaRegistrata(idDominio: $d) { idDominio iuv ccp } }';

/**
 * One graphql-ws client subscribed to ricevutaRegistrata on one hub, as an Ente's dashboard: the
 * receipts it heard of (keys `idDominio:iuv:ccp`, each counted once) and how many results came.
 */
export interface RicevuteSubscriber {
  keys: Set<string>;
  results(): number;
  close(): Promise<void>;
}

export async function subscribeRicevute(port: number, idDominio: string): Promise<RicevuteSubscriber> {
  const keys = new Set<string>();
  let results = 0;
  const client: Client = await new Promise((resolve, reject) => {
    const c = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: DEMO_APP_AUTHORIZATION },
      lazy: false,
      retryAttempts: 0,
      on: { connected: () => resolve(c) },
      onNonLazyError: reject,
    });
  });
  client.subscribe(
    { query: SUBSCRIPTION, variables: { d: idDominio } },
    {
      next: (r) => {
        const rpp = (r.data as { ricevutaRegistrata?: { idDominio: string; iuv: string; ccp: string } } | undefined)?.ricevutaRegistrata;
        results += 1;
        if (rpp) keys.add(`${rpp.idDominio}:${rpp.iuv}:${rpp.ccp}`);
      },
      error: (e) => console.error('bench: ricevutaRegistrata subscription failed', e),
      complete: () => undefined,
    },
  );
  await untilSubscribed(port);
  return { keys, results: () => results, close: () => client.dispose() as Promise<void> };
}

async function untilSubscribed(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const m = /^govpay_graphql_subscriptions (\d+)$/m.exec(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text());
    if (m && Number(m[1]) >= 1) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('bench: the ricevutaRegistrata subscription never opened');
}
