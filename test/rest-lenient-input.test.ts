import { parseDateFilter } from '../rest-compat/shared/params';
import { basic, BO, call, IDA2A01 } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { nuovaPendenza } from './helpers/fixtures';

/**
 * GovPay reads some query parameters leniently, and the clients generated from its specs rely on
 * it: the PHP SDKs write booleans as 1/0, date-times with an offset. Every API reads them alike;
 * anything else is a 400 in GovPay's words, and changes nothing.
 */
let t: TestHub;
const PV2 = '/govpay/backend/api/pendenze/rs/basic/v2';
const PAG = '/govpay/frontend/api/pagamento/rs/basic/v2';
const RV2 = '/govpay/backend/api/ragioneria/rs/basic/v2';
const RV1 = '/govpay/backend/api/ragioneria/rs/basic/v1';
const app = basic(IDA2A01);
const SINTASSI = { categoria: 'RICHIESTA', codice: 'SINTASSI' };
const debtor = `LNT${Date.now()}`.slice(0, 16);

beforeAll(async () => {
  t = await startHub();
  // One pendenza loaded the way the SDK does it (stampaAvviso=0), to find by date.
  const id = `LEN${Date.now()}`;
  const body = nuovaPendenza(id, { soggettoPagatore: { tipo: 'F', identificativo: debtor, anagrafica: 'Mario Rossi' } });
  const put = await call(t.baseUrl, 'PUT', `${PV2}/pendenze/IDA2A01/${id}?stampaAvviso=0`, { auth: app, body });
  expect(put.status).toBe(201);
  expect(put.body.pdf).toBeUndefined();
});
afterAll(() => t?.close());

describe("GovPay's spellings of a date filter", () => {
  const rome = (text: string, fine = false) => parseDateFilter(text, fine)?.toISOString();

  it.each([
    ['2026-12-04T07:45:54+00:00', '2026-12-04T07:45:54.000Z'],
    ['2026-12-04T07:45:54Z', '2026-12-04T07:45:54.000Z'],
    ['2026-12-04T08:45:54+0100', '2026-12-04T07:45:54.000Z'],
    ['2026-12-04T08:45:54.250+01', '2026-12-04T07:45:54.250Z'],
    ['2026-12-04T08:45:54 01:00', '2026-12-04T07:45:54.000Z'],
    ['2026-12-04T08:45:54.123', '2026-12-04T07:45:54.123Z'],
    ['2026-12-04T08:45:54', '2026-12-04T07:45:54.000Z'],
    ['2026-12-04T08:45', '2026-12-04T07:45:00.000Z'],
    ['2026-12-04 08:45', '2026-12-04T07:45:00.000Z'],
    ['2026-07-04T08:45', '2026-07-04T06:45:00.000Z'],
    ['2026-12-04', '2026-12-03T23:00:00.000Z'],
    ['2026', '2025-12-31T23:00:00.000Z'],
  ])('reads %s as %s', (text, instant) => {
    expect(rome(text)).toBe(instant);
  });

  it("makes a date alone the end of that day for dataA, as GovPay's", () => {
    expect(rome('2026-12-04', true)).toBe('2026-12-04T22:59:59.999Z');
    expect(rome('2026-12-04T10:00', true)).toBe('2026-12-04T09:00:00.000Z');
  });

  it.each(['04/12/2026', '2026-02-30', '2026-12-04T25:00', '2026-12-04T07:45:54+00:00x', '20261204', 'ieri', ''])('refuses %j', (text) => {
    expect(rome(text)).toBeUndefined();
  });
});

