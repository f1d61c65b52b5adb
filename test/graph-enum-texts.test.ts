import { nuovaPendenza } from './helpers/fixtures';
import { dati } from './helpers/flussi';
import { refusedAsInvalid } from './helpers/graph-validation';
import { BO, call, gql } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { readPdf } from './helpers/pdf';

/**
 * Closed sets GovPay's REST spells in its own text, which the graph takes as enums: an evento's
 * componente, an ACL's servizio and rights, an avviso's second language, a profile's autenticazione.
 * GovPay's REST keeps its JSON and its answer to a bad value, text included; graph clients write
 * and read the enums' names, and an unknown one is GraphQL's validation error.
 */
let t: TestHub;

beforeAll(async () => {
  t = await startHub();
});
afterAll(() => t.close());

const PENDENZE = '/govpay/backend/api/pendenze/rs/basic/v2';
const rest = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  call(t.baseUrl, method, `${BO}${path}`, { body, headers });

/** GovPay's 400 SINTASSI with its dettaglio. */
async function refusedBy(reply: Promise<{ status: number; body: any }>, dettaglio: string) {
  const r = await reply;
  expect([r.status, r.body.codice, r.body.dettaglio]).toEqual([400, 'SINTASSI', dettaglio]);
}

describe("GovPay's REST answers to a bad value", () => {
  it('of /eventi’s componente: no rows, as for any value no evento has', async () => {
    await rest('GET', '/ruoli');
    await t.hub.giornale.journal!.flush();
    const eventi = (componente: string) => rest('GET', `/eventi?risultatiPerPagina=1&componente=${componente}`);
    const all = await rest('GET', '/eventi?risultatiPerPagina=1');
    expect((await eventi('API_BACKOFFICE')).body.numRisultati).toBeGreaterThan(0);
    for (const componente of ['XYZ', 'API%20BACKOFFICE', 'API_BACKOFFICEX']) {
      const r = await eventi(componente);
      expect([r.status, r.body]).toEqual([200, { numRisultati: 0, numPagine: 1, risultatiPerPagina: 1, pagina: 1, risultati: [] }]);
    }
    expect((await eventi('')).body.numRisultati).toBeGreaterThanOrEqual(all.body.numRisultati);
  });

  describe('of an ACL', () => {
    const servizio =
      "Il valore del campo acl.0.servizio non e' tra quelli ammessi (Anagrafica PagoPA, Anagrafica Creditore, Anagrafica Applicazioni, " +
      'Anagrafica Ruoli, Pagamenti, Pendenze, Rendicontazioni e Incassi, Giornale degli Eventi, Configurazione e manutenzione).';
    const diritto = "Il valore del campo acl.0.autorizzazioni.0 non e' tra quelli ammessi (R, W, Lettura, Scrittura).";
    const lista = "Il campo acl.0.autorizzazioni non e' del tipo atteso (array).";
    const puts = [
      (acl: unknown) => rest('PUT', '/ruoli/ENUMR', { acl: [acl] }),
      (acl: unknown) => rest('PUT', '/applicazioni/ENUMA', { principal: 'enum-a', acl: [acl] }),
      (acl: unknown) => rest('PUT', '/operatori/enum-o', { ragioneSociale: 'x', acl: [acl] }),
    ];

    it('in the PUT of a ruolo, an applicazione, an operatore; the graph’s names included', async () => {
      for (const put of puts) {
        for (const s of ['Inventato', 'ANAGRAFICA_RUOLI', 'pagamenti', 5])
          await refusedBy(put({ servizio: s, autorizzazioni: ['R'] }), servizio);
        for (const a of ['X', 'r', 'lettura']) await refusedBy(put({ servizio: 'Pagamenti', autorizzazioni: [a] }), diritto);
        await refusedBy(put({ servizio: 'Pagamenti', autorizzazioni: 'R' }), lista);
      }
      for (const path of ['/ruoli/ENUMR', '/applicazioni/ENUMA', '/operatori/enum-o']) expect((await rest('GET', path)).status).toBe(404);
    });

    it('in a PATCH of /acl', async () => {
      expect((await rest('PUT', '/ruoli/ENUMP', { acl: [{ servizio: 'Pagamenti', autorizzazioni: ['Lettura'] }] })).status).toBe(201);
      for (const path of ['/ruoli/ENUMP', '/applicazioni/IDA2A01', '/operatori/gpadmin']) {
        const patch = (value: unknown) => rest('PATCH', path, [{ op: 'ADD', path: '/acl', value }]);
        for (const s of ['Inventato', 'ANAGRAFICA_RUOLI']) {
          await refusedBy(patch({ servizio: s, autorizzazioni: ['R'] }), `ACL non valida: servizio \`${s}\` non gestito.`);
        }
        await refusedBy(patch({ servizio: 5, autorizzazioni: ['R'] }), 'ACL non valida: attesa stringa come valore di `servizio`');
        // GovPay names the servizio when a right is unknown.
        await refusedBy(patch({ servizio: 'Pagamenti', autorizzazioni: ['X'] }), 'ACL non valida: servizio `Pagamenti` non gestito.');
        await refusedBy(
          patch({ servizio: 'Pagamenti', autorizzazioni: 'R' }),
          'ACL non valida: attesa lista di stringhe nel campo `autorizzazioni`',
        );
        await refusedBy(
          rest('PATCH', path, [{ op: 'DELETE', path: '/acl', value: 'Pagamenti' }]),
          'ACL non valida: atteso campo `servizio`',
        );
      }
      expect((await rest('GET', '/ruoli/ENUMP')).body).toEqual({ id: 'ENUMP', acl: [{ servizio: 'Pagamenti', autorizzazioni: ['R'] }] });
    });
  });

  it('of an avviso’s linguaSecondaria, in either case', async () => {
    const ammessi = "Il valore del campo linguaSecondaria non e' tra quelli ammessi (false, de, en, fr, sl).";
    const pdf = { accept: 'application/pdf' };
    const avvisi = [
      (l: string) => call(t.baseUrl, 'GET', `${PENDENZE}/avvisi/12345678901/001340000000000000?linguaSecondaria=${l}`, { headers: pdf }),
      (l: string) => rest('GET', `/avvisi/12345678901/001340000000000000?linguaSecondaria=${l}`, undefined, pdf),
    ];
    const documenti = [
      (l: string) => call(t.baseUrl, 'GET', `${PENDENZE}/documenti/12345678901/NODOC/avvisi?linguaSecondaria=${l}`),
      (l: string) => rest('GET', `/documenti/IDA2A01/12345678901/NODOC/avvisi?linguaSecondaria=${l}`),
    ];
    for (const get of [...avvisi, ...documenti]) for (const l of ['xx', 'DE', 'De', 'SL']) await refusedBy(get(l), ammessi);
    // A known language reaches the graph, which finds nothing.
    for (const get of avvisi) {
      expect((await get('de')).body.dettaglio).toBe('Avviso 001340000000000000 del dominio 12345678901 inesistente.');
    }
    for (const get of documenti) {
      expect((await get('sl')).body.dettaglio).toBe('Documento NODOC del dominio 12345678901 inesistente o senza avvisi.');
    }
  });
});

