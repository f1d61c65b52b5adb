import { CheckoutDouble } from './helpers/checkout-double';
import { pendenzaPagata, dati } from './helpers/flussi';
import { refusedAsInvalid } from './helpers/graph-validation';
import { basic, BO, call, GPADMIN, gql } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { APP, avvia, avviato, loadPendenza, PORTALE, PV2, riferimento, sessioni } from './helpers/pagamenti';
import { closeSimulators } from './helpers/simulator';

/**
 * Closed sets of values are enums (README, the graph's house rules): a client reads one of the
 * enum's values; an unknown value in a filter or an input is GraphQL's validation error, a 400
 * before anything runs; a known one filters. GovPay's REST keeps its own answers.
 */
let t: TestHub;
let checkout: CheckoutDouble;
let paid: { iuv: string; ccp: string; idPendenza: string };

beforeAll(async () => {
  checkout = await new CheckoutDouble().start();
  t = await startHub({ CHECKOUT_URL: checkout.url });
  paid = await pendenzaPagata(t);
});
afterAll(async () => {
  await closeSimulators();
  await t.close();
  await checkout.stop();
});

describe('Rpp', () => {
  const rpps = (esito: string) => `{ rpps(filter: { iuv: "${paid.iuv}", esito: ${esito} }) { nodes { iuv stato esito } } }`;

  it('reads esito and stato as enum values and filters by a known esito', async () => {
    expect((await dati(t, rpps('ESEGUITO'))).rpps.nodes).toEqual([{ iuv: paid.iuv, stato: 'RT_ACCETTATA_PA', esito: 'ESEGUITO' }]);
    expect((await dati(t, rpps('NON_ESEGUITO'))).rpps.nodes).toEqual([]);
  });

  it('reads which primitive delivered the receipt as a VersioneRicevuta', async () => {
    expect((await dati(t, `{ rpps(filter: { iuv: "${paid.iuv}" }) { nodes { versione } } }`)).rpps.nodes).toEqual([{ versione: 'V2' }]);
  });

  it('refuses an unknown esito, in the text or in a variable', async () => {
    refusedAsInvalid(await gql(t.baseUrl, rpps('FORSE')), 'Value "FORSE" does not exist in "EsitoRpp" enum.');
    refusedAsInvalid(await gql(t.baseUrl, rpps('"ESEGUITO"')), 'Enum "EsitoRpp" cannot represent non-enum value: "ESEGUITO".');
    const r = await gql(t.baseUrl, 'query ($f: RppFilter) { rpps(filter: $f) { totalCount } }', { f: { esito: 'eseguito' } });
    refusedAsInvalid(r, 'Value "eseguito" does not exist in "EsitoRpp" enum.');
  });
});

describe('Evento', () => {
  const eventi = async (filter: string) => {
    await t.hub.giornale.journal!.flush();
    return gql(t.baseUrl, `{ eventi(filter: { ${filter} }, first: 100) { nodes { esito categoriaEvento ruolo } } }`);
  };

  it('reads esito and categoriaEvento as enum values and filters by known ones', async () => {
    expect((await call(t.baseUrl, 'GET', `${BO}/pendenze/NESSUNA/NESSUNA`, { auth: APP })).status).toBeGreaterThanOrEqual(400);
    const ko = (await eventi('esito: KO, categoriaEvento: INTERFACCIA')).body.data.eventi.nodes;
    expect(ko.length).toBeGreaterThan(0);
    expect(new Set(ko.map((e: { esito: string; categoriaEvento: string }) => `${e.esito} ${e.categoriaEvento}`))).toEqual(
      new Set(['KO INTERFACCIA']),
    );
    const server = (await eventi('esito: KO, ruolo: SERVER')).body.data.eventi.nodes;
    expect(server.length).toBeGreaterThan(0);
    expect(new Set(server.map((e: { ruolo: string }) => e.ruolo))).toEqual(new Set(['SERVER']));
    expect((await eventi('categoriaEvento: UTENTE')).body.data.eventi.nodes).toEqual([]);
  });

  it('refuses an unknown esito, categoriaEvento or ruolo', async () => {
    refusedAsInvalid(await eventi('esito: FORSE'), 'Value "FORSE" does not exist in "EsitoEvento" enum.');
    refusedAsInvalid(await eventi('categoriaEvento: ALTRO'), 'Value "ALTRO" does not exist in "CategoriaEvento" enum.');
    refusedAsInvalid(await eventi('ruolo: PEER'), 'Value "PEER" does not exist in "RuoloEvento" enum.');
  });

  it("keeps the Backoffice's answer to a bad value", async () => {
    const r = await call(t.baseUrl, 'GET', `${BO}/eventi?categoriaEvento=ALTRO`, { auth: APP });
    expect([r.status, r.body.codice, r.body.dettaglio]).toEqual([
      400,
      'SINTASSI',
      "Il valore del campo categoriaEvento non e' tra quelli ammessi (INTERNO, INTERFACCIA, UTENTE).",
    ]);
  });
});

