import { nuovaPendenza } from './helpers/fixtures';
import { dati } from './helpers/flussi';
import { refusedAsInvalid } from './helpers/graph-validation';
import { BO, call, gql } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';

/**
 * Closed sets the graph's inputs take as enums (tipoContabilita, a stazione's versione, a
 * connettore's versioneApi, a patch's op): clients write and read the enum's values, an unknown one
 * is GraphQL's validation error; GovPay's REST writes that feed them keep their answers to a bad
 * value, text included, and its JSON shows GovPay's text.
 */
let t: TestHub;

beforeAll(async () => {
  t = await startHub();
});
afterAll(() => t.close());

const rest = (method: string, path: string, body: unknown) => call(t.baseUrl, method, `${BO}${path}`, { body });

/** GovPay's 400 SINTASSI with its dettaglio. */
async function refusedBy(reply: Promise<{ status: number; body: any }>, dettaglio: string) {
  const r = await reply;
  expect([r.status, r.body.codice, r.body.dettaglio]).toEqual([400, 'SINTASSI', dettaglio]);
}

describe("GovPay's REST answers to a bad value", () => {
  const contabilita = "Il valore del campo tipoContabilita non e' tra quelli ammessi (CAPITOLO, SPECIALE, SIOPE, ALTRO).";

  it('of an entrata’s tipoContabilita, hub-wide and for a dominio', async () => {
    for (const tipoContabilita of ['INVENTATA', 'altro', 5]) {
      await refusedBy(rest('PUT', '/entrate/NUOVA', { descrizione: 'x', tipoContabilita, codiceContabilita: '123' }), contabilita);
    }
    const conto = { ibanAccredito: 'IT60X0542811101000000123456', abilitato: true };
    await refusedBy(rest('PUT', '/domini/12345678901/entrate/SEGRETERIA', { ...conto, tipoContabilita: 'INVENTATA' }), contabilita);
    expect((await rest('GET', '/entrate/NUOVA', undefined)).status).toBe(404);
  });

  it('of a stazione’s versione', async () => {
    const versione = "Il valore del campo versione non e' tra quelli ammessi (V1, V2).";
    for (const body of [{ versione: 'V9' }, { versione: 2 }, { versione: 'v2' }, {}]) {
      await refusedBy(rest('PUT', '/intermediari/11111111113/stazioni/11111111113_01', { abilitato: true, ...body }), versione);
    }
  });

  it('of a connettore’s versioneApi, the graph’s own names included', async () => {
    const versioneApi = "Il valore del campo servizioIntegrazione.versioneApi non e' tra quelli ammessi (REST v1, REST v2).";
    for (const v of ['REST v3', 'REST_V1', 'rest v1', 2]) {
      const body = { principal: 'nuova', servizioIntegrazione: { url: 'https://x.example/api', versioneApi: v } };
      await refusedBy(rest('PUT', '/applicazioni/NUOVA', body), versioneApi);
    }
    expect((await rest('GET', '/applicazioni/NUOVA', undefined)).status).toBe(404);
  });

  it('of a patch’s op on the anagrafica', async () => {
    const op = "Il valore del campo 0.op non e' tra quelli ammessi (ADD, DELETE, REPLACE).";
    for (const bad of ['MOVE', 'replace', 5, undefined]) {
      await refusedBy(rest('PATCH', '/applicazioni/IDA2A01', [{ op: bad, path: '/abilitato', value: true }]), op);
    }
    await refusedBy(rest('PATCH', '/ruoli/NONE', [{ op: 'MOVE', path: '/acl', value: {} }]), op);
  });

  it('of a patch’s op on the configurazione, which takes any case', async () => {
    const before = (await rest('GET', '/configurazioni', undefined)).body;
    for (const op of ['MOVE', 'move', 'Copy']) {
      await refusedBy(
        rest('PATCH', '/configurazioni', [{ op, path: '/hardening', value: {} }]),
        `Operazione '${op}' non valida: ammesse ADD, REPLACE, DELETE.`,
      );
    }
    // The first refused operation undoes the ones before it.
    const ok = { op: 'replace', path: '/hardening/x', value: 1 };
    await refusedBy(
      rest('PATCH', '/configurazioni', [ok, { op: 'TEST', path: '/hardening' }]),
      "Operazione 'TEST' non valida: ammesse ADD, REPLACE, DELETE.",
    );
    for (const op of [5, null, undefined]) {
      const r = await rest('PATCH', '/configurazioni', [{ op, path: '/hardening', value: {} }]);
      expect([r.status, r.body.codice]).toEqual([400, 'SINTASSI']);
    }
    expect((await rest('GET', '/configurazioni', undefined)).body).toEqual(before);

    const lower = await rest('PATCH', '/configurazioni', [ok, { op: 'Delete', path: '/hardening/x' }]);
    expect(lower.status).toBe(200);
    expect(lower.body).toEqual(before);
  });
});

