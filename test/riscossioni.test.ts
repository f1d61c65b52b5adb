import { Riscossione, Rpp } from '../schema/entities';
import { STATION_PATH } from '../pagopa';
import { basic, BO, call, gql } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { DOMINIO, flusso, newId, pagata, riconcilia, type Pagata } from './helpers/incassi';
import { closeSimulators, simulatorFor } from './helpers/simulator';
import { stationCall } from './helpers/station-call';
import { sendRTV2Envelope } from './helpers/station-envelopes';
import { nuovaPendenza, nuovoDominio } from './helpers/fixtures';

/**
 * Riscossioni written with the receipt (one per transfer, RISCOSSA, the marca da bollo MBT, a
 * receipt delivered twice recorded once), INCASSATA after riconcilia, and the graph's reads of
 * riscossioni and riconciliazioni: filters, typed orderBy, paging, the pendenza and the receipt by
 * key, quadrature, the flow's riconciliazione, and the domini scope and ACL of the callers.
 */
let t: TestHub;
const PASSWORD = 'Password1!';
const D2 = '01234567890';
const IUV_BOLLO = '349999999999136';

const RISCOSSIONI = `query ($filter: RiscossioneFilter, $orderBy: [RiscossioneOrder!], $first: Int, $after: String) {
  riscossioni(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id idDominio iuv iur indice importo tipo stato data riconciliazione { idRiconciliazione } rpp { ccp } pendenza { idA2A idPendenza } }
  } }`;

const data = (r: { status: number; body: any }) => {
  if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
  return r.body.data;
};

let p1: Pagata;
let p2: Pagata;
let p3: Pagata;

beforeAll(async () => {
  t = await startHub();
  const bo = (path: string, body: unknown) => call(t.baseUrl, 'PUT', `${BO}${path}`, { body });
  const acl = (servizio: string, autorizzazioni: string[]) => [{ servizio, autorizzazioni }];
  const operatore = (domini: string[], diritti: string[]) => ({
    ragioneSociale: 'Ragioneria',
    password: PASSWORD,
    domini,
    tipiPendenza: ['*'],
    acl: acl('Rendicontazioni e Incassi', diritti),
  });
  expect((await bo(`/domini/${D2}`, nuovoDominio)).status).toBe(201);
  expect((await bo('/operatori/rag-altro', operatore([D2], ['R', 'W']))).status).toBe(201);
  expect((await bo('/operatori/rag-lettore', operatore([DOMINIO], ['R']))).status).toBe(201);
  expect((await bo('/operatori/rag-scrittore', operatore([DOMINIO], ['R', 'W']))).status).toBe(201);
  const app = {
    principal: 'app-pendenze',
    codificaAvvisi: { codificaIuv: '77' },
    password: PASSWORD,
    domini: [{ idDominio: DOMINIO }],
    tipiPendenza: ['*'],
  };
  expect((await bo('/applicazioni/APP-PENDENZE', { ...app, acl: acl('Pendenze', ['R', 'W']), apiPendenze: true })).status).toBe(201);
  p1 = await pagata(t, 10, { direzione: 'DIR-A', divisione: 'DIV-1' });
  p2 = await pagata(t, 20, { direzione: 'DIR-A', divisione: 'DIV-2' });
  p3 = await pagata(t, 30.03, { direzione: 'DIR-B', divisione: 'DIV-1' });
});
afterAll(async () => {
  await closeSimulators();
  await t?.close();
});

const as = (user: string) => basic({ user, password: PASSWORD });

