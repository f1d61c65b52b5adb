import { basic, call, gql, IDA2A01 } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { nuovaPendenza } from './helpers/fixtures';
import { MAX_RISULTATI, pageVariables, type PagingQuery } from '../rest-compat/shared/paging';

/**
 * GovPay's maxRisultati: a list counts at most so many matches, so that a list over a big archive
 * does not read every match to count it. The graph takes the limit as `countLimit`; the REST lists
 * ask for GovPay's 10,000 unless `maxRisultati=false`.
 */
let t: TestHub;
const app = basic(IDA2A01);
const PV2 = '/govpay/backend/api/pendenze/rs/basic/v2';
const prefix = `CL${Date.now()}`;
/** A debtor of this file's own: its pendenze are the list. */
const debitore = `DEB${Date.now()}`;
const LIST = `query ($first: Int, $offset: Int, $countLimit: Int) {
  pendenze(filter: { idDebitore: "${debitore}" }, orderBy: [{ field: ID_PENDENZA, direction: ASC }], first: $first, offset: $offset, countLimit: $countLimit) {
    totalCount nodes { idPendenza } pageInfo { hasNextPage } } }`;

beforeAll(async () => {
  t = await startHub();
  for (const n of [1, 2, 3]) {
    const id = `${prefix}-${n}`;
    const r = await call(t.baseUrl, 'PUT', `${PV2}/pendenze/IDA2A01/${id}`, {
      auth: app,
      body: nuovaPendenza(id, { soggettoPagatore: { tipo: 'F', identificativo: debitore, anagrafica: 'Maria Bianchi' } }),
    });
    expect(r.status).toBe(201);
  }
});
afterAll(() => t.close());

describe('countLimit on the graph', () => {
  it('stops the count at the limit and still tells that more pages follow', async () => {
    const r = await gql(t.baseUrl, LIST, { first: 1, countLimit: 2 }, app);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.pendenze.totalCount).toBe(2);
    expect(r.body.data.pendenze.nodes).toEqual([{ idPendenza: `${prefix}-1` }]);
    expect(r.body.data.pendenze.pageInfo.hasNextPage).toBe(true);
  });

  it('past the limit, the last page is told by the rows, not by the capped count', async () => {
    const more = await gql(t.baseUrl, LIST, { first: 1, offset: 1, countLimit: 2 }, app);
    expect(more.body.data.pendenze.nodes).toEqual([{ idPendenza: `${prefix}-2` }]);
    expect(more.body.data.pendenze.pageInfo.hasNextPage).toBe(true);
    const last = await gql(t.baseUrl, LIST, { first: 2, offset: 1, countLimit: 2 }, app);
    expect(last.body.data.pendenze.nodes.map((n: { idPendenza: string }) => n.idPendenza)).toEqual([`${prefix}-2`, `${prefix}-3`]);
    expect(last.body.data.pendenze.pageInfo.hasNextPage).toBe(false);
  });

  it('counts exactly below the limit and without one', async () => {
    for (const countLimit of [3, 100, null]) {
      const r = await gql(t.baseUrl, LIST, { first: 1, countLimit }, app);
      expect(r.body.data.pendenze.totalCount).toBe(3);
    }
  });

  it('refuses a limit that is not positive', async () => {
    for (const countLimit of [0, -5]) {
      const r = await gql(t.baseUrl, LIST, { first: 1, countLimit }, app);
      expect(r.body.data?.pendenze ?? null).toBeNull();
      expect(r.body.errors[0].message).toBe('Il campo countLimit deve essere positivo.');
    }
  });
});

describe('maxRisultati on REST', () => {
  it("numRisultati is the exact count below GovPay's 10,000, whether or not the limit is asked", async () => {
    for (const q of ['', '&maxRisultati=true', '&maxRisultati=false', '&maxRisultati=0']) {
      const r = await call(t.baseUrl, 'GET', `${PV2}/pendenze?idA2A=IDA2A01&risultatiPerPagina=2${q}&idDebitore=${debitore}`, {
        auth: app,
      });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ numRisultati: 3, numPagine: 2, risultatiPerPagina: 2 });
    }
  });

  it('asks the graph to stop counting at 10,000 unless maxRisultati=false', () => {
    const paging: PagingQuery = { pagina: 1, risultatiPerPagina: 25, metadatiPaginazione: true, maxRisultati: true };
    expect(MAX_RISULTATI).toBe(10_000);
    expect(pageVariables(paging).countLimit).toBe(10_000);
    expect(pageVariables({ ...paging, maxRisultati: false }).countLimit).toBeUndefined();
  });

  it('refuses a maxRisultati that is not a boolean, as GovPay does', async () => {
    const r = await call(t.baseUrl, 'GET', `${PV2}/pendenze?maxRisultati=forse`, { auth: app });
    expect(r.status).toBe(400);
  });
});
