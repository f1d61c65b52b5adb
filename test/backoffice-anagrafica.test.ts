import { BO, call, IDA2A01, basic } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { nuovoDominio } from './helpers/fixtures';

/** The Backoffice API's configuration resources, read and written over real HTTP. */
let t: TestHub;
const get = (path: string, auth?: string) => call(t.baseUrl, 'GET', `${BO}${path}`, { auth });
const put = (path: string, body: unknown, auth?: string) => call(t.baseUrl, 'PUT', `${BO}${path}`, { body, auth });

beforeAll(async () => {
  t = await startHub();
});
afterAll(() => t.close());

describe('intermediari and stazioni', () => {
  it('lists the demo intermediario in the paging envelope', async () => {
    const r = await get('/intermediari');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      numRisultati: 1,
      numPagine: 1,
      risultatiPerPagina: 25,
      pagina: 1,
      risultati: [{ idIntermediario: '11111111113', denominazione: 'Intermediario Test', abilitato: true }],
    });
  });

  it('creates (201), then updates (200) an intermediario and a stazione, never returning the password', async () => {
    const body = { denominazione: 'Partner Tecnologico', principalPagoPa: 'nodo2', servizioPagoPa: { urlRPT: 'https://nodo.example/pa' } };
    expect((await put('/intermediari/22222222222', body)).status).toBe(201);
    expect((await put('/intermediari/22222222222', { ...body, denominazione: 'Partner Tecnologico Srl' })).status).toBe(200);
    expect((await put('/intermediari/22222222222/stazioni/22222222222_05', { password: 'secret5', abilitato: true, versione: 'V2' })).status).toBe(201);

    const i = await get('/intermediari/22222222222');
    expect(i.status).toBe(200);
    expect(i.body).toMatchObject({
      idIntermediario: '22222222222',
      denominazione: 'Partner Tecnologico Srl',
      principalPagoPa: 'nodo2',
      servizioPagoPa: { urlRPT: 'https://nodo.example/pa' },
      abilitato: true,
      stazioni: [{ idStazione: '22222222222_05', abilitato: true, versione: 'V2', domini: '/domini?idStazione=22222222222_05' }],
    });
    const s = await get('/intermediari/22222222222/stazioni/22222222222_05');
    expect(s.body).toEqual({ idStazione: '22222222222_05', abilitato: true, versione: 'V2', domini: [] });
    expect(JSON.stringify(s.body)).not.toContain('secret5');
  });

  it('refuses a stazione whose id does not belong to the intermediario, changing nothing', async () => {
    const r = await put('/intermediari/11111111113/stazioni/22222222222_09', { abilitato: true, versione: 'V2' });
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ categoria: 'RICHIESTA', codice: 'SEMANTICA' });
    expect((await get('/intermediari/22222222222/stazioni/22222222222_09')).status).toBe(404);
  });

  it('answers 404 with GovPay\'s fault for an unknown intermediario', async () => {
    const r = await get('/intermediari/99999999999');
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ categoria: 'OPERAZIONE', codice: '404000', descrizione: 'Risorsa non trovata' });
  });
});

