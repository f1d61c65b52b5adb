import { FlussoRendicontazione, Rendicontazione } from '../schema/entities';
import { registraFlusso } from '../subgraphs/riconciliazione/services';
import { dati, DOMINIO, flusso, pendenzaPagata, rifiutata, riga } from './helpers/flussi';
import { nuovoDominio } from './helpers/fixtures';
import { basic, BO, call, gql } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { closeSimulators } from './helpers/simulator';
import { subscriber, untilAnnounced, untilSubscriptions, type Subscriber } from './helpers/subscriber';

/**
 * The flows and their lines through the gateway: the caller's domini and ACL, every filter and
 * ordering of the contract, paging and its cap, the totals (quadratura), the subscription for new
 * flows, and bad input refused with the data unchanged.
 */
let t: TestHub;
const em = () => t.hub.orm.em.fork();
const D2 = '01234567890';
const PASSWORD = 'Password1!';
const SOLO_D2 = basic({ user: 'flussi-d2', password: PASSWORD });
const SENZA_ACL = basic({ user: 'flussi-senza-acl', password: PASSWORD });
const APP_D2 = basic({ user: 'app-flussi-d2', password: PASSWORD });

const operatore = (domini: string[], servizio: string) => ({
  ragioneSociale: 'Operatore dei flussi',
  password: PASSWORD,
  domini,
  tipiPendenza: ['*'],
  acl: [{ servizio, autorizzazioni: ['R'] }],
});

/** Three flows of the demo dominio: two of PSP A (one with anomalies), one of PSP B; and one of D2. */
const F = {} as Record<'a1' | 'a2' | 'b1' | 'd2', { idFlusso: string; id: string; trn: string }>;
let paid: Array<{ iuv: string; ccp: string }>;

async function store(key: keyof typeof F, f: ReturnType<typeof flusso>): Promise<void> {
  const { id } = await registraFlusso(em(), f);
  F[key] = { idFlusso: f.idFlusso, id: Buffer.from(`FlussoRendicontazione:${id}`).toString('base64url'), trn: f.trn };
}

beforeAll(async () => {
  t = await startHub();
  const bo = (path: string, body: unknown) => call(t.baseUrl, 'PUT', `${BO}${path}`, { body });
  expect((await bo(`/domini/${D2}`, nuovoDominio)).status).toBe(201);
  expect((await bo('/operatori/flussi-d2', operatore([D2], 'Rendicontazioni e Incassi'))).status).toBe(201);
  expect((await bo('/operatori/flussi-senza-acl', operatore([DOMINIO], 'Pendenze'))).status).toBe(201);
  const app = { principal: 'app-flussi-d2', password: PASSWORD, domini: [{ idDominio: D2 }], tipiPendenza: ['*'], apiRagioneria: true };
  expect(
    (await bo('/applicazioni/APPFLUSSID2', { ...app, acl: [{ servizio: 'Rendicontazioni e Incassi', autorizzazioni: ['R'] }] })).status,
  ).toBe(201);

  paid = [
    await pendenzaPagata(t, { direzione: 'DIR-A', divisione: 'DIV-1' }),
    await pendenzaPagata(t, { direzione: 'DIR-A', divisione: 'DIV-2' }),
    await pendenzaPagata(t, { direzione: 'DIR-B', divisione: 'DIV-1' }),
  ];
  const [p1, p2, p3] = paid;
  await store(
    'a1',
    flusso([riga(p1.iuv, p1.ccp)], { idPsp: 'PSPA', idFlusso: '2026-11-01PSPA-Flusso1', dataOraFlusso: new Date('2026-11-01T10:00:00Z') }),
  );
  await store(
    'a2',
    flusso([riga(p2.iuv, p2.ccp), riga(p3.iuv, p3.ccp, { importoCents: 5000 })], {
      idPsp: 'PSPA',
      dataOraFlusso: new Date('2026-11-02T10:00:00Z'),
      dataRegolamento: '2026-11-03',
    }),
  );
  await store(
    'b1',
    flusso([riga(p3.iuv, p3.ccp, { esito: 3, data: '2026-12-05' })], { idPsp: 'PSPB', dataOraFlusso: new Date('2026-11-03T10:00:00Z') }),
  );
  await store(
    'd2',
    flusso([riga('48000000000000001', 'IUR-D2')], { idDominio: D2, idPsp: 'PSPB', dataOraFlusso: new Date('2026-11-04T10:00:00Z') }),
  );
});
afterAll(async () => {
  await closeSimulators();
  await t.close();
});

