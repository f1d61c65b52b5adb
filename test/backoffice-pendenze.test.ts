import { Pendenza } from '../schema/entities';
import { basic, BO, call, gql, IDA2A01 } from './helpers/http';
import { PV2 } from './helpers/pagamenti';
import { startHub, type TestHub } from './helpers/hub';
import { nuovaPendenza, nuovoDominio } from './helpers/fixtures';
import { newId, pagata, riconcilia } from './helpers/incassi';
import { closeSimulators } from './helpers/simulator';
import { BACKOFFICE_PENDENZA_SEMPRE, BACKOFFICE_PENDENZA_INDEX_SEMPRE, BACKOFFICE_VOCE_SEMPRE } from './conformance/always-filled';

/**
 * The Backoffice's own pendenza (GovPay's Pendenza and PendenzaIndex: the tipoPendenza object and
 * the fields GovPay always fills), its writes (PUT, POST, POST of a tipo's form), PATCH /ack and
 * /nota, and the avviso reads; with the callers who may not, and bad input that changes nothing.
 */
let t: TestHub;
const D = '12345678901';
const PASSWORD = 'Password1!';
const bo = (method: string, path: string, body?: unknown, auth?: string) => call(t.baseUrl, method, `${BO}${path}`, { body, auth });
const as = (user: string) => basic({ user, password: PASSWORD });
const patch = (id: string, ops: unknown, auth?: string) =>
  call(t.baseUrl, 'PATCH', `${BO}/pendenze/IDA2A01/${id}`, { body: ops, auth, headers: { 'content-type': 'application/json-patch+json' } });

const SINTASSI = { categoria: 'RICHIESTA', codice: 'SINTASSI' };
const operatore = (domini: string[], diritti: string[], tipiPendenza = ['*']) => ({
  ragioneSociale: 'Operatore',
  password: PASSWORD,
  domini,
  tipiPendenza,
  acl: [{ servizio: 'Pendenze', autorizzazioni: diritti }],
});

let creata: string;
beforeAll(async () => {
  t = await startHub();
  expect((await bo('PUT', '/domini/01234567890', nuovoDominio)).status).toBe(201);
  for (const [id, body] of [
    ['op-scrive', operatore([D], ['R', 'W'])],
    ['op-legge', operatore([D], ['R'])],
    ['op-altro', operatore(['01234567890'], ['R', 'W'])],
  ] as const) {
    expect((await bo('PUT', `/operatori/${id}`, body)).status).toBe(201);
  }
  creata = newId('BOP');
  expect((await bo('PUT', `/pendenze/IDA2A01/${creata}`, nuovaPendenza(creata), as('op-scrive'))).status).toBe(201);
});
afterAll(async () => {
  await closeSimulators();
  await t?.close();
});

