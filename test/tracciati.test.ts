import { toGlobalId } from '../core/global-id';
import { basic, BO, call, gql, IDA2A01 } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { nuovaPendenza } from './helpers/fixtures';
import { until } from './helpers/until';

/**
 * Bulk loading (tracciati) through the Backoffice: the upload is stored at once, a worker
 * processes it in the background, every row gets its own outcome and one bad row never stops
 * the others.
 */
let t: TestHub;
const PV2 = '/govpay/backend/api/pendenze/rs/basic/v2';
const app = basic(IDA2A01);
let seq = 0;
const newId = () => `TR${Date.now()}${++seq}`;
const riga = (id: string, over: Record<string, unknown> = {}) => ({ idA2A: 'IDA2A01', idPendenza: id, ...nuovaPendenza(id), ...over });
const upload = (
  body: unknown,
  path = '/pendenze/tracciati',
  opts: { headers?: Record<string, string>; rawBody?: string; auth?: string } = {},
) => call(t.baseUrl, 'POST', `${BO}${path}`, { body: opts.rawBody === undefined ? body : undefined, ...opts });

/** Polls the tracciato until it is processed (the worker runs every 100 ms here). */
function processed(id: number): Promise<Record<string, any>> {
  return until(
    `tracciato ${id} processed`,
    async () => {
      const r = await call(t.baseUrl, 'GET', `${BO}/pendenze/tracciati/${id}`);
      return ['ESEGUITO', 'ESEGUITO_CON_ERRORI', 'SCARTATO'].includes(r.body.stato) && (r.body as Record<string, any>);
    },
    30_000,
    100,
  );
}

beforeAll(async () => {
  t = await startHub({ TRACCIATO_BODY_LIMIT: '300kb', TRACCIATI_POLL_MS: '100' });
});
afterAll(() => t.close());