const LISTA = `query ($filter: FlussoRendicontazioneFilter, $orderBy: [FlussoRendicontazioneOrder!], $first: Int, $after: String) {
  flussiRendicontazione(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { idFlusso } }
}`;
const RIGHE = `query ($filter: RendicontazioneFilter, $orderBy: [RendicontazioneOrder!], $first: Int, $after: String) {
  rendicontazioni(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { iuv importo esito stato flusso { idFlusso } } }
}`;
const flussi = async (variables: Record<string, unknown>, auth?: string) => (await dati(t, LISTA, variables, auth)).flussiRendicontazione;
const idFlussi = async (variables: Record<string, unknown>) => (await flussi(variables)).nodes.map((n: { idFlusso: string }) => n.idFlusso);
const righe = async (variables: Record<string, unknown>, auth?: string) => (await dati(t, RIGHE, variables, auth)).rendicontazioni;

describe("the caller's domini and rights", () => {
  it('an operatore or applicazione of another dominio sees none of its flows or lines', async () => {
    for (const auth of [SOLO_D2, APP_D2]) {
      expect(await flussi({}, auth)).toMatchObject({ totalCount: 1, nodes: [{ idFlusso: F.d2.idFlusso }] });
      expect(await flussi({ filter: { idDominio: [DOMINIO] } }, auth)).toMatchObject({ totalCount: 0, nodes: [] });
      expect((await righe({}, auth)).nodes.map((n: any) => n.iuv)).toEqual(['48000000000000001']);
      const q = await dati(
        t,
        `query ($idFlusso: String!) { flussoRendicontazioneByIdFlusso(idFlusso: $idFlusso) { id } }`,
        { idFlusso: F.a1.idFlusso },
        auth,
      );
      expect(q.flussoRendicontazioneByIdFlusso).toBeNull();
      const quadratura = await dati(t, 'query { quadraturaRendicontazioni(gruppi: []) { numeroPagamenti } }', {}, auth);
      expect(quadratura.quadraturaRendicontazioni).toEqual([{ numeroPagamenti: 1 }]);
    }
  });

  it('is refused a flow of another dominio by id, or by idFlusso naming that dominio', async () => {
    let r = await rifiutata(t, 'query ($id: ID!) { flussoRendicontazione(id: $id) { idFlusso } }', { id: F.a1.id }, SOLO_D2);
    expect(r.body.errors[0].extensions).toMatchObject({ codice: '403000', status: 403 });
    r = await rifiutata(
      t,
      'query ($idFlusso: String!) { flussoRendicontazioneByIdFlusso(idFlusso: $idFlusso, idDominio: "12345678901") { id } }',
      { idFlusso: F.a1.idFlusso },
      APP_D2,
    );
    expect(r.body.errors[0].extensions).toMatchObject({ codice: '403000' });
  });

  it('without the Rendicontazioni e Incassi read right, every query is refused', async () => {
    for (const query of [
      'query { flussiRendicontazione { totalCount } }',
      'query { rendicontazioni { totalCount } }',
      'query { quadraturaRendicontazioni(gruppi: [FLUSSO_RENDICONTAZIONE]) { numeroPagamenti } }',
      'query { flussoRendicontazioneByIdFlusso(idFlusso: "x") { id } }',
    ]) {
      const r = await rifiutata(t, query, {}, SENZA_ACL);
      expect(r.body.errors[0].extensions).toMatchObject({ codice: '403000' });
    }
  });
});

