import { basic, BO, call, GPADMIN } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { closeSimulators } from './helpers/simulator';
import { causaleFlusso, causaleSingola, DOMINIO, euro, Ragioneria, RV1, type Pagata } from './helpers/ragioneria';

/**
 * The older "incassi" contracts over the same graph: API Ragioneria v1 (POST /incassi, the integration
 * manual's endpoint, and its reads) and the Backoffice's riconciliazione paths (flows, rendicontazioni,
 * incassi, riscossioni, quadrature), for an operatore with and without the dominio.
 */
let t: TestHub;
let r: Ragioneria;
const admin = basic(GPADMIN);
const bo = (method: string, path: string, opts: { auth?: string; body?: unknown } = {}) =>
  call(t.baseUrl, method, `${BO}${path}`, { auth: admin, ...opts });
const SINTASSI = { categoria: 'RICHIESTA', codice: 'SINTASSI', descrizione: 'Richiesta non valida' };

let a: Pagata;
let b: Pagata;
let idFlusso: string;

beforeAll(async () => {
  t = await startHub({ TRACCIATI_WORKER: 'false' });
  r = new Ragioneria(t);
  [a, b] = [await r.pagata(), await r.pagata()];
  idFlusso = await r.flusso([a, b]);
}, 90000);
afterAll(async () => {
  await closeSimulators();
  await t?.close();
});

describe('API Ragioneria v1', () => {
  let incasso: any;
  let v: Pagata;
  beforeAll(async () => {
    v = await r.pagata();
  });

  it('POST /incassi/{idDominio} with a single causale: 201 with the incasso and its riscossioni; again: 200, the same body', async () => {
    const body = {
      causale: causaleSingola(v),
      importo: euro(v.importoCents),
      dataValuta: '2026-12-07',
      ibanAccredito: 'IT02L1234512345123451111111',
    };
    const first = await r.call('POST', `${RV1}/incassi/${DOMINIO}`, { body });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      idDominio: DOMINIO,
      causale: causaleSingola(v),
      importo: 100.99,
      dataValuta: '2026-12-07',
      ibanAccredito: 'IT02L1234512345123451111111',
      riscossioni: [
        {
          dominio: { idDominio: DOMINIO, ragioneSociale: 'Ente Creditore Test', stazione: '11111111113_01' },
          iuv: v.iuv,
          iur: v.iur,
          indice: 1,
          stato: 'INCASSATA',
          tipo: 'ENTRATA',
          importo: 100.99,
          vocePendenza: { idVocePendenza: '1', importo: 100.99 },
          pendenza: { idA2A: 'IDA2A01', idPendenza: v.idPendenza },
        },
      ],
    });
    incasso = first.body;
    const again = await r.call('POST', `${RV1}/incassi/${DOMINIO}`, { body });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
  });

  it('GET /incassi lists it; GET /incassi/{idDominio}/{idIncasso} gives it', async () => {
    const list = await r.call('GET', `${RV1}/incassi?idDominio=${DOMINIO}`);
    expect(list.status).toBe(200);
    expect(list.body.risultati.map((i: any) => i.idIncasso)).toContain(incasso.idIncasso);
    const d = await r.call('GET', `${RV1}/incassi/${DOMINIO}/${incasso.idIncasso}`);
    expect(d.status).toBe(200);
    expect(d.body).toEqual(incasso);
    expect((await r.call('GET', `${RV1}/incassi/${DOMINIO}/NESSUNO`)).status).toBe(404);
  });

  it('riscossioni, flows and profilo in v1 shapes', async () => {
    const list = await r.call('GET', `${RV1}/riscossioni?idDominio=${DOMINIO}&stato=INCASSATA`);
    expect(list.status).toBe(200);
    expect(list.body.risultati).toEqual(
      expect.arrayContaining([expect.objectContaining({ iuv: v.iuv, pendenza: `/pendenze/IDA2A01/${v.idPendenza}` })]),
    );
    const d = await r.call('GET', `${RV1}/riscossioni/${DOMINIO}/${v.iuv}/${encodeURIComponent(v.iur)}/1`);
    expect(d.status).toBe(200);
    expect(d.body).toMatchObject({ iuv: v.iuv, pendenza: { idA2A: 'IDA2A01', idPendenza: v.idPendenza, stato: 'ESEGUITA' } });
    const flussi = await r.call('GET', `${RV1}/flussiRendicontazione?idDominio=${DOMINIO}`);
    expect(flussi.body.risultati.map((f: any) => f.idFlusso)).toContain(idFlusso);
    const flusso = await r.call('GET', `${RV1}/flussiRendicontazione/${idFlusso}`);
    expect(flusso.body).toMatchObject({
      idFlusso,
      rendicontazioni: expect.arrayContaining([expect.objectContaining({ iuv: a.iuv, esito: 0 })]),
    });
    const profilo = await r.call('GET', `${RV1}/profilo`);
    expect(profilo.body).toMatchObject({ nome: 'IDA2A01', entrate: [] });
    // IDA2A01 acts on every dominio, which its profile says as GovPay does: '*'.
    expect(profilo.body.domini.map((x: any) => x.idDominio)).toEqual(['*']);
  });

  it('refusals: an unknown IUV 422 021402, no causale 400, an operatore 403', async () => {
    const unknown = await r.call('POST', `${RV1}/incassi/${DOMINIO}`, { body: { causale: '/RFB/999999999999999/1.00', importo: 1 } });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ codice: '021402', descrizione: 'Pagamento non trovato.' });
    expect((await r.call('POST', `${RV1}/incassi/${DOMINIO}`, { body: { importo: 1 } })).body).toMatchObject(SINTASSI);
    expect((await r.call('GET', `${RV1}/incassi`, { auth: admin })).status).toBe(403);
  });
});