describe('TipoContabilita', () => {
  const salva = 'mutation ($input: SalvaEntrataInput!) { salvaEntrata(input: $input) { entrata { idEntrata tipoContabilita } } }';

  it("is written and read as an enum value: an entrata's, a dominio's override, an IBAN voce's", async () => {
    const input = { idEntrata: 'ENUMTEST', descrizione: 'x', tipoContabilita: 'SIOPE', codiceContabilita: '123' };
    expect((await dati(t, salva, { input })).salvaEntrata.entrata).toEqual({ idEntrata: 'ENUMTEST', tipoContabilita: 'SIOPE' });
    const override = await dati(
      t,
      `mutation { salvaEntrataDominio(input: { idDominio: "12345678901", idEntrata: "LIBERO", ibanAccredito: "IT02L1234512345123451111111",
         tipoContabilita: CAPITOLO, codiceContabilita: "9/0101200IM/" }) { entrataDominio { tipoContabilita tipoEntrata { tipoContabilita } } } }`,
    );
    expect(override.salvaEntrataDominio.entrataDominio).toEqual({ tipoContabilita: 'CAPITOLO', tipoEntrata: { tipoContabilita: 'ALTRO' } });
    expect((await rest('GET', '/entrate/ENUMTEST', undefined)).body).toEqual({
      idEntrata: 'ENUMTEST',
      descrizione: 'x',
      tipoContabilita: 'SIOPE',
      codiceContabilita: '123',
    });

    const voci = [
      {
        idVocePendenza: 'a',
        importo: 1,
        descrizione: 'iban',
        ibanAccredito: 'IT02L1234512345123451111111',
        tipoContabilita: 'SPECIALE',
        codiceContabilita: 'XXXXX',
      },
      { idVocePendenza: 'b', importo: 1, descrizione: 'entrata', codEntrata: 'LIBERO' },
    ];
    const { caricaPendenza } = await dati(
      t,
      'mutation ($p: JSONObject!) { caricaPendenza(input: { idA2A: "IDA2A01", idPendenza: "ENUM-VOCI", pendenza: $p }) { pendenza { voci { tipoContabilita } } } }',
      { p: nuovaPendenza('ENUM-VOCI', { importo: 2, voci }) },
    );
    expect(caricaPendenza.pendenza.voci).toEqual([{ tipoContabilita: 'SPECIALE' }, { tipoContabilita: null }]);
  });

  it('refuses an unknown value, in the text or in a variable', async () => {
    const inline = (v: string) =>
      gql(
        t.baseUrl,
        `mutation { salvaEntrata(input: { idEntrata: "ENUMTEST", descrizione: "x", tipoContabilita: ${v}, codiceContabilita: "123" }) { created } }`,
      );
    refusedAsInvalid(await inline('INVENTATA'), 'Value "INVENTATA" does not exist in "TipoContabilita" enum.');
    refusedAsInvalid(await inline('"ALTRO"'), 'Enum "TipoContabilita" cannot represent non-enum value: "ALTRO".');
    const input = { idEntrata: 'ENUMTEST', descrizione: 'x', tipoContabilita: 'altro', codiceContabilita: '123' };
    refusedAsInvalid(await gql(t.baseUrl, salva, { input }), 'Value "altro" does not exist in "TipoContabilita" enum.');
    const dominio = 'mutation ($input: SalvaEntrataDominioInput!) { salvaEntrataDominio(input: $input) { created } }';
    const override = { idDominio: '12345678901', idEntrata: 'LIBERO', ibanAccredito: 'IT02L1234512345123451111111', tipoContabilita: 'X' };
    refusedAsInvalid(await gql(t.baseUrl, dominio, { input: override }), 'Value "X" does not exist in "TipoContabilita" enum.');
  });
});