describe('domini and their configuration', () => {
  it('reads the demo dominio with its unità operative, conti, entrate and tipi pendenza', async () => {
    const r = await get('/domini/12345678901');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      idDominio: '12345678901',
      ragioneSociale: 'Ente Creditore Test',
      stazione: '11111111113_01',
      auxDigit: '0',
      gln: '8088888000000',
      cbill: 'AB123',
      abilitato: true,
    });
    expect(r.body.unitaOperative.map((u: any) => u.idUnita)).toEqual(['12345678901_01']);
    expect(r.body.contiAccredito.map((c: any) => [c.iban, c.postale])).toEqual(
      expect.arrayContaining([
        ['IT02L1234512345123451111111', false],
        ['IT02L0760112345123452222222', true],
      ]),
    );
    expect(r.body.entrate.map((e: any) => e.idEntrata).sort()).toEqual(['BOLLOT', 'LIBERO', 'SEGRETERIA']);
    expect(r.body.entrate.find((e: any) => e.idEntrata === 'SEGRETERIA').ibanAccredito).toBe('IT02L1234512345123451111111');
    expect(r.body.tipiPendenza.map((e: any) => e.idTipoPendenza).sort()).toEqual(['BOLLOT', 'LIBERO', 'SEGRETERIA']);
  });

  it('creates a dominio with its whole configuration, then updates it', async () => {
    expect((await put('/domini/01234567890', nuovoDominio)).status).toBe(201);
    expect((await put('/domini/01234567890/unitaOperative/UO1', { ragioneSociale: 'Ufficio Anagrafe' })).status).toBe(201);
    expect((await put('/domini/01234567890/contiAccredito/IT60X0542811101000000123456', { postale: false, bic: 'BPPIITRR' })).status).toBe(201);
    expect((await put('/domini/01234567890/entrate/SEGRETERIA', { ibanAccredito: 'IT60X0542811101000000123456' })).status).toBe(201);
    expect((await put('/domini/01234567890/tipiPendenza/LIBERO', { codificaIUV: '7', pagaTerzi: true })).status).toBe(201);
    expect((await put('/domini/01234567890', { ...nuovoDominio, ragioneSociale: 'Comune di Prova Alta' })).status).toBe(200);

    const d = await get('/domini/01234567890');
    expect(d.body).toMatchObject({
      ragioneSociale: 'Comune di Prova Alta',
      auxDigit: '3',
      segregationCode: '47',
      indirizzo: 'Via Roma',
      email: 'tributi@comune.example.it',
      scaricaFr: false,
    });
    const tp = await get('/domini/01234567890/tipiPendenza/LIBERO');
    expect(tp.body).toMatchObject({
      idTipoPendenza: 'LIBERO',
      descrizione: 'Pagamento libero',
      codificaIUV: '7',
      pagaTerzi: true,
      valori: { codificaIUV: '7', pagaTerzi: true, abilitato: true },
    });
    const e = await get('/domini/01234567890/entrate/SEGRETERIA');
    expect(e.body).toMatchObject({
      idEntrata: 'SEGRETERIA',
      ibanAccredito: 'IT60X0542811101000000123456',
      tipoEntrata: { idEntrata: 'SEGRETERIA', descrizione: 'Diritti di segreteria' },
    });
    const conto = await get('/domini/01234567890/contiAccredito/IT60X0542811101000000123456');
    expect(conto.body).toMatchObject({ iban: 'IT60X0542811101000000123456', bic: 'BPPIITRR', postale: false, abilitato: true });
    const uo = await get('/domini/01234567890/unitaOperative/UO1');
    expect(uo.body).toEqual({ idUnita: 'UO1', ragioneSociale: 'Ufficio Anagrafe', abilitato: true });
  });

  it('filters, orders and pages lists as GovPay does', async () => {
    const byName = await get('/domini?ragioneSociale=prova');
    expect(byName.body.risultati.map((d: any) => d.idDominio)).toEqual(['01234567890']);
    expect(byName.body.risultati[0].unitaOperative).toBe('/domini/01234567890/unitaOperative');

    const desc = await get('/domini/12345678901/entrate?ordinamento=-idEntrata');
    expect(desc.body.risultati.map((e: any) => e.idEntrata)).toEqual(['SEGRETERIA', 'LIBERO', 'BOLLOT']);

    const page1 = await get('/domini/12345678901/entrate?ordinamento=%2BidEntrata&risultatiPerPagina=2');
    expect(page1.body).toMatchObject({ numRisultati: 3, numPagine: 2, pagina: 1, risultatiPerPagina: 2 });
    expect(page1.body.prossimiRisultati).toBe(`${BO}/domini/12345678901/entrate?ordinamento=%2BidEntrata&risultatiPerPagina=2&pagina=2`);
    const page2 = await get('/domini/12345678901/entrate?ordinamento=%2BidEntrata&risultatiPerPagina=2&pagina=2');
    expect(page2.body.risultati.map((e: any) => e.idEntrata)).toEqual(['SEGRETERIA']);
    expect(page2.body.prossimiRisultati).toBeUndefined();

    const noMeta = await get('/domini/12345678901/entrate?metadatiPaginazione=false');
    expect(noMeta.body.numRisultati).toBeUndefined();
    expect(noMeta.body.numPagine).toBeUndefined();
    expect(noMeta.body.prossimiRisultati).toContain('pagina=2');
    expect(noMeta.body.risultati).toHaveLength(3);

    const count = await get('/domini/12345678901/entrate?risultatiPerPagina=0');
    expect(count.body).toEqual({ numRisultati: 3, risultatiPerPagina: 0, pagina: 1, risultati: [] });

    const campi = await get('/domini/12345678901/unitaOperative?campi=idUnita,ragioneSociale');
    expect(campi.body.risultati).toEqual([{ idUnita: '12345678901_01', ragioneSociale: 'Ufficio Tributi' }]);

    const disabled = await get('/domini/12345678901/contiAccredito?abilitato=false');
    expect(disabled.body.numRisultati).toBe(0);
  });

  it('rejects an entrata credited to an IBAN the dominio does not have (422) and a dominio on an unknown stazione', async () => {
    const e = await put('/domini/12345678901/entrate/SEGRETERIA', { ibanAccredito: 'IT60X0542811101000000999999' });
    expect(e.status).toBe(422);
    expect(e.body.dettaglio).toContain('IT60X0542811101000000999999');
    expect((await get('/domini/12345678901/entrate/SEGRETERIA')).body.ibanAccredito).toBe('IT02L1234512345123451111111');

    const d = await put('/domini/55555555555', { ...nuovoDominio, stazione: '99999999999_01' });
    expect(d.status).toBe(422);
    expect((await get('/domini/55555555555')).status).toBe(404);
  });

  it('answers 404 for unknown children', async () => {
    expect((await get('/domini/12345678901/unitaOperative/NOPE')).status).toBe(404);
    expect((await get('/domini/12345678901/contiAccredito/IT00A0000000000000000000000')).status).toBe(404);
    expect((await get('/domini/99999999999/entrate')).status).toBe(404);
  });
});

