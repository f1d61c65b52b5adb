import { BO, call } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';

/**
 * Closed sets the graph's inputs take as enums (tipoContabilita, a stazione's versione, a
 * connettore's versioneApi, a configuration patch's op): GovPay's REST writes that feed them keep
 * their answers to a bad value, text included.
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