describe('a tracciato with good and bad rows', () => {
  const ids = Array.from({ length: 6 }, newId);
  const [a, b, c, existing, repeated, cancelled] = ids;
  const body = {
    idTracciato: 'TRACCIATO-1',
    idDominio: '12345678901',
    inserimenti: [
      riga(a),
      riga(b, { importo: 12.34, voci: [{ idVocePendenza: '1', importo: 12.34, descrizione: 'x', codEntrata: 'LIBERO' }] }),
      riga(c, { causale: undefined }),
      riga(newId(), { idTipoPendenza: 'NONESISTE' }),
      { idPendenza: 'senza-applicazione' },
      riga(existing, { causale: 'Aggiornata dal tracciato' }),
      riga(repeated),
      riga(repeated, { causale: 'La seconda volta' }),
      riga(cancelled),
      riga(newId(), { importo: 1.001 }),
    ],
    annullamenti: [
      { idA2A: 'IDA2A01', idPendenza: cancelled, motivoAnnullamento: 'Annullata dal tracciato' },
      { idA2A: 'IDA2A01', idPendenza: 'non-esiste', motivoAnnullamento: 'x' },
      { idA2A: 'IDA2A01', idPendenza: a },
    ],
  };
  let id: number;
  let numeroEsistente: string;
  let done: Record<string, any>;

  beforeAll(async () => {
    const first = await call(t.baseUrl, 'PUT', `${PV2}/pendenze/IDA2A01/${existing}`, { auth: app, body: nuovaPendenza(existing) });
    expect(first.status).toBe(201);
    numeroEsistente = first.body.numeroAvviso;
    const r = await upload(body);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      nomeFile: 'TRACCIATO-1.json',
      numeroOperazioniTotali: 13,
      stampaAvvisi: true,
      dominio: { idDominio: '12345678901' },
    });
    expect(['IN_ATTESA', 'IN_ELABORAZIONE', 'ESEGUITO_CON_ERRORI']).toContain(r.body.stato);
    expect(r.body.dataOraCaricamento).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/);
    id = r.body.id;
    done = await processed(id);
  });

  it('ends ESEGUITO_CON_ERRORI with the counts of its rows', () => {
    expect(done).toMatchObject({
      stato: 'ESEGUITO_CON_ERRORI',
      numeroOperazioniTotali: 13,
      numeroOperazioniEseguite: 7,
      numeroOperazioniFallite: 6,
    });
  });

  it('gives each row its outcome, in order', async () => {
    const e = (await call(t.baseUrl, 'GET', `${BO}/pendenze/tracciati/${id}/esito`)).body;
    expect(e.esito.idTracciato).toBe('TRACCIATO-1');
    const outcome = (o: any) => [o.numero, o.tipoOperazione, o.stato, o.esito];
    expect(e.esito.inserimenti.map(outcome)).toEqual([
      [1, 'ADD', 'ESEGUITO', 'ADD_OK'],
      [2, 'ADD', 'ESEGUITO', 'ADD_OK'],
      [3, 'ADD', 'NON_VALIDO', 'ADD_KO'],
      [4, 'ADD', 'SCARTATO', 'ADD_KO'],
      [5, 'NON_VALIDA', 'NON_VALIDO', 'NON_VALIDA'],
      [6, 'ADD', 'ESEGUITO', 'ADD_OK'],
      [7, 'ADD', 'ESEGUITO', 'ADD_OK'],
      [8, 'ADD', 'ESEGUITO', 'ADD_OK'],
      [9, 'ADD', 'ESEGUITO', 'ADD_OK'],
      [10, 'ADD', 'NON_VALIDO', 'ADD_KO'],
    ]);
    expect(e.esito.annullamenti.map(outcome)).toEqual([
      [11, 'DEL', 'ESEGUITO', 'DEL_OK'],
      [12, 'DEL', 'SCARTATO', 'DEL_KO'],
      [13, 'DEL', 'NON_VALIDO', 'DEL_KO'],
    ]);
    const [ok, , syntax, semantic] = e.esito.inserimenti;
    expect(ok.dati).toMatchObject({
      stato: 'Non pagato',
      importo: 100.99,
      idDominio: '12345678901',
      descrizione: `Pagamento dovuto n.${a}`,
    });
    expect(ok.dati.numeroAvviso).toMatch(/^\d{18}$/);
    expect(syntax.dati).toMatchObject({ codice: 'SINTASSI', dettaglio: 'Il campo causale non deve essere vuoto.' });
    expect(semantic.dati).toMatchObject({
      codice: 'TVD_000',
      dettaglio: 'Tipo pendenza (NONESISTE) inesistente per il dominio (12345678901)',
    });
    expect(e.esito.inserimenti[9].descrizioneEsito).toMatch(/importo/);
    expect(e.esito.annullamenti[0].dati).toMatchObject({ stato: 'Annullato', idDominio: '12345678901', importo: 100.99 });
    expect(e.esito.annullamenti[1].dati.codice).toBe('404000');
  });

  it('loads what is good and nothing of what is not', async () => {
    const get = (id: string) => call(t.baseUrl, 'GET', `${PV2}/pendenze/IDA2A01/${id}`, { auth: app });
    const pa = await get(a);
    expect(pa.body).toMatchObject({
      stato: 'NON_ESEGUITA',
      importo: 100.99,
      voci: [{ importo: 100.99, codEntrata: 'SEGRETERIA', stato: 'Non eseguito' }],
    });
    expect((await get(b)).body).toMatchObject({ importo: 12.34, voci: [{ codEntrata: 'LIBERO', importo: 12.34 }] });
    expect((await get(c)).status).toBe(404);
    const updated = await get(existing);
    expect(updated.body).toMatchObject({ causale: 'Aggiornata dal tracciato', numeroAvviso: numeroEsistente });
    expect((await get(repeated)).body.causale).toBe('La seconda volta');
    expect((await get(cancelled)).body).toMatchObject({ stato: 'ANNULLATA', descrizioneStato: 'Annullata dal tracciato' });
    const numeri = (await call(t.baseUrl, 'GET', `${BO}/pendenze/tracciati/${id}/esito`)).body.esito.inserimenti
      .filter((o: any) => o.esito === 'ADD_OK')
      .map((o: any) => o.dati.numeroAvviso);
    expect(numeri[0]).toBe(pa.body.numeroAvviso);
    expect(new Set(numeri.filter((_: string, i: number) => i !== 4)).size).toBe(numeri.length - 1); // the repeated pendenza keeps its number
  });

  it('serves the outcome file as CSV, the upload as it was, and the operazioni page by page', async () => {
    const csv = await call(t.baseUrl, 'GET', `${BO}/pendenze/tracciati/${id}/esito`, { headers: { accept: 'text/csv' } });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = String(csv.body).trim().split('\r\n');
    expect(lines[0]).toBe('numero,tipoOperazione,stato,esito,idA2A,idPendenza,numeroAvviso,descrizioneEsito');
    expect(lines).toHaveLength(14);
    expect(lines[1]).toMatch(new RegExp(`^1,ADD,ESEGUITO,ADD_OK,IDA2A01,${a},\\d{18},Operazione completata con successo$`));

    expect((await call(t.baseUrl, 'GET', `${BO}/pendenze/tracciati/${id}/richiesta`)).body).toEqual(JSON.parse(JSON.stringify(body)));
    expect((await call(t.baseUrl, 'GET', `${BO}/pendenze/tracciati/${id}`)).body.contenuto).toEqual(JSON.parse(JSON.stringify(body)));

    const page = await call(t.baseUrl, 'GET', `${BO}/pendenze/tracciati/${id}/operazioni?risultatiPerPagina=5&pagina=3`);
    expect(page.body).toMatchObject({ numRisultati: 13, numPagine: 3, pagina: 3 });
    expect(page.body.risultati.map((o: any) => o.numero)).toEqual([11, 12, 13]);
    expect(page.body.risultati[0]).toMatchObject({
      tipoOperazione: 'DEL',
      applicazione: 'IDA2A01',
      identificativoPendenza: cancelled,
      risposta: { esito: 'DEL_OK' },
    });
  });

  it('lists tracciati by dominio and state, and shows progress on the graph', async () => {
    const list = await call(t.baseUrl, 'GET', `${BO}/pendenze/tracciati?idDominio=12345678901&statoTracciatoPendenza=ESEGUITO_CON_ERRORI`);
    expect(list.body.risultati.map((r: any) => r.id)).toContain(id);
    expect(
      (await call(t.baseUrl, 'GET', `${BO}/pendenze/tracciati?statoTracciatoPendenza=IN_ATTESA`)).body.risultati.map((r: any) => r.id),
    ).not.toContain(id);
    const g = await gql(
      t.baseUrl,
      `query ($numero: Int!) { tracciatoPendenze(numero: $numero) { stato numeroOperazioniTotali numeroOperazioniElaborate numeroOperazioniEseguite dominio { ragioneSociale } operazioni(first: 2) { nodes { numero esito } totalCount } } }`,
      { numero: id },
    );
    expect(g.body.data.tracciatoPendenze).toEqual({
      stato: 'ESEGUITO_CON_ERRORI',
      numeroOperazioniTotali: 13,
      numeroOperazioniElaborate: 13,
      numeroOperazioniEseguite: 7,
      dominio: { ragioneSociale: 'Ente Creditore Test' },
      operazioni: {
        nodes: [
          { numero: 1, esito: 'ADD_OK' },
          { numero: 2, esito: 'ADD_OK' },
        ],
        totalCount: 13,
      },
    });
  });

  it('is read by its numero or its global id, and filtered on a typed stato', async () => {
    const TRACCIATO = 'query ($numero: Int, $id: ID) { tracciatoPendenze(numero: $numero, id: $id) { id numero stato } }';
    const byNumero = await gql(t.baseUrl, TRACCIATO, { numero: id });
    expect(byNumero.body.data.tracciatoPendenze).toEqual({
      id: toGlobalId('TracciatoPendenze', id),
      numero: id,
      stato: 'ESEGUITO_CON_ERRORI',
    });
    const byId = await gql(t.baseUrl, TRACCIATO, { id: toGlobalId('TracciatoPendenze', id) });
    expect(byId.body.data.tracciatoPendenze).toEqual(byNumero.body.data.tracciatoPendenze);
    for (const variables of [{}, { numero: id, id: toGlobalId('TracciatoPendenze', id) }, { id: toGlobalId('Evento', id) }]) {
      const r = await gql(t.baseUrl, TRACCIATO, variables);
      expect(r.status).toBeLessThan(500);
      expect(r.body.errors[0].extensions).toMatchObject({ codice: 'SINTASSI' });
    }

    const LIST = 'query ($stato: StatoTracciato) { tracciatiPendenze(filter: { stato: $stato }, first: 100) { nodes { numero stato } } }';
    const listed = (await gql(t.baseUrl, LIST, { stato: 'ESEGUITO_CON_ERRORI' })).body.data.tracciatiPendenze.nodes;
    expect(listed).toContainEqual({ numero: id, stato: 'ESEGUITO_CON_ERRORI' });
    expect(listed.every((n: { stato: string }) => n.stato === 'ESEGUITO_CON_ERRORI')).toBe(true);
    const unknown = await gql(t.baseUrl, '{ tracciatiPendenze(filter: { stato: FINITO }) { totalCount } }');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].message).toMatch(/Value "FINITO" does not exist in "StatoTracciato" enum/);
    // GovPay's REST list, as before: an unknown state lists nothing, an empty one filters nothing.
    const rest = (stato: string) =>
      call(t.baseUrl, 'GET', `${BO}/pendenze/tracciati?statoTracciatoPendenza=${stato}&metadatiPaginazione=true`);
    expect((await rest('FINITO')).body).toMatchObject({ numRisultati: 0, risultati: [] });
    expect((await rest('')).body.risultati.map((r: { id: number }) => r.id)).toContain(id);
  });

  it('filters its rows on a typed tipoOperazione and esito, and refuses an unknown one with a 400', async () => {
    const ROWS = `query ($numero: Int!, $filter: OperazioneTracciatoFilter) {
      tracciatoPendenze(numero: $numero) { operazioni(filter: $filter, first: 100) { nodes { numero tipoOperazione stato esito } } } }`;
    const rows = async (filter: Record<string, string>) =>
      (await gql(t.baseUrl, ROWS, { numero: id, filter })).body.data.tracciatoPendenze.operazioni.nodes as Array<Record<string, string>>;
    const cancellations = await rows({ tipoOperazione: 'DEL' });
    expect(cancellations.length).toBeGreaterThan(0);
    expect(cancellations.every((o) => o.tipoOperazione === 'DEL' && o.esito.startsWith('DEL_'))).toBe(true);
    const loaded = await rows({ esito: 'ADD_OK' });
    expect(loaded.length).toBe(7 - cancellations.filter((o) => o.esito === 'DEL_OK').length);
    expect(loaded.every((o) => o.tipoOperazione === 'ADD' && o.stato === 'ESEGUITO')).toBe(true);
    for (const [filter, message] of [
      ['{ esito: ADD_MAYBE }', 'Value "ADD_MAYBE" does not exist in "EsitoOperazioneTracciato" enum'],
      ['{ tipoOperazione: MOVE }', 'Value "MOVE" does not exist in "TipoOperazioneTracciato" enum'],
    ]) {
      const r = await gql(t.baseUrl, `{ tracciatoPendenze(numero: ${id}) { operazioni(filter: ${filter}) { totalCount } } }`);
      expect(r.status).toBe(400);
      expect(r.body.errors[0].message).toContain(message);
    }
  });
});