describe('VersioneStazione', () => {
  const salva = 'mutation ($input: SalvaStazioneInput!) { salvaStazione(input: $input) { stazione { idStazione versione } } }';

  it('is written and read as an enum value, and GovPay reads the same text', async () => {
    const input = { idIntermediario: '11111111113', idStazione: '11111111113_07', abilitato: true, versione: 'V1' };
    expect((await dati(t, salva, { input })).salvaStazione.stazione).toEqual({ idStazione: '11111111113_07', versione: 'V1' });
    expect((await rest('GET', '/intermediari/11111111113/stazioni/11111111113_07', undefined)).body).toMatchObject({ versione: 'V1' });
  });

  it('refuses an unknown value', async () => {
    const input = { idIntermediario: '11111111113', idStazione: '11111111113_07', abilitato: true, versione: 'V3' };
    refusedAsInvalid(await gql(t.baseUrl, salva, { input }), 'Value "V3" does not exist in "VersioneStazione" enum.');
  });
});

describe('VersioneApiIntegrazione', () => {
  const salva = `mutation ($input: SalvaApplicazioneInput!) {
    salvaApplicazione(input: $input) { applicazione { servizioIntegrazione { versioneApi } } } }`;
  const applicazione = (versioneApi: unknown) => ({
    idA2A: 'ENUMA2A',
    principal: 'enum-a2a',
    servizioIntegrazione: { url: 'https://ente.example/api', versioneApi },
  });

  it("is written and read by name on the graph, and by GovPay's text on the Backoffice", async () => {
    const { salvaApplicazione } = await dati(t, salva, { input: applicazione('REST_V1') });
    expect(salvaApplicazione.applicazione.servizioIntegrazione).toEqual({ versioneApi: 'REST_V1' });
    expect((await rest('GET', '/applicazioni/ENUMA2A', undefined)).body.servizioIntegrazione).toEqual({
      url: 'https://ente.example/api',
      versioneApi: 'REST v1',
    });

    const body = { principal: 'enum-a2a', servizioIntegrazione: { url: 'https://ente.example/api', versioneApi: 'REST v2' } };
    expect((await rest('PUT', '/applicazioni/ENUMA2A', body)).status).toBe(200);
    const read = await dati(t, '{ applicazione(idA2A: "ENUMA2A") { servizioIntegrazione { versioneApi } } }');
    expect(read.applicazione.servizioIntegrazione).toEqual({ versioneApi: 'REST_V2' });
    expect((await rest('GET', '/applicazioni/ENUMA2A', undefined)).body.servizioIntegrazione.versioneApi).toBe('REST v2');
  });

  it("refuses GovPay's text and any unknown value", async () => {
    refusedAsInvalid(
      await gql(t.baseUrl, salva, { input: applicazione('REST v1') }),
      'Value "REST v1" does not exist in "VersioneApiIntegrazione" enum.',
    );
    refusedAsInvalid(
      await gql(t.baseUrl, salva, { input: applicazione('SOAP_V3') }),
      'Value "SOAP_V3" does not exist in "VersioneApiIntegrazione" enum.',
    );
  });
});

describe('PatchOperation', () => {
  const modifica = (op: string) =>
    gql(
      t.baseUrl,
      `mutation { modificaConfigurazione(input: { operazioni: [{ op: ${op}, path: "/hardening/enumTest", value: { value: 1 } }] }) { configurazione { hardening } } }`,
    );

  it("is the configuration's op, as it is the anagrafica's", async () => {
    const r = await modifica('REPLACE');
    expect(r.body.data.modificaConfigurazione.configurazione.hardening).toMatchObject({ enumTest: 1 });
    const removed = await modifica('DELETE');
    expect(removed.body.data.modificaConfigurazione.configurazione.hardening).not.toHaveProperty('enumTest');
  });

  it('refuses an unknown op, or one in another case', async () => {
    refusedAsInvalid(await modifica('MOVE'), 'Value "MOVE" does not exist in "PatchOperation" enum.');
    refusedAsInvalid(await modifica('replace'), 'Value "replace" does not exist in "PatchOperation" enum.');
    const ruolo = await gql(
      t.baseUrl,
      'mutation { modificaRuolo(input: { idRuolo: "X", operazioni: [{ op: COPY, path: "/acl" }] }) { ruolo { idRuolo } } }',
    );
    refusedAsInvalid(ruolo, 'Value "COPY" does not exist in "PatchOperation" enum.');
  });
});
