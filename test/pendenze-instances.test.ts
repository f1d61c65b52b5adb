import { basic, BO, call, IDA2A01 } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { nuovaPendenza } from './helpers/fixtures';

/**
 * Two instances of the hub on one database, as behind a load balancer: numbers never collide and
 * a configuration change made through one is enforced by the other at its next request, even
 * though each caches the anagrafica.
 */
let a: TestHub;
let b: TestHub;
const PV2 = '/govpay/backend/api/pendenze/rs/basic/v2';
const put = (hub: TestHub, id: string, body: unknown) => call(hub.baseUrl, 'PUT', `${PV2}/pendenze/IDA2A01/${id}`, { auth: basic(IDA2A01), body });
let seq = 0;
const newId = () => `I${Date.now()}${++seq}`;

beforeAll(async () => {
  a = await startHub();
  b = await startHub({ DATABASE_URL: a.hub.config.database.dialect === 'sqlite' ? `sqlite:${a.hub.config.database.path}` : a.hub.config.database.url });
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

describe('two instances on one database', () => {
  it('never give the same numero avviso, whichever instance loads', async () => {
    const ids = Array.from({ length: 120 }, newId);
    const replies = await Promise.all(ids.map((id, i) => put(i % 2 ? a : b, id, nuovaPendenza(id))));
    expect(replies.map((r) => r.status)).toEqual(ids.map(() => 201));
    expect(new Set(replies.map((r) => r.body.numeroAvviso)).size).toBe(ids.length);
  });

  it('enforce a configuration change made through the other instance at once', async () => {
    const tipo = `${BO}/domini/12345678901/tipiPendenza/SEGRETERIA`;
    const first = newId();
    expect((await put(b, first, nuovaPendenza(first))).status).toBe(201);

    expect((await call(a.baseUrl, 'PUT', tipo, { body: { abilitato: false } })).status).toBe(200);
    const refused = newId();
    const r = await put(b, refused, nuovaPendenza(refused));
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ codice: 'TVD_001', dettaglio: 'Tipo pendenza (SEGRETERIA) disabilitato per il dominio (12345678901)' });
    expect((await call(b.baseUrl, 'GET', `${PV2}/pendenze/IDA2A01/${refused}`, { auth: basic(IDA2A01) })).status).toBe(404);

    expect((await call(a.baseUrl, 'PUT', tipo, { body: { abilitato: true } })).status).toBe(200);
    const again = newId();
    expect((await put(b, again, nuovaPendenza(again))).status).toBe(201);
  });
});