describe('uploads', () => {
  it('take the dominio and the tipo pendenza from the path, and load through the graph too', async () => {
    const id = newId();
    const r = await upload({ idTracciato: 'PATH', inserimenti: [riga(id)] }, '/pendenze/tracciati/12345678901?stampaAvvisi=false');
    expect(r.status).toBe(201);
    expect(r.body.stampaAvvisi).toBe(false);
    expect((await processed(r.body.id)).stato).toBe('ESEGUITO');

    const libero = newId();
    const { idTipoPendenza: _none, ...senzaTipo } = riga(libero, {
      voci: [{ idVocePendenza: '1', importo: 100.99, descrizione: 'x', codEntrata: 'LIBERO' }],
    });
    const withTipo = await upload(
      { idTracciato: 'TIPO', inserimenti: [senzaTipo, riga(newId())] },
      '/pendenze/tracciati/12345678901/LIBERO',
    );
    expect(withTipo.status).toBe(201);
    expect((await processed(withTipo.body.id)).stato).toBe('ESEGUITO');
    expect((await call(t.baseUrl, 'GET', `${PV2}/pendenze/IDA2A01/${libero}`, { auth: app })).body.idTipoPendenza).toBe('LIBERO');

    const g = await gql(
      t.baseUrl,
      'mutation ($t: JSONObject!) { caricaTracciatoPendenze(input: { tracciato: $t }) { tracciato { numero stato numeroOperazioniTotali } } }',
      { t: { idTracciato: 'GRAPH', idDominio: '12345678901', inserimenti: [riga(newId())] } },
    );
    expect(g.body.data.caricaTracciatoPendenze.tracciato).toMatchObject({ numeroOperazioniTotali: 1 });
    expect((await processed(g.body.data.caricaTracciatoPendenze.tracciato.numero)).stato).toBe('ESEGUITO');
  });

  it.each([
    ['malformed JSON', { rawBody: '{"idTracciato": ', headers: { 'content-type': 'application/json' } }, 400, /JSON/],
    ['an empty JSON body', { rawBody: '', headers: { 'content-type': 'application/json' } }, 400, /idTracciato/],
    ['a JSON array', { rawBody: '[]', headers: { 'content-type': 'application/json' } }, 400, /oggetto JSON/],
    ['a CSV file', { rawBody: 'a;b\n1;2', headers: { 'content-type': 'text/csv' } }, 415, /CSV/],
  ])('refuse %s', async (_name, opts, status, dettaglio) => {
    const before = (await call(t.baseUrl, 'GET', `${BO}/pendenze/tracciati?risultatiPerPagina=0`)).body.numRisultati;
    const r = await upload(undefined, '/pendenze/tracciati', opts as never);
    expect(r.status).toBe(status);
    expect(r.body.dettaglio).toMatch(dettaglio);
    expect((await call(t.baseUrl, 'GET', `${BO}/pendenze/tracciati?risultatiPerPagina=0`)).body.numRisultati).toBe(before);
  });

  it.each([
    ['no idTracciato', { idDominio: '12345678901', inserimenti: [{}] }, 400, 'SINTASSI', /idTracciato/],
    ['no rows', { idTracciato: 'X', idDominio: '12345678901', inserimenti: [] }, 400, 'SINTASSI', /non contiene operazioni/],
    ['no dominio', { idTracciato: 'X', inserimenti: [{}] }, 400, 'SINTASSI', /idDominio/],
    ['rows that are not objects', { idTracciato: 'X', idDominio: '12345678901', inserimenti: [1, 2] }, 400, 'SINTASSI', /inserimenti\.0/],
    ['an unknown dominio', { idTracciato: 'X', idDominio: '99999999999', inserimenti: [{}] }, 422, 'DOM_000', /99999999999/],
  ])('refuse a tracciato with %s', async (_name, body, status, codice, dettaglio) => {
    const r = await upload(body);
    expect(r.status).toBe(status);
    expect(r.body.codice).toBe(codice);
    expect(r.body.dettaglio).toMatch(dettaglio);
  });

  it('refuse a file over TRACCIATO_BODY_LIMIT with 413', async () => {
    const rows = Array.from({ length: 800 }, () => riga(newId()));
    const r = await upload({ idTracciato: 'BIG', idDominio: '12345678901', inserimenti: rows });
    expect(r.status).toBe(413);
  });

  it('refuse callers without rights, and unknown tracciati', async () => {
    expect(
      (
        await upload({ idTracciato: 'X', idDominio: '12345678901', inserimenti: [{}] }, '/pendenze/tracciati', {
          auth: basic({ user: 'gpadmin', password: 'wrong' }),
        })
      ).status,
    ).toBe(401);
    await call(t.baseUrl, 'PUT', `${BO}/operatori/altro`, {
      body: {
        ragioneSociale: 'Altro',
        password: 'Password1!',
        domini: [{ idDominio: '12345678901' }],
        tipiPendenza: ['*'],
        acl: [{ servizio: 'Pendenze', autorizzazioni: ['R'] }],
        abilitato: true,
      },
    });
    const readOnly = basic({ user: 'altro', password: 'Password1!' });
    expect(
      (await upload({ idTracciato: 'X', idDominio: '12345678901', inserimenti: [{}] }, '/pendenze/tracciati', { auth: readOnly })).status,
    ).toBe(403);
    expect((await call(t.baseUrl, 'GET', `${BO}/pendenze/tracciati/999999`)).status).toBe(404);
    expect((await call(t.baseUrl, 'GET', `${BO}/pendenze/tracciati/abc`)).status).toBe(400);
  });
});