describe('the Backoffice pendenza', () => {
  it('carries the tipoPendenza object and every field GovPay always fills, in the detail, the list and the voci', async () => {
    const r = await bo('GET', `/pendenze/IDA2A01/${creata}`);
    expect(r.status).toBe(200);
    for (const f of BACKOFFICE_PENDENZA_SEMPRE) expect(r.body).toHaveProperty(f);
    for (const f of BACKOFFICE_VOCE_SEMPRE) expect(r.body.voci[0]).toHaveProperty(f);
    expect(r.body).not.toHaveProperty('idTipoPendenza');
    expect(r.body).toMatchObject({
      tipoPendenza: { idTipoPendenza: 'SEGRETERIA', descrizione: expect.any(String), tipo: 'dovuto' },
      stato: 'NON_ESEGUITA',
      importoPagato: 0,
      importoIncassato: 0,
      verificato: false,
      anomalo: false,
      dataUltimoAggiornamento: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(r.body.iuvPagamento).toBe(r.body.iuvAvviso);
    const list = await bo('GET', `/pendenze?idPendenza=${creata}`);
    expect(list.body.risultati).toHaveLength(1);
    for (const f of BACKOFFICE_PENDENZA_INDEX_SEMPRE) expect(list.body.risultati[0]).toHaveProperty(f);
    expect(list.body.risultati[0].tipoPendenza.idTipoPendenza).toBe('SEGRETERIA');
  });

  it('shows what was paid and, once reconciled, cashed: importoPagato, importoIncassato, iuvPagamento, stato INCASSATA', async () => {
    const p = await pagata(t, 12.5);
    const paid = await bo('GET', `/pendenze/IDA2A01/${p.idPendenza}`);
    expect(paid.body).toMatchObject({ stato: 'ESEGUITA', importoPagato: 12.5, importoIncassato: 0, iuvPagamento: p.iuv });
    expect(paid.body.rpp[0].pendenza).toMatchObject({ importoPagato: 12.5, tipoPendenza: { idTipoPendenza: 'SEGRETERIA' } });
    const ric = await riconcilia(t, { causale: `/RFB/${p.iuv}/12.50`, importo: '12.50', sct: newId('SCT') });
    expect(ric.body.errors).toBeUndefined();
    const cashed = await bo('GET', `/pendenze/IDA2A01/${p.idPendenza}`);
    expect(cashed.body).toMatchObject({ stato: 'INCASSATA', importoPagato: 12.5, importoIncassato: 12.5 });
    const rpp = await bo('GET', `/rpp?idPendenza=${p.idPendenza}`);
    expect(rpp.body.risultati[0].pendenza).toMatchObject({ stato: 'INCASSATA', importoIncassato: 12.5, verificato: false });
  });

  it('lists by the stato it shows: INCASSATA and ANOMALA are filters too, and ESEGUITA or NON_ESEGUITA leave them out', async () => {
    const cashed = await pagata(t, 7.25);
    expect((await riconcilia(t, { causale: `/RFB/${cashed.iuv}/7.25`, importo: '7.25', sct: newId('SCT') })).body.errors).toBeUndefined();
    const paid = await pagata(t, 3.5);
    const anomala = newId('BOP');
    expect((await bo('PUT', `/pendenze/IDA2A01/${anomala}`, nuovaPendenza(anomala))).status).toBe(201);
    // Anomalous as a receipt after its cancellation leaves it (pendenza-races.test.ts drives that race).
    await t.hub.orm.em.fork().nativeUpdate(Pendenza, { idPendenza: anomala }, { anomalo: true });
    const mine = [cashed.idPendenza, paid.idPendenza, anomala];
    const listed = async (stato: string) => {
      const r = await bo('GET', `/pendenze?stato=${stato}&risultatiPerPagina=100&ordinamento=-dataCaricamento`);
      expect([r.status, r.body.dettaglio]).toEqual([200, undefined]);
      const rows = (r.body.risultati as Array<{ idPendenza: string; stato: string }>).filter((p) => mine.includes(p.idPendenza));
      for (const p of r.body.risultati) expect(p.stato).toBe(stato);
      return rows.map((p) => p.idPendenza);
    };
    expect(await listed('INCASSATA')).toEqual([cashed.idPendenza]);
    expect(await listed('ESEGUITA')).toEqual([paid.idPendenza]);
    expect(await listed('ANOMALA')).toEqual([anomala]);
    expect(await listed('NON_ESEGUITA')).toEqual([]);
    // API Pendenze shows the graph's stato: the cashed one is ESEGUITA there, and INCASSATA lists nothing.
    const v2 = (stato: string) =>
      call(t.baseUrl, 'GET', `${PV2}/pendenze?stato=${stato}&idPendenza=${cashed.idPendenza}`, { auth: basic(IDA2A01) });
    expect((await v2('ESEGUITA')).body.risultati.map((p: { stato: string }) => p.stato)).toEqual(['ESEGUITA']);
    expect((await v2('INCASSATA')).body.risultati).toEqual([]);
    // The graph's filter the Backoffice maps onto.
    const graph = await gql(t.baseUrl, 'query ($f: PendenzaFilter) { pendenze(filter: $f, first: 100) { nodes { idPendenza } } }', {
      f: { incassata: true, idA2A: 'IDA2A01' },
    });
    expect(graph.body.errors).toBeUndefined();
    const incassate = graph.body.data.pendenze.nodes.map((p: { idPendenza: string }) => p.idPendenza);
    expect(incassate).toContain(cashed.idPendenza);
    expect(incassate).not.toContain(paid.idPendenza);
  });

  it('is refused to an operatore of another dominio, and unknown ones are 404', async () => {
    expect((await bo('GET', `/pendenze/IDA2A01/${creata}`, undefined, as('op-altro'))).status).toBe(403);
    expect((await bo('GET', '/pendenze/IDA2A01/non-esiste')).status).toBe(404);
  });
});

describe('writes', () => {
  it('PUT creates then updates, as an operatore with Pendenze W on the dominio; PendenzaCreata without the keys', async () => {
    const id = newId('BOP');
    const created = await bo('PUT', `/pendenze/IDA2A01/${id}`, nuovaPendenza(id), as('op-scrive'));
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ idDominio: D, numeroAvviso: expect.stringMatching(/^\d{18}$/), UUID: expect.any(String) });
    const updated = await bo(
      'PUT',
      `/pendenze/IDA2A01/${id}?stampaAvviso=true`,
      nuovaPendenza(id, { causale: 'Aggiornata' }),
      as('op-scrive'),
    );
    expect(updated.status).toBe(200);
    expect(Buffer.from(updated.body.pdf, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect((await bo('GET', `/pendenze/IDA2A01/${id}`)).body.causale).toBe('Aggiornata');
  });

  it('POST /pendenze takes idA2A and idPendenza in the body', async () => {
    const id = newId('BOP');
    const r = await bo('POST', '/pendenze', { idA2A: 'IDA2A01', idPendenza: id, ...nuovaPendenza(id) }, as('op-scrive'));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ idA2A: 'IDA2A01', idPendenza: id, idDominio: D, numeroAvviso: expect.any(String) });
    const missing = await bo('POST', '/pendenze', nuovaPendenza('x'));
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject(SINTASSI);
  });

  it("POST /pendenze/{idDominio}/{idTipoPendenza} loads the form's pendenza under the path's dominio and tipo", async () => {
    const { idDominio: _d, idTipoPendenza: _t, ...form } = nuovaPendenza('form');
    const r = await bo('POST', `/pendenze/${D}/SEGRETERIA`, { idA2A: 'IDA2A01', ...form }, as('op-scrive'));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ idA2A: 'IDA2A01', idPendenza: expect.stringMatching(/^[0-9a-f]{32}$/), idDominio: D });
    const got = await bo('GET', `/pendenze/IDA2A01/${r.body.idPendenza}`);
    expect(got.body.tipoPendenza.idTipoPendenza).toBe('SEGRETERIA');
    const app = await bo('POST', `/pendenze/${D}/SEGRETERIA`, form, basic(IDA2A01));
    expect(app.status).toBe(201);
    expect(app.body.idA2A).toBe('IDA2A01');
  });

  it('refuses writes without Pendenze W (403) or outside the dominio (403), and writes nothing', async () => {
    const id = newId('BOP');
    expect((await bo('PUT', `/pendenze/IDA2A01/${id}`, nuovaPendenza(id), as('op-legge'))).status).toBe(403);
    expect((await bo('PUT', `/pendenze/IDA2A01/${id}`, nuovaPendenza(id), as('op-altro'))).status).toBe(403);
    expect(
      (await bo('POST', `/pendenze/${D}/SEGRETERIA`, { idA2A: 'IDA2A01', idPendenza: id, ...nuovaPendenza(id) }, as('op-altro'))).status,
    ).toBe(403);
    expect((await bo('GET', `/pendenze/IDA2A01/${id}`)).status).toBe(404);
  });
});

