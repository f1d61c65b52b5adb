import { basic, BO, call } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { nuovaPendenza } from './helpers/fixtures';
import { until } from './helpers/until';

/**
 * A tracciato runs with its uploader's rights as they are when its rows are processed, not as they
 * were at upload: one instance takes the upload (no worker), the rights change, and another
 * instance on the same database processes it.
 */
let uploads: TestHub;
let worker: TestHub | undefined;
const D1 = '12345678901';
const caricatore = (principal: string) => basic({ user: principal, password: 'Password1!' });
const operatore = (over: Record<string, unknown> = {}) => ({
  ragioneSociale: 'Caricatore',
  password: 'Password1!',
  domini: [D1],
  tipiPendenza: [],
  acl: [{ servizio: 'Pendenze', autorizzazioni: ['R', 'W'] }],
  ...over,
});
const bo = (method: string, path: string, body?: unknown) => call(uploads.baseUrl, method, `${BO}${path}`, { body });

async function carica(principal: string): Promise<{ id: number; ids: string[] }> {
  const ids = [`TRD${Date.now()}A${principal}`, `TRD${Date.now()}B${principal}`];
  const body = { idTracciato: `DIRITTI-${principal}`, idDominio: D1, inserimenti: ids.map((id) => ({ idA2A: 'IDA2A01', idPendenza: id, ...nuovaPendenza(id) })) };
  const r = await call(uploads.baseUrl, 'POST', `${BO}/pendenze/tracciati`, { body, auth: caricatore(principal) });
  expect(r.status).toBe(201);
  return { id: r.body.id, ids };
}

const esito = async (id: number) => {
  const done = await until(`tracciato ${id} processed`, async () => {
    const s = await bo('GET', `/pendenze/tracciati/${id}`);
    return ['ESEGUITO', 'ESEGUITO_CON_ERRORI'].includes(s.body.stato) && s.body;
  });
  return { done, righe: (await bo('GET', `/pendenze/tracciati/${id}/esito`)).body.esito.inserimenti };
};

beforeAll(async () => {
  uploads = await startHub({ TRACCIATI_WORKER: 'false', OUTBOX_WORKER: 'false' });
  expect((await bo('PUT', '/operatori/revocato', operatore())).status).toBe(201);
  expect((await bo('PUT', '/operatori/disabilitato', operatore())).status).toBe(201);
  expect((await bo('PUT', '/operatori/invariato', operatore())).status).toBe(201);
});
afterAll(async () => {
  await worker?.close();
  await uploads.close();
});

it('fails the rows of a revoked tipo pendenza, of a disabled operatore, and loads those of one whose rights stand', async () => {
  const revocato = await carica('revocato');
  const disabilitato = await carica('disabilitato');
  const invariato = await carica('invariato');
  expect((await bo('PUT', '/operatori/revocato', operatore({ tipiPendenza: ['LIBERO'] }))).status).toBe(200);
  expect((await bo('PUT', '/operatori/disabilitato', operatore({ abilitato: false }))).status).toBe(200);

  const db = uploads.hub.config.database;
  worker = await startHub({ DATABASE_URL: db.dialect === 'sqlite' ? `sqlite:${db.path}` : db.url, TRACCIATI_POLL_MS: '50', OUTBOX_WORKER: 'false' });

  const r = await esito(revocato.id);
  expect(r.done).toMatchObject({ stato: 'ESEGUITO_CON_ERRORI', numeroOperazioniEseguite: 0, numeroOperazioniFallite: 2 });
  for (const riga of r.righe) {
    expect(riga).toMatchObject({ stato: 'SCARTATO', esito: 'ADD_KO', dati: { codice: '403000' } });
    expect(riga.descrizioneEsito).toMatch(/SEGRETERIA/);
  }
  const d = await esito(disabilitato.id);
  expect(d.done).toMatchObject({ stato: 'ESEGUITO_CON_ERRORI', numeroOperazioniEseguite: 0, numeroOperazioniFallite: 2 });
  for (const riga of d.righe) expect(riga).toMatchObject({ esito: 'ADD_KO', descrizioneEsito: 'Operatore [disabilitato] disabilitato.' });
  const i = await esito(invariato.id);
  expect(i.done).toMatchObject({ stato: 'ESEGUITO', numeroOperazioniEseguite: 2 });

  for (const id of [...revocato.ids, ...disabilitato.ids]) expect((await bo('GET', `/pendenze/IDA2A01/${id}`)).status).toBe(404);
  for (const id of invariato.ids) expect((await bo('GET', `/pendenze/IDA2A01/${id}`)).body.stato).toBe('NON_ESEGUITA');
});
