import { toGlobalId } from '../core/global-id';
import { registraFlusso } from '../subgraphs/riconciliazione/services';
import { dati, DOMINIO, flusso, rifiutata, riga } from './helpers/flussi';
import { basic, BO, call, GPADMIN, IDA2A01 } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { closeSimulators } from './helpers/simulator';
import { RV1, RV2 } from './helpers/ragioneria';

/**
 * A flow's own lines (FlussoRendicontazione.rendicontazioni) follow the lists' paging: pages of at
 * most 100 by first/after/offset, withCount and countLimit; GovPay's flow detail, which shows every
 * line, still shows all 150 of a flow larger than one graph page, in the flow's order.
 */
let t: TestHub;
const RIGHE = 150;
const iuv = (i: number) => `9${String(i).padStart(16, '0')}`;
let idFlusso: string;
let id: string;

beforeAll(async () => {
  t = await startHub({ TRACCIATI_WORKER: 'false' });
  const f = flusso(Array.from({ length: RIGHE }, (_, i) => riga(iuv(i), `IUR-${i}`)));
  idFlusso = f.idFlusso;
  id = toGlobalId('FlussoRendicontazione', (await registraFlusso(t.hub.orm.em.fork(), f)).id);
});
afterAll(async () => {
  await closeSimulators();
  await t.close();
});

const RIGHE_DEL_FLUSSO = `query ($id: ID!, $first: Int, $after: String, $offset: Int, $withCount: Boolean, $countLimit: Int) {
  flussoRendicontazione(id: $id) {
    rendicontazioni(first: $first, after: $after, offset: $offset, withCount: $withCount, countLimit: $countLimit) {
      totalCount pageInfo { hasNextPage endCursor } nodes { iuv }
    }
  }
}`;
const righe = async (variables: Record<string, unknown>) =>
  (await dati(t, RIGHE_DEL_FLUSSO, { id, ...variables })).flussoRendicontazione.rendicontazioni;
const iuvs = (page: { nodes: Array<{ iuv: string }> }) => page.nodes.map((n) => n.iuv);

describe("a flow's lines in the graph", () => {
  it('pages by first and after or offset, 25 by default, in the order of the flow', async () => {
    expect(iuvs(await righe({}))).toEqual(Array.from({ length: 25 }, (_, i) => iuv(i)));
    const first = await righe({ first: 100 });
    expect(first).toMatchObject({ totalCount: RIGHE, pageInfo: { hasNextPage: true } });
    const next = await righe({ first: 100, after: first.pageInfo.endCursor });
    expect([...iuvs(first), ...iuvs(next)]).toEqual(Array.from({ length: RIGHE }, (_, i) => iuv(i)));
    expect(next.pageInfo.hasNextPage).toBe(false);
    expect(iuvs(await righe({ first: 2, offset: 148 }))).toEqual([iuv(148), iuv(149)]);
  });

  it('counts only when asked, and at most countLimit', async () => {
    expect(await righe({ first: 1, withCount: false })).toMatchObject({ totalCount: null, pageInfo: { hasNextPage: true } });
    expect(await righe({ first: 1, countLimit: 120 })).toMatchObject({ totalCount: 120, pageInfo: { hasNextPage: true } });
  });

  it.each([
    [{ first: 101 }, 'Il campo first deve essere compreso tra 0 e 100.'],
    [{ first: -1 }, 'Il campo first deve essere compreso tra 0 e 100.'],
    [{ offset: -1 }, "Il campo offset non puo' essere negativo."],
    [{ after: 'non-un-cursore' }, "Il cursore 'non-un-cursore' non e' valido."],
    [{ countLimit: 0 }, 'Il campo countLimit deve essere positivo.'],
  ])('refuses %j with SINTASSI, no 5xx', async (variables, dettaglio) => {
    const r = await rifiutata(t, RIGHE_DEL_FLUSSO, { id, ...variables });
    expect(r.status).toBeLessThan(500);
    expect(r.body.errors[0].extensions).toMatchObject({ categoria: 'RICHIESTA', codice: 'SINTASSI', dettaglio });
  });
});

describe("GovPay's flow detail", () => {
  it.each([
    ['Ragioneria v2', `${RV2}/flussiRendicontazione/${DOMINIO}`, basic(IDA2A01)],
    ['Ragioneria v1', `${RV1}/flussiRendicontazione/${DOMINIO}`, basic(IDA2A01)],
    ['Backoffice', `${BO}/flussiRendicontazione/${DOMINIO}`, basic(GPADMIN)],
  ])('%s shows every line of a flow larger than a graph page', async (_, path, auth) => {
    const r = await call(t.baseUrl, 'GET', `${path}/${idFlusso}`, { auth });
    expect(r.status).toBe(200);
    expect(r.body.rendicontazioni.map((l: { iuv: string }) => l.iuv)).toEqual(Array.from({ length: RIGHE }, (_, i) => iuv(i)));
  });
});
