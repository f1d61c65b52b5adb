import { nuovaPendenza } from './helpers/fixtures';
import { basic, call, IDA2A01 } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';

/** GET /pendenze reads a GovPay page larger than the graph's 100 rows as consecutive graph pages. */
let t: TestHub;
const app = basic(IDA2A01);
const PV2 = '/govpay/backend/api/pendenze/rs/basic/v2';
const debitore = `PG${Date.now()}`;
const ROWS = 160;
const ids = Array.from({ length: ROWS }, (_, i) => `${debitore}-${String(i).padStart(3, '0')}`);

beforeAll(async () => {
  t = await startHub();
  for (let i = 0; i < ROWS; i += 8) {
    await Promise.all(
      ids.slice(i, i + 8).map(async (id) => {
        const body = nuovaPendenza(id, { soggettoPagatore: { tipo: 'F', identificativo: debitore, anagrafica: 'Maria Bianchi' } });
        expect((await call(t.baseUrl, 'PUT', `${PV2}/pendenze/IDA2A01/${id}`, { auth: app, body })).status).toBe(201);
      }),
    );
  }
}, 180_000);
afterAll(() => t.close());

it('answers risultatiPerPagina=150 with 150 rows in order, the count and the next page', async () => {
  const query = `idDebitore=${debitore}&ordinamento=%2BidPendenza&risultatiPerPagina=150`;
  const first = await call(t.baseUrl, 'GET', `${PV2}/pendenze?${query}`, { auth: app });
  expect(first.status).toBe(200);
  expect(first.body).toMatchObject({ numRisultati: ROWS, numPagine: 2, risultatiPerPagina: 150, pagina: 1 });
  expect(first.body.risultati.map((p: { idPendenza: string }) => p.idPendenza)).toEqual(ids.slice(0, 150));
  expect(first.body.prossimiRisultati).toBe(`${PV2}/pendenze?${query}&pagina=2`);
  const second = await call(t.baseUrl, 'GET', `${PV2}/pendenze?${query}&pagina=2`, { auth: app });
  expect(second.body.risultati.map((p: { idPendenza: string }) => p.idPendenza)).toEqual(ids.slice(150));
  expect(second.body.prossimiRisultati).toBeUndefined();
});