describe('PATCH /ack and /nota', () => {
  it('stores the ack as verificato and a nota whose oggetto becomes the descrizioneStato', async () => {
    const ack = await patch(creata, [{ op: 'REPLACE', path: '/ack', value: true }], as('op-scrive'));
    expect(ack.status).toBe(200);
    const acked = (await bo('GET', `/pendenze/IDA2A01/${creata}`)).body;
    expect(acked.verificato).toBe(true);
    expect(acked).not.toHaveProperty('descrizioneStato');
    const nota = await patch(creata, [
      { op: 'ADD', path: '/nota', value: { oggetto: 'Sollecito', testo: 'Telefonato al debitore', tipo: 'NOTA_PENDENZA' } },
    ]);
    expect(nota.status).toBe(200);
    expect((await bo('GET', `/pendenze/IDA2A01/${creata}`)).body).toMatchObject({ verificato: true, descrizioneStato: 'Sollecito' });
    const g = await call(t.baseUrl, 'POST', '/graphql', {
      body: { query: `{ pendenza(idA2A: "IDA2A01", idPendenza: "${creata}") { verificato note { autore oggetto testo tipo } } }` },
    });
    expect(g.body.data.pendenza).toEqual({
      verificato: true,
      note: [{ autore: 'gpadmin', oggetto: 'Sollecito', testo: 'Telefonato al debitore', tipo: 'NOTA_PENDENZA' }],
    });
  });

  it.each([
    ['an unknown path', [{ op: 'REPLACE', path: '/causale', value: 'x' }], "Il campo path non e' valido."],
    ['an unknown op', [{ op: 'MOVE', path: '/ack', value: true }], "Il campo op non e' valido."],
    ['/ack with ADD', [{ op: 'ADD', path: '/ack', value: true }], "Op 'ADD' non valido per il path '/ack'"],
    ['/ack with a string', [{ op: 'REPLACE', path: '/ack', value: 'si' }], "Value non valido per il path '/ack'"],
    ['/nota with REPLACE', [{ op: 'REPLACE', path: '/nota', value: { oggetto: 'x' } }], "Op 'REPLACE' non valido per il path '/nota'"],
    ['/nota without oggetto', [{ op: 'ADD', path: '/nota', value: { testo: 'x' } }], "Value non valido per il path '/nota'"],
    [
      'a good op then a bad one',
      [
        { op: 'REPLACE', path: '/ack', value: false },
        { op: 'ADD', path: '/x', value: 1 },
      ],
      "Il campo path non e' valido.",
    ],
  ])("answers 400 to %s with GovPay's text and changes nothing", async (_case, ops, dettaglio) => {
    const before = (await bo('GET', `/pendenze/IDA2A01/${creata}`)).body;
    const r = await patch(creata, ops);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ ...SINTASSI, dettaglio });
    expect((await bo('GET', `/pendenze/IDA2A01/${creata}`)).body).toEqual(before);
  });

  it("the graph's intent mutations do the same: verificaPendenza and annotaPendenza, refused without Pendenze W", async () => {
    const id = newId('BOP');
    expect((await bo('PUT', `/pendenze/IDA2A01/${id}`, nuovaPendenza(id))).status).toBe(201);
    const gql = (query: string, input: Record<string, unknown>, auth?: string) =>
      call(t.baseUrl, 'POST', '/graphql', { body: { query, variables: { input: { idA2A: 'IDA2A01', idPendenza: id, ...input } } }, auth });
    const verifica = 'mutation ($input: VerificaPendenzaInput!) { verificaPendenza(input: $input) { pendenza { verificato } } }';
    const annota =
      'mutation ($input: AnnotaPendenzaInput!) { annotaPendenza(input: $input) { pendenza { descrizioneStato note { oggetto testo tipo } } } }';
    expect((await gql(verifica, { verificato: true })).body.data.verificaPendenza.pendenza).toEqual({ verificato: true });
    expect((await gql(annota, { oggetto: 'Visto' })).body.data.annotaPendenza.pendenza).toEqual({
      descrizioneStato: 'Visto',
      note: [{ oggetto: 'Visto', testo: '', tipo: 'NOTA_PENDENZA' }],
    });
    const refused = await gql(verifica, { verificato: false }, as('op-legge'));
    expect(refused.body.errors[0].extensions).toMatchObject({ codice: '403000' });
    expect((await bo('GET', `/pendenze/IDA2A01/${id}`)).body.verificato).toBe(true);
  });

  it('is refused to an operatore without Pendenze W or of another dominio; unknown pendenza is 404', async () => {
    const op = [{ op: 'REPLACE', path: '/ack', value: false }];
    expect((await patch(creata, op, as('op-legge'))).status).toBe(403);
    expect((await patch(creata, op, as('op-altro'))).status).toBe(403);
    expect((await patch('non-esiste', op)).status).toBe(404);
    expect((await bo('GET', `/pendenze/IDA2A01/${creata}`)).body.verificato).toBe(true);
  });
});