describe("GovPay's REST shows its own text", () => {
  it("in a profile's ACL and autenticazione", async () => {
    const profilo = (await rest('GET', '/profilo')).body;
    expect(profilo.autenticazione).toBe('BASIC');
    expect(profilo.acl).toContainEqual({ servizio: 'Rendicontazioni e Incassi', autorizzazioni: ['R', 'W'] });
    expect(profilo.acl).toContainEqual({ servizio: 'Configurazione e manutenzione', autorizzazioni: ['R', 'W'] });
  });

  it("in an utenza's and its roles' ACL", async () => {
    const acl = [{ servizio: 'Giornale degli Eventi', autorizzazioni: ['Scrittura', 'R'] }];
    expect((await rest('PUT', '/ruoli/ENUMLETTORE', { acl: [{ servizio: 'Anagrafica PagoPA', autorizzazioni: ['R'] }] })).status).toBe(201);
    const put = await rest('PUT', '/operatori/enum-lettore', { ragioneSociale: 'Lettore', acl, ruoli: ['ENUMLETTORE'] });
    expect(put.status).toBe(201);
    const operatore = (await rest('GET', '/operatori/enum-lettore')).body;
    expect(operatore.acl).toEqual([{ servizio: 'Giornale degli Eventi', autorizzazioni: ['R', 'W'] }]);
    expect(operatore.ruoli).toEqual([{ id: 'ENUMLETTORE', acl: [{ servizio: 'Anagrafica PagoPA', autorizzazioni: ['R'] }] }]);
    const patched = await rest('PATCH', '/operatori/enum-lettore', [
      { op: 'ADD', path: '/acl', value: { servizio: 'Anagrafica Applicazioni', autorizzazioni: ['Lettura'] } },
    ]);
    expect(patched.body.acl).toEqual([
      { servizio: 'Giornale degli Eventi', autorizzazioni: ['R', 'W'] },
      { servizio: 'Anagrafica Applicazioni', autorizzazioni: ['R'] },
    ]);
  });
});