describe('flows', () => {
  it('lists the latest revisions, newest dataFlusso first', async () => {
    expect(await idFlussi({})).toEqual([F.d2, F.b1, F.a2, F.a1].map((f) => f.idFlusso));
  });

  it('filters by dominio, PSP, trn, state, IUV, dataFlusso and idFlusso (exact or ignoring case)', async () => {
    expect(await idFlussi({ filter: { idDominio: [D2] } })).toEqual([F.d2.idFlusso]);
    expect(await idFlussi({ filter: { idPsp: 'PSPA' } })).toEqual([F.a2.idFlusso, F.a1.idFlusso]);
    expect(await idFlussi({ filter: { trn: F.b1.trn } })).toEqual([F.b1.idFlusso]);
    expect(await idFlussi({ filter: { stato: ['ANOMALO'] } })).toEqual([F.b1.idFlusso, F.a2.idFlusso]);
    expect(await idFlussi({ filter: { stato: ['ACQUISITO'] } })).toEqual([F.d2.idFlusso, F.a1.idFlusso]);
    expect(await idFlussi({ filter: { iuv: paid[2].iuv } })).toEqual([F.b1.idFlusso, F.a2.idFlusso]);
    expect(await idFlussi({ filter: { dataDa: '2026-11-02T00:00:00Z', dataA: '2026-11-03T23:59:59Z' } })).toEqual([
      F.b1.idFlusso,
      F.a2.idFlusso,
    ]);
    expect(await idFlussi({ filter: { idFlusso: F.a1.idFlusso } })).toEqual([F.a1.idFlusso]);
    expect(await idFlussi({ filter: { idFlusso: F.a1.idFlusso.toUpperCase() } })).toEqual([]);
    expect(await idFlussi({ filter: { idFlusso: F.a1.idFlusso.toUpperCase(), idFlussoCaseInsensitive: true } })).toEqual([F.a1.idFlusso]);
    const byId = `query ($idFlusso: String!, $ci: Boolean) { flussoRendicontazioneByIdFlusso(idFlusso: $idFlusso, caseInsensitive: $ci) { idFlusso } }`;
    expect((await dati(t, byId, { idFlusso: F.a1.idFlusso.toLowerCase() })).flussoRendicontazioneByIdFlusso).toBeNull();
    expect((await dati(t, byId, { idFlusso: F.a1.idFlusso.toLowerCase(), ci: true })).flussoRendicontazioneByIdFlusso).toEqual({
      idFlusso: F.a1.idFlusso,
    });
  });

  it('orders by the typed orderBy, ties broken the same way on every page', async () => {
    expect(
      await idFlussi({
        orderBy: [
          { field: 'IMPORTO_TOTALE', direction: 'ASC' },
          { field: 'DATA_FLUSSO', direction: 'DESC' },
        ],
      }),
    ).toEqual([F.d2, F.b1, F.a1, F.a2].map((f) => f.idFlusso));
    expect(await idFlussi({ orderBy: [{ field: 'DATA_REGOLAMENTO', direction: 'DESC' }], filter: { idPsp: 'PSPA' } })).toEqual([
      F.a1.idFlusso,
      F.a2.idFlusso,
    ]);
    const byId = await idFlussi({ orderBy: [{ field: 'ID_FLUSSO', direction: 'ASC' }] });
    expect(byId).toEqual([...byId].sort());
  });

  it('pages with first and after, at most 100 a page', async () => {
    const first = await flussi({ first: 3 });
    expect(first).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
    const next = await flussi({ first: 3, after: first.pageInfo.endCursor });
    expect(next.nodes.map((n: any) => n.idFlusso)).toEqual([F.a1.idFlusso]);
    expect(next.pageInfo.hasNextPage).toBe(false);
    const r = await rifiutata(t, LISTA, { first: 101 });
    expect(r.body.errors[0].extensions).toMatchObject({
      codice: 'SINTASSI',
      dettaglio: 'Il campo first deve essere compreso tra 0 e 100.',
    });
  });

  it("reads each flow's lines, paged, all flows of a page together, each line's receipt through the pagamenti subgraph", async () => {
    const d = await dati(
      t,
      `query { flussiRendicontazione(filter: { idPsp: "PSPA" }) { nodes { idFlusso rendicontazioni(first: 1) { totalCount pageInfo { hasNextPage endCursor } nodes { iuv rpp { ccp importo } } } } } }`,
    );
    const [a2, a1] = d.flussiRendicontazione.nodes;
    expect(a1.rendicontazioni).toMatchObject({
      totalCount: 1,
      pageInfo: { hasNextPage: false },
      nodes: [{ iuv: paid[0].iuv, rpp: { ccp: paid[0].ccp, importo: '100.99' } }],
    });
    expect(a2.rendicontazioni).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true }, nodes: [{ iuv: paid[1].iuv }] });
    const next = await dati(
      t,
      `query ($id: ID!, $after: String) { flussoRendicontazione(id: $id) { rendicontazioni(first: 1, after: $after) { nodes { iuv importo stato } } } }`,
      {
        id: F.a2.id,
        after: a2.rendicontazioni.pageInfo.endCursor,
      },
    );
    expect(next.flussoRendicontazione.rendicontazioni.nodes).toEqual([{ iuv: paid[2].iuv, importo: '50.00', stato: 'ANOMALA' }]);
    const filtered = await dati(
      t,
      `query ($id: ID!) { flussoRendicontazione(id: $id) { rendicontazioni(filter: { stato: [OK] }) { totalCount nodes { iuv } } } }`,
      {
        id: F.a2.id,
      },
    );
    expect(filtered.flussoRendicontazione.rendicontazioni).toEqual({ totalCount: 1, nodes: [{ iuv: paid[1].iuv }] });
  });
});

