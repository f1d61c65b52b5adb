import { basic, BO, call, gql } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { nuovaPendenza, nuovoDominio } from './helpers/fixtures';
import { until } from './helpers/until';

/**
 * Every write of a pendenza checks the caller's scope against the pendenza as it is stored, not
 * only against the body it sends: a tipo or dominio outside the caller's scope cannot be rewritten
 * by naming one inside it, a pendenza never changes dominio, and an applicazione acts only on its
 * own pendenze. Through REST, the graph and tracciati alike.
 */
let t: TestHub;
const PV2 = '/govpay/backend/api/pendenze/rs/basic/v2';
const D1 = '12345678901';
const D2 = '01234567890';
const PASSWORD = 'Password1!';
const SOLO_LIBERO = basic({ user: 'solo-libero', password: PASSWORD });
const SOLO_D2 = basic({ user: 'solo-d2', password: PASSWORD });
const ENTRAMBI = basic({ user: 'entrambi', password: PASSWORD });
const APP_A = basic({ user: 'app-a', password: PASSWORD });
const APP_C = basic({ user: 'app-c', password: PASSWORD });
let seq = 0;
const newId = () => `SC${Date.now()}${++seq}`;

const libero = (id: string, idDominio = D1) =>
  nuovaPendenza(id, {
    idTipoPendenza: 'LIBERO',
    idDominio,
    importo: 0.01,
    voci: [{ idVocePendenza: '1', importo: 0.01, descrizione: 'Riscritta', codEntrata: idDominio === D1 ? 'LIBERO' : 'SEGRETERIA' }],
  });
const inD2 = (id: string) => nuovaPendenza(id, { idDominio: D2 });
const put = (idA2A: string, id: string, body: unknown, auth?: string) =>
  call(t.baseUrl, 'PUT', `${PV2}/pendenze/${idA2A}/${id}`, { body, auth });
const get = (idA2A: string, id: string) => call(t.baseUrl, 'GET', `${PV2}/pendenze/${idA2A}/${id}`);
const annulla = [{ op: 'REPLACE', path: '/stato', value: 'ANNULLATA' }];
const annullaViaGraph = (idA2A: string, id: string, auth: string) =>
  gql(
    t.baseUrl,
    'mutation ($input: ModificaPendenzaInput!) { modificaPendenza(input: $input) { pendenza { stato } } }',
    { input: { idA2A, idPendenza: id, operazioni: annulla } },
    auth,
  );

/** A SEGRETERIA pendenza of the demo dominio, loaded by gpadmin for IDA2A01 (or another applicazione). */
async function segreteria(idA2A = 'IDA2A01'): Promise<string> {
  const id = newId();
  const r = await put(idA2A, id, nuovaPendenza(id));
  expect(r.status).toBe(201);
  return id;
}

/** The stored pendenza is exactly what it was: SEGRETERIA, 100.99, the demo dominio, NON_ESEGUITA. */
async function unchanged(id: string, idA2A = 'IDA2A01'): Promise<void> {
  const r = await get(idA2A, id);
  expect(r.status).toBe(200);
  expect(r.body).toMatchObject({ idTipoPendenza: 'SEGRETERIA', importo: 100.99, dominio: { idDominio: D1 }, stato: 'NON_ESEGUITA' });
  expect(r.body.voci).toMatchObject([{ importo: 100.99, codEntrata: 'SEGRETERIA' }]);
}

const operatore = (domini: string[], tipiPendenza: string[]) => ({
  ragioneSociale: 'Operatore limitato',
  password: PASSWORD,
  domini,
  tipiPendenza,
  acl: [{ servizio: 'Pendenze', autorizzazioni: ['R', 'W'] }],
});
const applicazione = (principal: string, codificaIuv: string) => ({
  principal,
  codificaAvvisi: { codificaIuv },
  password: PASSWORD,
  domini: [{ idDominio: D1 }],
  tipiPendenza: ['*'],
  acl: [{ servizio: 'Pendenze', autorizzazioni: ['R', 'W'] }],
  apiPendenze: true,
});