describe('written with the receipt', () => {
  it('one RISCOSSA riscossione per transfer, iur the receiptId, linked to the receipt and its pendenza', async () => {
    const r = data(await gql(t.baseUrl, RISCOSSIONI, { filter: { iuv: p1.iuv } }));
    expect(r.riscossioni.nodes).toEqual([
      expect.objectContaining({
        idDominio: DOMINIO,
        iuv: p1.iuv,
        iur: p1.iur,
        indice: 1,
        importo: '10.00',
        tipo: 'ENTRATA',
        stato: 'RISCOSSA',
        riconciliazione: null,
        rpp: { ccp: p1.iur },
        pendenza: { idA2A: 'IDA2A01', idPendenza: p1.idPendenza },
      }),
    ]);
    const byKey = await gql(
      t.baseUrl,
      'query ($d: ID!, $iuv: String!, $iur: String!) { riscossione(idDominio: $d, iuv: $iuv, iur: $iur, indice: 1) { iuv importo stato } }',
      { d: DOMINIO, iuv: p1.iuv, iur: p1.iur },
    );
    expect(data(byKey).riscossione).toEqual({ iuv: p1.iuv, importo: '10.00', stato: 'RISCOSSA' });
  });

  it('a receipt delivered twice records its riscossioni once', async () => {
    const idPendenza = newId('TWICE');
    const loaded = await call(t.baseUrl, 'PUT', `/govpay/backend/api/pendenze/rs/basic/v2/pendenze/IDA2A01/${idPendenza}`, {
      auth: basic({ user: 'IDA2A01', password: PASSWORD }),
      body: nuovaPendenza(idPendenza),
    });
    const paid = await simulatorFor(`${t.baseUrl}${STATION_PATH}`).pay({
      fiscalCode: DOMINIO,
      noticeNumber: loaded.body.numeroAvviso,
      send: 2,
    });
    expect(paid.status).toBe('ESEGUITO');
    expect(await t.hub.orm.em.fork().count(Riscossione, { iuv: paid.iuv })).toBe(1);
  });

  it('a V2 receipt with a marca da bollo: ENTRATA and MBT, in transfer order', async () => {
    // The sample receipt of a position the hub does not hold (kept: the money is taken), on an IUV no test pendenza has.
    const envelope = sendRTV2Envelope().replaceAll('340000000000136', IUV_BOLLO);
    const answer = await stationCall(t.baseUrl, 'paSendRTV2', envelope);
    expect(answer.text).toContain('<outcome>OK</outcome>');
    const rows = await t.hub.orm.em.fork().find(Riscossione, { iuv: IUV_BOLLO }, { orderBy: { indice: 'ASC' } });
    expect(rows.map((r) => [r.indice, r.tipo, r.importoCents, r.stato, r.iur])).toEqual([
      [1, 'ENTRATA', 8499, 'RISCOSSA', 'c0ffee00c0ffee00c0ffee00c0ffee01'],
      [2, 'MBT', 1600, 'RISCOSSA', 'c0ffee00c0ffee00c0ffee00c0ffee01'],
    ]);
    const rpp = await t.hub.orm.em.fork().findOneOrFail(Rpp, { iuv: IUV_BOLLO }, { fields: ['id'] });
    expect(rows.every((r) => r.rpp?.id === rpp.id)).toBe(true);
    // The same receipt again: acknowledged, nothing recorded twice.
    expect((await stationCall(t.baseUrl, 'paSendRTV2', envelope)).text).toContain('<outcome>OK</outcome>');
    expect(await t.hub.orm.em.fork().count(Riscossione, { iuv: IUV_BOLLO })).toBe(2);
  });
});