describe('lines', () => {
  it('filters by IUV, IUR, idFlusso, outcome, state, dates and dominio', async () => {
    expect((await righe({ filter: { iuv: paid[2].iuv } })).totalCount).toBe(2);
    expect((await righe({ filter: { iur: 'IUR-D2' } })).nodes).toMatchObject([{ iuv: '48000000000000001', stato: 'ALTRO_INTERMEDIARIO' }]);
    expect((await righe({ filter: { idFlusso: F.a2.idFlusso } })).totalCount).toBe(2);
    expect((await righe({ filter: { esito: ['REVOCATO'] } })).nodes).toMatchObject([
      { iuv: paid[2].iuv, esito: 'REVOCATO', flusso: { idFlusso: F.b1.idFlusso } },
    ]);
    expect((await righe({ filter: { stato: ['ANOMALA'] } })).totalCount).toBe(2);
    expect((await righe({ filter: { dataDa: '2026-12-05T00:00:00Z' } })).nodes).toMatchObject([{ esito: 'REVOCATO' }]);
    expect((await righe({ filter: { dataFlussoDa: '2026-11-02T00:00:00Z', dataFlussoA: '2026-11-02T23:00:00Z' } })).totalCount).toBe(2);
    expect((await righe({ filter: { idDominio: [D2] } })).totalCount).toBe(1);
  });

  it('orders by amount, data or IUV', async () => {
    const importi = (await righe({ orderBy: [{ field: 'IMPORTO', direction: 'ASC' }] })).nodes.map((n: any) => n.importo);
    expect(importi).toEqual(['50.00', '100.99', '100.99', '100.99', '100.99']);
    const iuvs = (await righe({ orderBy: [{ field: 'IUV', direction: 'DESC' }] })).nodes.map((n: any) => n.iuv);
    expect(iuvs).toEqual([...iuvs].sort().reverse());
    expect((await righe({ orderBy: [{ field: 'DATA', direction: 'DESC' }], first: 1 })).nodes).toMatchObject([{ esito: 'REVOCATO' }]);
  });

  it('totals them in SQL by flow, direzione and divisione (quadratura)', async () => {
    const q = (gruppi: string) =>
      dati(
        t,
        `query { quadraturaRendicontazioni(gruppi: [${gruppi}], filter: { idDominio: ["${DOMINIO}"] }) { numeroPagamenti importo flusso { idFlusso } direzione divisione } }`,
      );
    expect((await q('')).quadraturaRendicontazioni).toEqual([
      { numeroPagamenti: 4, importo: '352.97', flusso: null, direzione: null, divisione: null },
    ]);
    const perFlusso = (await q('FLUSSO_RENDICONTAZIONE')).quadraturaRendicontazioni;
    expect(perFlusso.map((r: any) => [r.flusso.idFlusso, r.numeroPagamenti, r.importo])).toEqual([
      [F.a1.idFlusso, 1, '100.99'],
      [F.a2.idFlusso, 2, '150.99'],
      [F.b1.idFlusso, 1, '100.99'],
    ]);
    expect((await q('DIREZIONE, DIVISIONE')).quadraturaRendicontazioni).toEqual([
      { numeroPagamenti: 1, importo: '100.99', flusso: null, direzione: 'DIR-A', divisione: 'DIV-1' },
      { numeroPagamenti: 1, importo: '100.99', flusso: null, direzione: 'DIR-A', divisione: 'DIV-2' },
      { numeroPagamenti: 2, importo: '150.99', flusso: null, direzione: 'DIR-B', divisione: 'DIV-1' },
    ]);
  });
});