describe('catalogue: entrate and tipi pendenza', () => {
  it('creates and reads a hub-wide entrata and tipo pendenza', async () => {
    expect((await put('/entrate/TARI', { descrizione: 'Tassa rifiuti', tipoContabilita: 'SIOPE', codiceContabilita: '1234' })).status).toBe(201);
    expect((await get('/entrate/TARI')).body).toEqual({
      idEntrata: 'TARI',
      descrizione: 'Tassa rifiuti',
      tipoContabilita: 'SIOPE',
      codiceContabilita: '1234',
    });
    const layout = { portalePagamento: { abilitato: true, form: { tipo: 'angular2-json-schema-form', definizione: { type: 'object' } } } };
    expect((await put('/tipiPendenza/TARI', { descrizione: 'TARI', codificaIUV: '12', ...layout })).status).toBe(201);
    expect((await put('/tipiPendenza/TARI', { descrizione: 'TARI 2026', ...layout })).status).toBe(200);
    const tp = await get('/tipiPendenza/TARI');
    expect(tp.body).toEqual({ idTipoPendenza: 'TARI', descrizione: 'TARI 2026', pagaTerzi: false, abilitato: true, ...layout });
    const list = await get('/tipiPendenza?descrizione=tari');
    expect(list.body.risultati.map((x: any) => x.idTipoPendenza)).toEqual(['TARI']);
    expect((await get('/entrate')).body.numRisultati).toBe(4);
  });
});