describe('avvisi', () => {
  it('byAvviso gives the Backoffice pendenza; /avvisi the Avviso as JSON or PDF; unknown avvisi are 404, other domini 403', async () => {
    const p = (await bo('GET', `/pendenze/IDA2A01/${creata}`)).body;
    const byAvviso = await bo('GET', `/pendenze/byAvviso/${D}/${p.numeroAvviso}`);
    expect(byAvviso.status).toBe(200);
    expect(byAvviso.body).toMatchObject({ idPendenza: creata, tipoPendenza: { idTipoPendenza: 'SEGRETERIA' }, importoPagato: 0 });
    const json = await bo('GET', `/avvisi/${D}/${p.numeroAvviso}`);
    expect(json.body).toMatchObject({ idDominio: D, numeroAvviso: p.numeroAvviso, stato: 'Non pagato', importo: 100.99 });
    const pdf = await call(t.baseUrl, 'GET', `${BO}/avvisi/${D}/${p.numeroAvviso}`, {
      auth: as('op-legge'),
      headers: { accept: 'application/pdf' },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toMatch(/^application\/pdf/);
    expect(pdf.body.startsWith('%PDF-')).toBe(true);
    expect((await bo('GET', `/avvisi/${D}/999999999999999999`)).status).toBe(404);
    expect((await bo('GET', `/avvisi/${D}/${p.numeroAvviso}`, undefined, as('op-altro'))).status).toBe(403);
    expect((await bo('GET', `/pendenze/byAvviso/${D}/${p.numeroAvviso}`, undefined, as('op-altro'))).status).toBe(403);
  });

  it("a documento's avvisi as one PDF, and an allegato as a download", async () => {
    const id = newId('BOP');
    const body = nuovaPendenza(id, {
      documento: { identificativo: `DOC-${id}`, descrizione: 'Documento', rata: 1 },
      allegati: [{ nome: 'nota.txt', tipo: 'text/plain', contenuto: Buffer.from('ciao').toString('base64') }],
    });
    expect((await bo('PUT', `/pendenze/IDA2A01/${id}`, body)).status).toBe(201);
    const doc = await bo('GET', `/documenti/IDA2A01/${D}/DOC-${id}/avvisi`, undefined, as('op-legge'));
    expect(doc.status).toBe(200);
    expect(doc.body.startsWith('%PDF-')).toBe(true);
    expect((await bo('GET', `/documenti/IDA2A01/${D}/DOC-${id}/avvisi`, undefined, as('op-altro'))).status).toBe(403);
    expect((await bo('GET', `/documenti/ALTRA/${D}/DOC-${id}/avvisi`)).status).toBe(404);
    const p = (await bo('GET', `/pendenze/IDA2A01/${id}`)).body;
    const allegato = await bo('GET', p.allegati[0].contenuto, undefined, as('op-legge'));
    expect(allegato.status).toBe(200);
    expect(allegato.body).toBe('ciao');
    expect((await bo('GET', '/allegati/999999')).status).toBe(404);
  });
});