beforeAll(async () => {
  t = await startHub({ TRACCIATI_POLL_MS: '100' });
  const bo = (path: string, body: unknown) => call(t.baseUrl, 'PUT', `${BO}${path}`, { body });
  expect((await bo(`/domini/${D2}`, nuovoDominio)).status).toBe(201);
  expect((await bo(`/domini/${D2}/contiAccredito/IT60X0542811101000000123456`, { postale: false })).status).toBe(201);
  expect((await bo(`/domini/${D2}/entrate/SEGRETERIA`, { ibanAccredito: 'IT60X0542811101000000123456' })).status).toBe(201);
  expect((await bo(`/domini/${D2}/tipiPendenza/SEGRETERIA`, {})).status).toBe(201);
  expect((await bo(`/domini/${D2}/tipiPendenza/LIBERO`, {})).status).toBe(201);
  expect((await bo('/operatori/solo-libero', operatore([D1], ['LIBERO']))).status).toBe(201);
  expect((await bo('/operatori/solo-d2', operatore([D2], []))).status).toBe(201);
  expect((await bo('/operatori/entrambi', operatore([D1, D2], []))).status).toBe(201);
  expect((await bo('/applicazioni/APPA', applicazione('app-a', '41'))).status).toBe(201);
  expect((await bo('/applicazioni/APPC', applicazione('app-c', '42'))).status).toBe(201);
});
afterAll(() => t.close());

describe('a PUT of an existing pendenza', () => {
  it("is refused when the stored tipo pendenza is outside the caller's scope, whatever tipo the body names", async () => {
    const id = await segreteria();
    const r = await put('IDA2A01', id, libero(id), SOLO_LIBERO);
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ categoria: 'AUTORIZZAZIONE', codice: '403000' });
    expect(r.body.dettaglio).toMatch(/SEGRETERIA/);
    await unchanged(id);
  });

  it("is refused when the stored dominio is outside the caller's scope", async () => {
    const id = await segreteria();
    const r = await put('IDA2A01', id, inD2(id), SOLO_D2);
    expect(r.status).toBe(403);
    expect(r.body.dettaglio).toMatch(new RegExp(D1));
    await unchanged(id);
  });

  it("never moves a pendenza to another dominio, even for a caller allowed on both (GovPay's VER_004)", async () => {
    const id = await segreteria();
    const r = await put('IDA2A01', id, inD2(id), ENTRAMBI);
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({
      codice: 'VER_004',
      dettaglio: `La pendenza (IdA2A:IDA2A01, Id:${id}) presenta un beneficiario (${D2}) diverso da quello originale (${D1})`,
    });
    await unchanged(id);
  });

  it('still updates a pendenza in scope', async () => {
    const id = await segreteria();
    const r = await put('IDA2A01', id, nuovaPendenza(id, { causale: 'Aggiornata' }), ENTRAMBI);
    expect(r.status).toBe(200);
    expect((await get('IDA2A01', id)).body.causale).toBe('Aggiornata');
  });
});

describe('the graph', () => {
  it('refuses caricaPendenza and modificaPendenza on a stored pendenza outside the scope', async () => {
    const id = await segreteria();
    const save = await gql(
      t.baseUrl,
      'mutation ($id: ID!, $input: JSONObject!) { caricaPendenza(input: { idA2A: "IDA2A01", idPendenza: $id, pendenza: $input }) { created } }',
      { id, input: libero(id) },
      SOLO_LIBERO,
    );
    expect(save.body.errors[0].extensions).toMatchObject({ codice: '403000', status: 403 });
    const patch = await annullaViaGraph('IDA2A01', id, SOLO_LIBERO);
    expect(patch.body.errors[0].extensions).toMatchObject({ codice: '403000', status: 403 });
    await unchanged(id);
  });
});