describe('Backoffice v1: the riconciliazione paths', () => {
  it('POST /incassi/{idDominio} reconciles the flow: 201, then 200 with the same body', async () => {
    const body = { causale: causaleFlusso(idFlusso), importo: euro(a.importoCents + b.importoCents), sct: `SCT-BO-${Date.now()}` };
    const first = await bo('POST', `/incassi/${DOMINIO}`, { body });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ dominio: { idDominio: DOMINIO }, idFlusso, stato: 'ACQUISITO', importo: 201.98 });
    const again = await bo('POST', `/incassi/${DOMINIO}`, { body });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
  });

  it('POST /incassi/{idDominio} of a single payment, then its list and detail', async () => {
    const c = await r.pagata();
    const body = { causale: causaleSingola(c), importo: euro(c.importoCents), sct: `SCT-BO1-${Date.now()}` };
    const first = await bo('POST', `/incassi/${DOMINIO}`, { body });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      dominio: { idDominio: DOMINIO },
      causale: causaleSingola(c),
      stato: 'ACQUISITO',
      riscossioni: [{ iuv: c.iuv, stato: 'INCASSATA' }],
    });
    expect(first.body.riscossioni[0].vocePendenza).toMatchObject({
      idVocePendenza: '1',
      pendenza: { idA2A: 'IDA2A01', idPendenza: c.idPendenza },
    });
    const list = await bo('GET', `/incassi?idDominio=${DOMINIO}&risultatiPerPagina=1`);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ risultatiPerPagina: 1, pagina: 1 });
    expect(list.body.numRisultati).toBeGreaterThanOrEqual(1);
    const d = await bo('GET', `/incassi/${DOMINIO}/${first.body.idIncasso}`);
    expect(d.status).toBe(200);
    expect(d.body).toEqual(first.body);
  });

  it('flows, their detail and lines, rendicontazioni with their flow', async () => {
    const list = await bo('GET', `/flussiRendicontazione?idFlusso=${idFlusso}`);
    expect(list.status).toBe(200);
    expect(list.body.risultati[0]).toMatchObject({ idFlusso, ragioneSocialeDominio: 'Ente Creditore Test', stato: 'Acquisito' });
    const d = await bo('GET', `/flussiRendicontazione/${idFlusso}`);
    expect(d.body.rendicontazioni).toHaveLength(2);
    const righe = await bo('GET', `/rendicontazioni?idFlusso=${idFlusso}`);
    expect(righe.status).toBe(200);
    expect(righe.body.numRisultati).toBe(2);
    expect(righe.body.risultati[0]).toMatchObject({ esito: 0, flussoRendicontazione: { idFlusso } });
  });

  it('riscossioni: list and detail with the voce and its pendenza', async () => {
    const list = await bo('GET', `/riscossioni?idDominio=${DOMINIO}&iur=${encodeURIComponent(b.iur)}`);
    expect(list.status).toBe(200);
    expect(list.body.risultati[0]).toMatchObject({
      idDominio: DOMINIO,
      iuv: b.iuv,
      idVocePendenza: '1',
      pendenza: `/pendenze/IDA2A01/${b.idPendenza}`,
    });
    const d = await bo('GET', `/riscossioni/${DOMINIO}/${b.iuv}/${encodeURIComponent(b.iur)}/1`);
    expect(d.status).toBe(200);
    expect(d.body.vocePendenza).toMatchObject({
      idVocePendenza: '1',
      codEntrata: 'SEGRETERIA',
      pendenza: { idA2A: 'IDA2A01', idPendenza: b.idPendenza },
    });
  });

  it('quadrature: riscossioni by dominio and tipo pendenza, rendicontazioni by flow; gruppi required', async () => {
    const q = await bo('GET', `/quadrature/riscossioni?gruppi=DOMINIO&gruppi=TIPO_PENDENZA`);
    expect(q.status).toBe(200);
    expect(q.body.risultati).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          dominio: expect.objectContaining({ idDominio: DOMINIO }),
          tipoPendenza: expect.objectContaining({ idTipoPendenza: 'SEGRETERIA' }),
        }),
      ]),
    );
    expect(q.body.numRisultati).toBe(q.body.risultati.length);
    const qr = await bo('GET', `/quadrature/rendicontazioni?gruppi=FLUSSO_RENDICONTAZIONE&idFlusso=${idFlusso}`);
    expect(qr.status).toBe(200);
    expect(qr.body.risultati).toEqual([
      expect.objectContaining({ numeroRendicontazioni: 2, importo: 201.98, flussoRendicontazione: expect.objectContaining({ idFlusso }) }),
    ]);
    expect((await bo('GET', '/quadrature/riscossioni')).body).toMatchObject(SINTASSI);
    expect((await bo('GET', '/quadrature/rendicontazioni?gruppi=COLORE')).body).toMatchObject(SINTASSI);
  });

  it('an operatore without the dominio sees none of it and cannot post to it', async () => {
    await r.altroDominio();
    const operatore = {
      ragioneSociale: 'Altro Ente',
      password: 'Password1!',
      domini: ['01234567890'],
      acl: [{ servizio: 'Rendicontazioni e Incassi', autorizzazioni: ['R', 'W'] }],
    };
    expect((await bo('PUT', '/operatori/altroente', { body: operatore })).status).toBe(201);
    const altro = basic({ user: 'altroente', password: 'Password1!' });
    const flussi = await bo('GET', `/flussiRendicontazione?idFlusso=${idFlusso}`, { auth: altro });
    expect(flussi.status === 403 || flussi.body.numRisultati === 0).toBe(true);
    expect([403, 404]).toContain((await bo('GET', `/flussiRendicontazione/${idFlusso}`, { auth: altro })).status);
    const posted = await bo('POST', `/incassi/${DOMINIO}`, {
      auth: altro,
      body: { causale: causaleSingola(b), importo: euro(b.importoCents), sct: 'SCT-ALTRO' },
    });
    expect(posted.status).toBe(403);
    expect(posted.body).toMatchObject({ categoria: 'AUTORIZZAZIONE', codice: '403000' });
  });
});
