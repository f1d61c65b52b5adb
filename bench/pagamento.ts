import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Scenario } from './scenario';
import { DEMO_APP_AUTHORIZATION } from './servers';

/**
 * Starting a payment (issue 12): GovPay's POST /pagamenti (API Pagamento v2) against the graph's
 * avviaPagamento, the baseline, with the same cart: one new spontaneous pendenza per request, so
 * every request loads a pendenza and opens a session. pagoPA Checkout is a stub in the bench
 * process that opens every cart at once (302 to a page): what is measured is the hub's own work.
 */
export class CheckoutStub {
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(302, { location: `http://checkout.stub/c/${Math.random().toString(36).slice(2)}` }).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/checkout/ec/v1`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

const URL_RITORNO = 'https://portale.ente.example/esito';

export function pagamentoScenarios(port: number, nuovaPendenza: Record<string, unknown>): Scenario[] {
  const run = Date.now().toString(36);
  const json = { 'content-type': 'application/json', authorization: DEMO_APP_AUTHORIZATION };
  const voce = (prefix: string, n: number) => ({ idA2A: 'IDA2A01', idPendenza: `${prefix}${run}-${n}`, ...nuovaPendenza });
  const graph = (n: number) =>
    JSON.stringify({
      query: 'mutation ($input: AvviaPagamentoInput!) { avviaPagamento(input: $input) { redirect pagamento { id idSession } } }',
      variables: { input: { pendenze: [{ nuova: voce('AG', n) }], urlRitorno: URL_RITORNO } },
    });
  const rest = (n: number) => JSON.stringify({ pendenze: [voce('AR', n)], urlRitorno: URL_RITORNO });
  return [
    {
      id: 'pagamento-graph',
      label: 'start a payment: graph (avviaPagamento)',
      baseline: 'pagamento-graph',
      request: {
        url: `http://127.0.0.1:${port}/graphql`,
        method: 'POST',
        headers: json,
        body: graph(0),
        vary: (n) => ({ body: graph(n) }),
      },
      check: (b) => typeof (b as { data?: { avviaPagamento?: { redirect?: string } } }).data?.avviaPagamento?.redirect === 'string',
    },
    {
      id: 'pagamento-rest',
      label: 'start a payment: REST compat (API Pagamento v2 POST /pagamenti)',
      baseline: 'pagamento-graph',
      request: {
        url: `http://127.0.0.1:${port}/govpay/frontend/api/pagamento/rs/basic/v2/pagamenti`,
        method: 'POST',
        headers: json,
        body: rest(0),
        vary: (n) => ({ body: rest(n) }),
      },
      check: (b) => typeof (b as { redirect?: string }).redirect === 'string',
    },
  ];
}