describe('Pendenza', () => {
  const pendenza = (idPendenza: string) => `{ pendenza(idA2A: "IDA2A01", idPendenza: "${idPendenza}") { tipo voci { stato } } }`;

  it("reads its tipologia and its voci's stato as enum values; GovPay's REST keeps its text", async () => {
    expect((await dati(t, pendenza(paid.idPendenza))).pendenza).toEqual({ tipo: 'DOVUTO', voci: [{ stato: 'ESEGUITO' }] });
    const aperta = await loadPendenza(t);
    expect((await dati(t, pendenza(aperta.idPendenza))).pendenza).toEqual({ tipo: 'DOVUTO', voci: [{ stato: 'NON_ESEGUITO' }] });
    const rest = await call(t.baseUrl, 'GET', `${PV2}/pendenze/IDA2A01/${paid.idPendenza}`, { auth: APP });
    expect([rest.body.tipo, rest.body.voci.map((v: { stato: string }) => v.stato)]).toEqual(['dovuto', ['Eseguito']]);
  });
});

describe('Pagamento', () => {
  const avviatoDa = async (idPagamento: string) =>
    (await dati(t, `query ($id: String) { pagamento(idPagamento: $id) { avviatoDa { tipo principal } } }`, { id: idPagamento })).pagamento
      .avviatoDa;

  it('reads who started it as a TipoUtenza: a portal, an operatore, an anonymous citizen', async () => {
    const daPortale = avviato(await avvia(t, [riferimento(await loadPendenza(t))])).pagamento;
    expect(daPortale.avviatoDa).toEqual({ tipo: 'APPLICAZIONE', principal: 'IDA2A01' });
    const daOperatore = avviato(await avvia(t, [riferimento(await loadPendenza(t))], {}, basic(GPADMIN))).pagamento;
    expect(await avviatoDa(daOperatore.idPagamento)).toEqual({ tipo: 'OPERATORE', principal: GPADMIN.user });
    const p = await loadPendenza(t);
    const anonimo = await call(t.baseUrl, 'POST', '/govpay/frontend/api/pagamento/rs/public/v2/pagamenti', {
      auth: null,
      body: {
        pendenze: [{ idDominio: '12345678901', numeroAvviso: p.numeroAvviso, idDebitore: 'RSSMRA30A01H501I' }],
        urlRitorno: PORTALE,
        soggettoVersante: { tipo: 'F', identificativo: 'X1', email: 'a@example.it' },
      },
    });
    expect(anonimo.status).toBe(201);
    expect(await avviatoDa(anonimo.body.id)).toEqual({ tipo: 'ANONIMO', principal: 'ANONIMO' });
  });
});

describe('Soggetto', () => {
  it("reads a debtor's tipo as an enum value", async () => {
    const { pendenza } = await dati(t, `{ pendenza(idA2A: "IDA2A01", idPendenza: "${paid.idPendenza}") { soggettoPagatore { tipo } } }`);
    expect(pendenza.soggettoPagatore.tipo).toBe('F');
  });

  it("refuses a versante's unknown tipo before anything is started", async () => {
    const p = await loadPendenza(t);
    const before = await sessioni(t.hub.orm);
    const r = await avvia(t, [riferimento(p)], { soggettoVersante: { tipo: 'X', identificativo: 'RSSMRA30A01H501I' } });
    refusedAsInvalid(r, 'Value "X" does not exist in "TipoSoggetto" enum.');
    expect(await sessioni(t.hub.orm)).toEqual(before);
  });

  it("keeps API Pagamento's answer to a versante's unknown tipo", async () => {
    const p = await loadPendenza(t);
    const before = await sessioni(t.hub.orm);
    const r = await call(t.baseUrl, 'POST', '/govpay/frontend/api/pagamento/rs/basic/v2/pagamenti', {
      auth: APP,
      body: {
        pendenze: [{ idA2A: p.idA2A, idPendenza: p.idPendenza }],
        soggettoVersante: { tipo: 'X', identificativo: 'RSSMRA30A01H501I' },
      },
    });
    expect([r.status, r.body.codice, r.body.dettaglio]).toEqual([
      400,
      'SINTASSI',
      "Il valore del campo soggettoVersante.tipo non e' tra quelli ammessi (F, G).",
    ]);
    expect(await sessioni(t.hub.orm)).toEqual(before);
  });
});