describe('a tracciato', () => {
  it('cannot move or cancel a pendenza of a dominio its uploader may not touch', async () => {
    const moved = await segreteria();
    const cancelled = await segreteria();
    const body = {
      idTracciato: `SCOPE-${newId()}`,
      idDominio: D2,
      inserimenti: [{ idA2A: 'IDA2A01', idPendenza: moved, ...inD2(moved) }],
      annullamenti: [{ idA2A: 'IDA2A01', idPendenza: cancelled, motivoAnnullamento: 'Fuori ambito' }],
    };
    const r = await call(t.baseUrl, 'POST', `${BO}/pendenze/tracciati`, { body, auth: SOLO_D2 });
    expect(r.status).toBe(201);
    const done = await until('the tracciato processed', async () => {
      const s = await call(t.baseUrl, 'GET', `${BO}/pendenze/tracciati/${r.body.id}`);
      return ['ESEGUITO', 'ESEGUITO_CON_ERRORI'].includes(s.body.stato) && s.body;
    });
    expect(done).toMatchObject({ stato: 'ESEGUITO_CON_ERRORI', numeroOperazioniEseguite: 0, numeroOperazioniFallite: 2 });
    const esito = (await call(t.baseUrl, 'GET', `${BO}/pendenze/tracciati/${r.body.id}/esito`)).body.esito;
    expect(esito.inserimenti[0]).toMatchObject({ stato: 'SCARTATO', esito: 'ADD_KO', dati: { codice: '403000' } });
    expect(esito.annullamenti[0]).toMatchObject({ stato: 'SCARTATO', esito: 'DEL_KO', dati: { codice: '403000' } });
    await unchanged(moved);
    await unchanged(cancelled);
  });
});

describe('an applicazione', () => {
  let id: string;
  let numeroAvviso: string;
  beforeAll(async () => {
    id = newId();
    const r = await put('APPA', id, nuovaPendenza(id), APP_A);
    expect(r.body).toMatchObject({ idDominio: D1 });
    expect(r.status).toBe(201);
    numeroAvviso = r.body.numeroAvviso;
  });

  it("cannot cancel another applicazione's pendenza, through API Pendenze, the Backoffice or the graph", async () => {
    const viaPendenze = await call(t.baseUrl, 'PATCH', `${PV2}/pendenze/APPA/${id}`, { body: annulla, auth: APP_C });
    expect(viaPendenze.status).toBe(400);
    expect(viaPendenze.body).toMatchObject({
      codice: 'APP_002',
      dettaglio: 'Applicazione autenticata (APPC) diversa dalla chiamante (APPA)',
    });
    const viaBackoffice = await call(t.baseUrl, 'PATCH', `${BO}/pendenze/APPA/${id}`, { body: annulla, auth: APP_C });
    expect(viaBackoffice.status).toBe(400);
    expect(viaBackoffice.body.codice).toBe('APP_002');
    const viaGraph = await annullaViaGraph('APPA', id, APP_C);
    expect(viaGraph.body.errors[0].extensions).toMatchObject({ codice: 'APP_002', status: 400 });
    await unchanged(id, 'APPA');
  });

  it("cannot read another applicazione's pendenza, by key, by avviso or in a list", async () => {
    const byKey = await call(t.baseUrl, 'GET', `${PV2}/pendenze/APPA/${id}`, { auth: APP_C });
    expect(byKey.status).toBe(403);
    expect(byKey.body.codice).toBe('403000');
    const byAvviso = await call(t.baseUrl, 'GET', `${PV2}/pendenze/byAvviso/${D1}/${numeroAvviso}`, { auth: APP_C });
    expect(byAvviso.status).toBe(403);
    const avviso = await call(t.baseUrl, 'GET', `${PV2}/avvisi/${D1}/${numeroAvviso}`, { auth: APP_C });
    expect(avviso.status).toBe(403);
    // As in GovPay, an applicazione's list holds its own pendenze only, whatever idA2A it names.
    for (const query of ['?idA2A=APPA', '']) {
      const list = await call(t.baseUrl, 'GET', `${PV2}/pendenze${query}`, { auth: APP_C });
      expect(list.status).toBe(200);
      expect(list.body.risultati.filter((p: any) => p.idA2A !== 'APPC')).toEqual([]);
    }
    // Its owner still reads it.
    expect((await call(t.baseUrl, 'GET', `${PV2}/pendenze/APPA/${id}`, { auth: APP_A })).status).toBe(200);
    expect((await call(t.baseUrl, 'GET', `${PV2}/pendenze?idA2A=APPA`, { auth: APP_A })).body.numRisultati).toBe(1);
  });

  it('cancels its own pendenza', async () => {
    const own = newId();
    expect((await put('APPC', own, nuovaPendenza(own), APP_C)).status).toBe(201);
    expect((await call(t.baseUrl, 'PATCH', `${PV2}/pendenze/APPC/${own}`, { body: annulla, auth: APP_C })).status).toBe(200);
    expect((await get('APPC', own)).body.stato).toBe('ANNULLATA');
  });
});