describe('each API, called as the PHP SDK calls it', () => {
  // The Backoffice as gpadmin (the helper's default), the other APIs as the applicazione.
  const get = (path: string) => call(t.baseUrl, 'GET', path, { auth: path.startsWith(BO) ? undefined : app });
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 19);

  it('Backoffice: 1/0 and TRUE as booleans, the counts only when asked', async () => {
    const withCounts = await get(`${BO}/domini?abilitato=1&metadatiPaginazione=1&maxRisultati=0`);
    expect(withCounts.status).toBe(200);
    expect(withCounts.body.numRisultati).toBe(1);
    const without = await get(`${BO}/domini?abilitato=TRUE&metadatiPaginazione=0`);
    expect(without.status).toBe(200);
    expect(without.body.numRisultati).toBeUndefined();
    expect(without.body.risultati).toHaveLength(1);
    expect((await get(`${BO}/domini?abilitato=0`)).body.risultati).toEqual([]);
  });

  it('Backoffice and API Pendenze: date-times with an offset filter pendenze by their date', async () => {
    const since = (base: string, from: string) =>
      get(`${base}/pendenze?idDebitore=${debtor}&dataDa=${encodeURIComponent(from)}&metadatiPaginazione=1`);
    expect((await since(BO, `${inDays(-1)}+00:00`)).body.numRisultati).toBe(1);
    expect((await since(BO, `${inDays(1)}Z`)).body.numRisultati).toBe(0);
    const pendenze = await call(
      t.baseUrl,
      'GET',
      `${PV2}/pendenze?idDebitore=${debtor}&dataDa=${inDays(-1)}%2B0100&dataA=${inDays(1).slice(0, 10)}&metadatiPaginazione=1`,
      { auth: app },
    );
    expect(pendenze.status).toBe(200);
    expect(pendenze.body.numRisultati).toBe(1);
  });

  it('API Pagamento: maxRisultati=0, metadatiPaginazione=0 and an offset', async () => {
    const r = await get(`${PAG}/pagamenti?maxRisultati=0&metadatiPaginazione=0&dataDa=${inDays(-1)}%2B01:00`);
    expect(r.status).toBe(200);
    expect(r.body.numRisultati).toBeUndefined();
    expect(
      (await get(`${PAG}/pendenze?idDebitore=${debtor}&metadatiPaginazione=1&dataDa=${inDays(-2).slice(0, 10)}`)).body.numRisultati,
    ).toBe(1);
  });

  it('API Ragioneria v2 and v1: escludiObsoleti=TRUE, 1/0 and offsets', async () => {
    const v2 = await get(`${RV2}/flussiRendicontazione?escludiObsoleti=TRUE&metadatiPaginazione=1&dataDa=2026-12-04T07:45:54Z`);
    expect(v2.status).toBe(200);
    expect(v2.body.numRisultati).toBe(0);
    expect((await get(`${RV2}/riscossioni?metadatiPaginazione=0&dataDa=2026-12-04T07:45:54%2B00:00`)).status).toBe(200);
    expect((await get(`${RV1}/riscossioni?metadatiPaginazione=1&dataDa=2026-12-04 07:45&dataA=2026-12-05`)).status).toBe(200);
  });
});

describe('bad values: a 400 in GovPay words, nothing changed', () => {
  it.each([
    [
      `${BO}/domini?abilitato=si`,
      "Il valore indicato per il parametro [abilitato] non e' valido: il valore fornito [si] non e' tra quelli ammessi (true, false, 1, 0).",
    ],
    [
      `${BO}/domini?metadatiPaginazione=2`,
      "Il valore indicato per il parametro [metadatiPaginazione] non e' valido: il valore fornito [2] non e' tra quelli ammessi (true, false, 1, 0).",
    ],
    [`${BO}/pendenze?dataDa=04/12/2026`, "Il formato della data indicata [04/12/2026] per il parametro [dataDa] non e' valido."],
    [`${PV2}/pendenze?dataA=2026-02-30`, "Il formato della data indicata [2026-02-30] per il parametro [dataA] non e' valido."],
    [`${PAG}/pagamenti?dataDa=ieri`, "Il formato della data indicata [ieri] per il parametro [dataDa] non e' valido."],
    [
      `${RV2}/flussiRendicontazione?escludiObsoleti=forse`,
      "Il valore indicato per il parametro [escludiObsoleti] non e' valido: il valore fornito [forse] non e' tra quelli ammessi (true, false, 1, 0).",
    ],
    [
      `${RV1}/riscossioni?dataDa=2026-12-04T07:45:54%2B0`,
      "Il formato della data indicata [2026-12-04T07:45:54+0] per il parametro [dataDa] non e' valido.",
    ],
  ])('GET %s', async (path, dettaglio) => {
    const auth = path.startsWith(BO) ? undefined : app;
    const r = await call(t.baseUrl, 'GET', path, { auth });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ ...SINTASSI, dettaglio });
  });

  it('a PUT with stampaAvviso=maybe is refused and loads nothing', async () => {
    const id = `LENBAD${Date.now()}`;
    const r = await call(t.baseUrl, 'PUT', `${PV2}/pendenze/IDA2A01/${id}?stampaAvviso=maybe`, { auth: app, body: nuovaPendenza(id) });
    expect(r.status).toBe(400);
    expect(r.body.dettaglio).toContain('[stampaAvviso]');
    expect((await call(t.baseUrl, 'GET', `${PV2}/pendenze/IDA2A01/${id}`, { auth: app })).status).toBe(404);
  });
});
