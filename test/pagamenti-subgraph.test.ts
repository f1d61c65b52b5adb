import { basic, call, gql, IDA2A01 } from './helpers/http';
import { SECRET, startHub, type TestHub } from './helpers/hub';
import { nuovaPendenza } from './helpers/fixtures';
import { insertRpp } from './helpers/rpp-fixture';
import { BUILD_TIMEOUT_MS, ensureBuilt } from './helpers/build';
import { CheckoutDouble } from './helpers/checkout-double';
import { startStandaloneSubgraph, type StandaloneSubgraph } from './helpers/standalone-subgraph';

/**
 * The pagamenti subgraph as its own process (`npm run start:subgraph pagamenti`, compiled), behind
 * a gateway that reaches it at SUBGRAPH_PAGAMENTI_URL: the graph and the REST /rpp work through it.
 */
const app = basic(IDA2A01);
const PV2 = '/govpay/backend/api/pendenze/rs/basic/v2';

let owner: TestHub;
let gateway: TestHub;
let subgraph: StandaloneSubgraph;
let subgraphUrl: string;
let checkout: CheckoutDouble;

describe('the pagamenti subgraph alone', () => {
  beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);
  beforeAll(async () => {
    owner = await startHub();
    const put = await call(owner.baseUrl, 'PUT', `${PV2}/pendenze/IDA2A01/SOLO-1`, { auth: app, body: nuovaPendenza('SOLO-1') });
    expect(put.status).toBe(201);
    await insertRpp(owner.hub.orm, { idPendenza: 'SOLO-1', ccp: 'SOLO-CCP' });
    const db = owner.hub.config.database;
    const DATABASE_URL = db.dialect === 'sqlite' ? `sqlite:${db.path}` : db.url;
    checkout = await new CheckoutDouble().start();
    subgraph = await startStandaloneSubgraph('pagamenti', {
      ...{ DATABASE_URL, INTERNAL_PRINCIPAL_SECRET: SECRET },
      ...{ CHECKOUT_URL: checkout.url, PUBLIC_BASE_URL: 'https://hub.ente.example' },
    });
    subgraphUrl = subgraph.url;
    gateway = await startHub({ DATABASE_URL, SUBGRAPH_PAGAMENTI_URL: subgraphUrl });
  }, 60000);

  afterAll(async () => {
    await subgraph?.stop();
    await gateway?.close();
    await owner?.close();
    await checkout?.stop();
  });

  it("starts a portal's payment with the Checkout client its process was handed", async () => {
    const r = await gql(
      gateway.baseUrl,
      'mutation ($input: AvviaPagamentoInput!) { avviaPagamento(input: $input) { redirect pagamento { idSession stato } } }',
      { input: { pendenze: [{ riferimento: { idA2A: 'IDA2A01', idPendenza: 'SOLO-1' } }], urlRitorno: 'https://portale.example/' } },
      app,
    );
    expect(r.body.errors).toBeUndefined();
    const { redirect, pagamento } = r.body.data.avviaPagamento;
    expect([redirect, pagamento.stato]).toEqual([checkout.pageOf(pagamento.idSession), 'IN_CORSO']);
    expect(checkout.carts.map((c) => c.body.returnUrls.returnOkUrl.startsWith('https://hub.ente.example/'))).toEqual([true]);
  });

  it('answers the federated graph and the REST /rpp through the gateway', async () => {
    const r = await gql(
      gateway.baseUrl,
      '{ pendenza(idA2A: "IDA2A01", idPendenza: "SOLO-1") { rpp { ccp importo pendenza { dominio { ragioneSociale } } } } }',
      {},
      app,
    );
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.pendenza.rpp).toEqual([
      { ccp: 'SOLO-CCP', importo: '100.99', pendenza: { dominio: { ragioneSociale: 'Ente Creditore Test' } } },
    ]);
    const list = await call(gateway.baseUrl, 'GET', `${PV2}/rpp?idPendenza=SOLO-1`, { auth: app });
    expect(list.status).toBe(200);
    expect(list.body.risultati.map((x: any) => x.rt.receiptId)).toEqual(['SOLO-CCP']);
  });

  it('refuses a caller the gateway did not sign for', async () => {
    const r = await call(subgraphUrl.replace(/\/pagamenti\/graphql$/, ''), 'POST', '/pagamenti/graphql', {
      auth: null,
      body: { query: '{ rpps { totalCount } }' },
    });
    expect(JSON.stringify(r.body)).toContain('401000');
    expect(JSON.stringify(r.body)).not.toContain('totalCount":1');
  });
});