describe('bad input', () => {
  it('an unknown enum value, an oversize page, a malformed id or cursor: a clear error, nothing changed', async () => {
    const before = [await em().count(FlussoRendicontazione, {}), await em().count(Rendicontazione, {})];
    let r = await gql(t.baseUrl, 'query { flussiRendicontazione(filter: { stato: [BOGUS] }) { totalCount } }');
    expect(r.status).toBe(400);
    expect(r.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    r = await gql(t.baseUrl, 'query { rendicontazioni(orderBy: [{ field: NOPE, direction: ASC }]) { totalCount } }');
    expect(r.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    r = await rifiutata(t, 'query { rendicontazioni(first: 1000) { totalCount } }');
    expect(r.body.errors[0].extensions).toMatchObject({ codice: 'SINTASSI' });
    r = await rifiutata(t, 'query { quadraturaRendicontazioni(gruppi: [], first: 101) { numeroPagamenti } }');
    expect(r.body.errors[0].extensions).toMatchObject({ codice: 'SINTASSI' });
    r = await rifiutata(t, 'query { quadraturaRendicontazioni(gruppi: [], offset: -1) { numeroPagamenti } }');
    expect(r.body.errors[0].extensions).toMatchObject({ codice: 'SINTASSI' });
    r = await rifiutata(t, 'query { flussoRendicontazione(id: "bm90LWFuLWlk") { idFlusso } }');
    expect(r.body.errors[0].extensions).toMatchObject({ codice: 'SINTASSI' });
    r = await rifiutata(t, 'query { flussiRendicontazione(after: "xyz") { totalCount } }');
    expect(r.body.errors[0].extensions).toMatchObject({ codice: 'SINTASSI' });
    expect([await em().count(FlussoRendicontazione, {}), await em().count(Rendicontazione, {})]).toEqual(before);
  });
});

describe('the flussoRendicontazioneAcquisito subscription', () => {
  const open: Subscriber[] = [];
  afterAll(() => Promise.all(open.map((s) => s.dispose())));
  const connect = (auth: string) => {
    const s = subscriber(t.baseUrl, { connectionParams: { authorization: auth } });
    open.push(s);
    return s;
  };

  it('delivers each new flow to the subscribers who may see its dominio', async () => {
    await untilAnnounced(t);
    const SUB = 'subscription ($d: String) { flussoRendicontazioneAcquisito(idDominio: $d) { idFlusso idDominio stato numeroPagamenti } }';
    const admin = connect(basic({ user: 'gpadmin', password: PASSWORD })).subscribe(SUB);
    const soloD2 = connect(SOLO_D2).subscribe(SUB);
    const soloDemo = connect(basic({ user: 'gpadmin', password: PASSWORD })).subscribe(SUB, { d: DOMINIO });
    await untilSubscriptions(t, 3);

    const p = await pendenzaPagata(t);
    const demo = flusso([riga(p.iuv, p.ccp)]);
    await registraFlusso(em(), demo);
    const d2 = flusso([riga('47000000000000002', 'IUR-D2-2')], { idDominio: D2 });
    await registraFlusso(em(), d2);

    const got = [await admin.next(), await admin.next()].map((e) => e.data.flussoRendicontazioneAcquisito.idFlusso);
    expect(got.sort()).toEqual([demo.idFlusso, d2.idFlusso].sort());
    expect((await soloD2.next()).data.flussoRendicontazioneAcquisito).toEqual({
      idFlusso: d2.idFlusso,
      idDominio: D2,
      stato: 'ANOMALO',
      numeroPagamenti: 1,
    });
    expect((await soloDemo.next()).data.flussoRendicontazioneAcquisito).toEqual({
      idFlusso: demo.idFlusso,
      idDominio: DOMINIO,
      stato: 'ACQUISITO',
      numeroPagamenti: 1,
    });
    expect(soloD2.received).toHaveLength(1);
    expect(soloDemo.received).toHaveLength(1);
  });

  it('refuses a subscriber without the read right', async () => {
    const s = connect(SENZA_ACL).subscribe('subscription { flussoRendicontazioneAcquisito { idFlusso } }');
    expect((await s.next()).errors[0].extensions).toMatchObject({ codice: '403000', status: 403 });
  });
});