describe('ComponenteEvento', () => {
  const eventi = 'query ($filter: EventoFilter) { eventi(filter: $filter, first: 1) { nodes { componente } } }';

  it("is an evento's componente and a filter on it", async () => {
    await rest('GET', '/ruoli');
    await t.hub.giornale.journal!.flush();
    const { nodes } = (await dati(t, eventi, { filter: { componente: 'API_BACKOFFICE' } })).eventi;
    expect(nodes).toEqual([{ componente: 'API_BACKOFFICE' }]);
  });

  it('refuses an unknown value, in the text or in a variable', async () => {
    const inline = await gql(t.baseUrl, '{ eventi(filter: { componente: API_NOPE }) { totalCount } }');
    refusedAsInvalid(inline, 'Value "API_NOPE" does not exist in "ComponenteEvento" enum.');
    const lower = await gql(t.baseUrl, eventi, { filter: { componente: 'api_backoffice' } });
    refusedAsInvalid(lower, 'Value "api_backoffice" does not exist in "ComponenteEvento" enum.');
  });
});

describe('ServizioAcl, Diritto and ModalitaAutenticazione', () => {
  const salva = 'mutation ($input: SalvaRuoloInput!) { salvaRuolo(input: $input) { ruolo { acl { servizio autorizzazioni } } } }';

  it("are an ACL's servizio and rights, written and read by name on the graph, in GovPay's text on the Backoffice", async () => {
    const input = { idRuolo: 'ENUMGRAFO', acl: [{ servizio: 'GIORNALE_DEGLI_EVENTI', autorizzazioni: ['W', 'R'] }] };
    const { ruolo } = (await dati(t, salva, { input })).salvaRuolo;
    expect(ruolo.acl).toEqual([{ servizio: 'GIORNALE_DEGLI_EVENTI', autorizzazioni: ['R', 'W'] }]);
    expect((await rest('GET', '/ruoli/ENUMGRAFO')).body).toEqual({
      id: 'ENUMGRAFO',
      acl: [{ servizio: 'Giornale degli Eventi', autorizzazioni: ['R', 'W'] }],
    });
  });

  it("are the caller's profile's", async () => {
    const { profilo } = await dati(t, '{ profilo { autenticazione acl { servizio autorizzazioni } } }');
    expect(profilo.autenticazione).toBe('BASIC');
    expect(profilo.acl).toContainEqual({ servizio: 'RENDICONTAZIONI_E_INCASSI', autorizzazioni: ['R', 'W'] });
  });

  it("refuse GovPay's text and any unknown value", async () => {
    const salvaCon = (acl: unknown) => gql(t.baseUrl, salva, { input: { idRuolo: 'ENUMGRAFO', acl: [acl] } });
    refusedAsInvalid(
      await salvaCon({ servizio: 'Pagamenti', autorizzazioni: ['R'] }),
      'Value "Pagamenti" does not exist in "ServizioAcl" enum.',
    );
    refusedAsInvalid(
      await salvaCon({ servizio: 'PAGAMENTI', autorizzazioni: ['Lettura'] }),
      'Value "Lettura" does not exist in "Diritto" enum.',
    );
    const inline = await gql(
      t.baseUrl,
      'mutation { salvaRuolo(input: { idRuolo: "ENUMGRAFO", acl: [{ servizio: PAGAMENTI, autorizzazioni: [X] }] }) { creato } }',
    );
    refusedAsInvalid(inline, 'Value "X" does not exist in "Diritto" enum.');
    expect((await rest('GET', '/ruoli/ENUMGRAFO')).body.acl).toEqual([{ servizio: 'Giornale degli Eventi', autorizzazioni: ['R', 'W'] }]);
  });
});

describe('LinguaSecondaria', () => {
  const avviso =
    'query ($l: LinguaSecondaria) { pendenza(idA2A: "IDA2A01", idPendenza: "ENUM-LINGUA") { avvisoPdf(linguaSecondaria: $l) } }';

  it("prints the avviso's labels in the second language too", async () => {
    await dati(
      t,
      'mutation ($p: JSONObject!) { caricaPendenza(input: { idA2A: "IDA2A01", idPendenza: "ENUM-LINGUA", pendenza: $p }) { created } }',
      {
        p: nuovaPendenza('ENUM-LINGUA'),
      },
    );
    const page = async (l?: string) => readPdf(Buffer.from((await dati(t, avviso, { l })).pendenza.avvisoPdf, 'base64')).pages[0];
    expect(await page('DE')).toContain('ZAHLUNGSMITTEILUNG');
    expect(await page()).not.toContain('ZAHLUNGSMITTEILUNG');
  });

  it("refuses GovPay's lower-case code and any unknown value", async () => {
    refusedAsInvalid(await gql(t.baseUrl, avviso, { l: 'de' }), 'Value "de" does not exist in "LinguaSecondaria" enum.');
    const documento = await gql(t.baseUrl, '{ documentoAvvisiPdf(idDominio: "12345678901", numeroDocumento: "X", linguaSecondaria: IT) }');
    refusedAsInvalid(documento, 'Value "IT" does not exist in "LinguaSecondaria" enum.');
  });
});