describe('reads', () => {
  let idRiconciliazione: string;
  let idFlusso: string;
  beforeAll(async () => {
    const r = data(await riconcilia(t, { causale: `/RFB/${p1.iuv}/10.00`, importo: '10.00', sct: newId('SCT') }));
    idRiconciliazione = r.riconcilia.riconciliazione.idRiconciliazione;
    idFlusso = await flusso(t.hub.orm, [p2, p3]);
    data(await riconcilia(t, { idFlusso, importo: '50.03', sct: newId('SCT') }));
  });

  it('INCASSATA after riconcilia; filters by stato, pendenza, riconciliazione and flow', async () => {
    const mine = { iuv: undefined, idA2A: 'IDA2A01' };
    const incassate = data(await gql(t.baseUrl, RISCOSSIONI, { filter: { ...mine, stato: ['INCASSATA'] }, first: 100 })).riscossioni.nodes;
    expect(incassate.map((n: any) => n.iuv).sort()).toEqual([p1.iuv, p2.iuv, p3.iuv].sort());
    const byPendenza = data(await gql(t.baseUrl, RISCOSSIONI, { filter: { idA2A: 'IDA2A01', idPendenza: p2.idPendenza } })).riscossioni;
    expect(byPendenza.nodes.map((n: any) => n.iuv)).toEqual([p2.iuv]);
    const byRic = data(await gql(t.baseUrl, RISCOSSIONI, { filter: { idRiconciliazione } })).riscossioni;
    expect(byRic.nodes).toEqual([expect.objectContaining({ iuv: p1.iuv, stato: 'INCASSATA', riconciliazione: { idRiconciliazione } })]);
    const byFlow = data(
      await gql(t.baseUrl, RISCOSSIONI, { filter: { idFlusso }, orderBy: [{ field: 'IMPORTO', direction: 'DESC' }] }),
    ).riscossioni;
    expect(byFlow.nodes.map((n: any) => n.importo)).toEqual(['30.03', '20.00']);
  });

  it('pages of at most 100, with a cursor', async () => {
    const first = data(await gql(t.baseUrl, RISCOSSIONI, { first: 2, orderBy: [{ field: 'IUV', direction: 'ASC' }] })).riscossioni;
    expect(first.nodes).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = data(
      await gql(t.baseUrl, RISCOSSIONI, { first: 2, after: first.pageInfo.endCursor, orderBy: [{ field: 'IUV', direction: 'ASC' }] }),
    ).riscossioni;
    expect(next.nodes[0].iuv > first.nodes[1].iuv || next.nodes[0].iuv === first.nodes[1].iuv).toBe(true);
    expect(next.nodes.map((n: any) => n.id)).not.toContain(first.nodes[0].id);
    const tooMany = await gql(t.baseUrl, RISCOSSIONI, { first: 101 });
    expect(tooMany.body.errors[0].extensions).toMatchObject({ codice: 'SINTASSI' });
  });

  it('riconciliazioni with their riscossioni, in one read per list (no N+1)', async () => {
    const q = `query ($f: RiconciliazioneFilter) { riconciliazioni(filter: $f, first: 100, orderBy: [{ field: IMPORTO, direction: ASC }]) {
      totalCount nodes { idRiconciliazione importo iuv idFlusso flusso { idFlusso } riscossioni(tipo: [ENTRATA]) { iuv importo stato } } } }`;
    const conn = t.hub.orm.em.getConnection();
    const spy = jest.spyOn(conn, 'execute');
    const list = data(await gql(t.baseUrl, q, { f: { idDominio: [DOMINIO] } })).riconciliazioni;
    const reads = spy.mock.calls.map(([sql]) => String(typeof sql === 'string' ? sql : JSON.stringify(sql)));
    spy.mockRestore();
    // One read of the riscossioni for the whole list, however many riconciliazioni it shows.
    expect(list.nodes.length).toBeGreaterThanOrEqual(2);
    expect(reads.filter((sql) => /from [`"]?riscossioni/i.test(sql))).toHaveLength(1);
    const mine = list.nodes.filter((n: any) => n.idRiconciliazione === idRiconciliazione || n.idFlusso === idFlusso);
    expect(mine).toEqual([
      {
        idRiconciliazione,
        importo: '10.00',
        iuv: p1.iuv,
        idFlusso: null,
        flusso: null,
        riscossioni: [{ iuv: p1.iuv, importo: '10.00', stato: 'INCASSATA' }],
      },
      expect.objectContaining({ importo: '50.03', idFlusso, flusso: { idFlusso } }),
    ]);
    expect(mine[1].riscossioni).toHaveLength(2);
    const viaFlusso = await gql(
      t.baseUrl,
      'query ($f: RiconciliazioneFilter) { riconciliazioni(filter: $f, first: 100) { nodes { flusso { idFlusso riconciliazione { idFlusso importo } } } } }',
      { f: { idDominio: [DOMINIO] } },
    );
    const flussi = data(viaFlusso).riconciliazioni.nodes.filter((n: any) => n.flusso?.idFlusso === idFlusso);
    expect(flussi).toEqual([{ flusso: { idFlusso, riconciliazione: { idFlusso, importo: '50.03' } } }]);
    const one = data(
      await gql(
        t.baseUrl,
        'query ($d: ID!, $id: ID!) { riconciliazione(idDominio: $d, idRiconciliazione: $id) { importo dominio { idDominio ragioneSociale } } }',
        {
          d: DOMINIO,
          id: idRiconciliazione,
        },
      ),
    );
    expect(one.riconciliazione).toEqual({ importo: '10.00', dominio: { idDominio: DOMINIO, ragioneSociale: expect.any(String) } });
  });

  it("quadratura: counts and totals grouped in SQL by the pendenza's attributes", async () => {
    const q = `query ($g: [GruppoQuadraturaRiscossioni!]!, $f: QuadraturaRiscossioniFilter) {
      quadraturaRiscossioni(gruppi: $g, filter: $f) { numeroPagamenti importo idDominio direzione divisione idA2A } }`;
    const f = { direzione: ['DIR-A', 'DIR-B'] };
    const byDirezione = data(await gql(t.baseUrl, q, { g: ['DIREZIONE'], f })).quadraturaRiscossioni;
    expect(byDirezione).toEqual([
      { numeroPagamenti: 2, importo: '30.00', idDominio: null, direzione: 'DIR-A', divisione: null, idA2A: null },
      { numeroPagamenti: 1, importo: '30.03', idDominio: null, direzione: 'DIR-B', divisione: null, idA2A: null },
    ]);
    const byTwo = data(await gql(t.baseUrl, q, { g: ['DOMINIO', 'DIVISIONE'], f })).quadraturaRiscossioni;
    expect(byTwo).toEqual([
      { numeroPagamenti: 2, importo: '40.03', idDominio: DOMINIO, direzione: null, divisione: 'DIV-1', idA2A: null },
      { numeroPagamenti: 1, importo: '20.00', idDominio: DOMINIO, direzione: null, divisione: 'DIV-2', idA2A: null },
    ]);
  });

  it('domini scope and the Rendicontazioni e Incassi right', async () => {
    const altro = data(await gql(t.baseUrl, RISCOSSIONI, { filter: { iuv: p1.iuv } }, as('rag-altro'))).riscossioni;
    expect(altro).toMatchObject({ totalCount: 0, nodes: [] });
    const lettore = data(await gql(t.baseUrl, RISCOSSIONI, { filter: { iuv: p1.iuv } }, as('rag-lettore'))).riscossioni;
    expect(lettore.totalCount).toBe(1);
    const scrive = await riconcilia(t, { iuv: p1.iuv, importo: '10.00' }, as('rag-lettore'));
    expect(scrive.body.errors[0].extensions).toMatchObject({ codice: '403000', status: 403 });
    const fuori = await riconcilia(t, { iuv: p1.iuv, importo: '10.00' }, as('rag-altro'));
    expect(fuori.body.errors[0].extensions).toMatchObject({ codice: '403000', status: 403 });
    const one = await gql(
      t.baseUrl,
      'query ($d: ID!) { riconciliazione(idDominio: $d, idRiconciliazione: "x") { id } }',
      { d: DOMINIO },
      as('rag-altro'),
    );
    expect(one.body.errors[0].extensions).toMatchObject({ codice: '403000' });
  });
});