describe('applicazioni, operatori and profilo', () => {
  it('reads the demo applicazione as GovPay shows it', async () => {
    const r = await get('/applicazioni/IDA2A01');
    expect(r.body).toMatchObject({
      idA2A: 'IDA2A01',
      principal: 'IDA2A01',
      password: true,
      domini: [{ idDominio: '*', ragioneSociale: 'Tutti' }],
      tipiPendenza: [{ idTipoPendenza: '*', descrizione: 'Tutti' }],
      codificaAvvisi: { codificaIuv: '34', regExpIuv: '34[0-9]*', generazioneIuvInterna: false },
      apiPagamenti: true,
      apiPendenze: true,
      apiRagioneria: true,
      abilitato: true,
      servizioIntegrazione: { versioneApi: 'REST v2' },
    });
    expect(r.body.acl).toContainEqual({ servizio: 'Pendenze', autorizzazioni: ['R', 'W'] });
    expect(r.body.acl.map((a: any) => a.servizio)).not.toContain('Anagrafica Creditore');
  });

  it('creates an applicazione limited to one dominio and tipo pendenza, which then authenticates with it', async () => {
    const body = {
      principal: 'portale-tributi',
      password: 'Segreta123',
      domini: [{ idDominio: '12345678901', unitaOperative: ['12345678901_01'] }],
      tipiPendenza: ['SEGRETERIA'],
      acl: [{ servizio: 'Anagrafica Creditore', autorizzazioni: ['Lettura'] }],
      apiPendenze: true,
      servizioIntegrazione: { url: 'https://tributi.example/api', versioneApi: 'REST v2', auth: { username: 'gp', password: 'x' } },
    };
    expect((await put('/applicazioni/PORTALE', body)).status).toBe(201);
    const a = await get('/applicazioni/PORTALE');
    expect(a.body).toMatchObject({
      idA2A: 'PORTALE',
      principal: 'portale-tributi',
      password: true,
      domini: [{ idDominio: '12345678901', ragioneSociale: 'Ente Creditore Test', unitaOperative: [{ idUnita: '12345678901_01', ragioneSociale: 'Ufficio Tributi' }] }],
      tipiPendenza: [{ idTipoPendenza: 'SEGRETERIA', descrizione: 'Diritti di segreteria' }],
      acl: [{ servizio: 'Anagrafica Creditore', autorizzazioni: ['R'] }],
    });
    expect(JSON.stringify(a.body)).not.toContain('Segreta123');

    const own = basic({ user: 'portale-tributi', password: 'Segreta123' });
    const domini = await get('/domini', own);
    expect(domini.status).toBe(200);
    expect(domini.body.risultati.map((d: any) => d.idDominio)).toEqual(['12345678901']);
    expect((await get('/domini/01234567890', own)).status).toBe(403);
    const profilo = await get('/profilo', own);
    expect(profilo.body).toMatchObject({ nome: 'PORTALE', autenticazione: 'BASIC', tipiPendenza: [{ idTipoPendenza: 'SEGRETERIA' }] });
    expect((await put('/domini/12345678901/unitaOperative/UO9', { ragioneSociale: 'x' }, own)).status).toBe(403);
    const tipi = await get('/tipiPendenza?idTipoPendenza=LIBERO', own);
    expect(tipi.body.numRisultati).toBe(0);
    expect((await get('/tipiPendenza', own)).body.risultati.map((x: any) => x.idTipoPendenza)).toEqual(['SEGRETERIA']);
  });

  it('keeps the stored password when an update omits it', async () => {
    expect((await put('/applicazioni/PORTALE', { principal: 'portale-tributi', domini: ['12345678901'] })).status).toBe(200);
    expect((await get('/profilo', basic({ user: 'portale-tributi', password: 'Segreta123' }))).status).toBe(200);
  });

  it('refuses a principal already used by another utenza', async () => {
    const r = await put('/applicazioni/ALTRA', { principal: 'gpadmin' });
    expect(r.status).toBe(422);
    expect((await get('/applicazioni/ALTRA')).status).toBe(404);
  });

  it('creates an operatore, lists it and shows its profile', async () => {
    const body = { ragioneSociale: 'Mario Rossi', password: 'Operatore1', domini: ['12345678901'], tipiPendenza: [], acl: [{ servizio: 'Pendenze', autorizzazioni: ['R'] }] };
    expect((await put('/operatori/mrossi', body)).status).toBe(201);
    const o = await get('/operatori/mrossi');
    expect(o.body).toMatchObject({ principal: 'mrossi', ragioneSociale: 'Mario Rossi', password: true, abilitato: true });
    expect((await get('/operatori')).body.risultati.map((x: any) => x.principal)).toEqual(['gpadmin', 'mrossi']);
    const profilo = await get('/profilo', basic({ user: 'mrossi', password: 'Operatore1' }));
    expect(profilo.body.domini).toEqual([{ idDominio: '12345678901', ragioneSociale: 'Ente Creditore Test' }]);
  });

  it('lists applicazioni with GovPay\'s index fields', async () => {
    const r = await get('/applicazioni?abilitato=true');
    expect(r.body.risultati).toContainEqual({ idA2A: 'IDA2A01', principal: 'IDA2A01', abilitato: true });
  });
});

describe('operazioni', () => {
  it('resets the anagrafica cache so that a disabled applicazione is refused at once', async () => {
    const app = basic(IDA2A01);
    expect((await call(t.baseUrl, 'GET', '/govpay/backend/api/backoffice/rs/basic/v1/profilo', { auth: app })).status).toBe(200);
    const current = (await get('/applicazioni/IDA2A01')).body;
    const { idA2A: _id, password: _pw, domini, tipiPendenza, ...rest } = current;
    const disable = {
      ...rest,
      domini: domini.map((d: any) => d.idDominio),
      tipiPendenza: tipiPendenza.map((x: any) => x.idTipoPendenza),
      abilitato: false,
    };
    expect((await put('/applicazioni/IDA2A01', disable)).status).toBe(200);
    const reset = await get('/operazioni/resetCacheAnagrafica');
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ idOperazione: 'resetCacheAnagrafica', stato: 0 });
    const refused = await call(t.baseUrl, 'GET', `${BO}/profilo`, { auth: app });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      categoria: 'AUTORIZZAZIONE',
      codice: '403000',
      descrizione: 'Operazione non autorizzata',
      dettaglio: 'Applicazione [IDA2A01] disabilitata.',
    });
    expect((await put('/applicazioni/IDA2A01', { ...disable, abilitato: true })).status).toBe(200);
    await get('/operazioni/resetCacheAnagrafica');
    expect((await call(t.baseUrl, 'GET', `${BO}/profilo`, { auth: app })).status).toBe(200);
  });

  it('answers 404 for an unknown operazione', async () => {
    expect((await get('/operazioni/nonEsiste')).status).toBe(404);
  });
});
