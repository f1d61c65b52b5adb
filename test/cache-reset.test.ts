import { STATION_PATH } from '../pagopa';
import { basic, BO, call } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { NODO_AUTH } from './helpers/simulator';
import { verifyEnvelope } from './helpers/station-envelopes';

/**
 * `GET /operazioni/resetCacheAnagrafica` (issue 10, item 8): every cache of credentials this
 * instance keeps forgets at once, the gateway's (applicazioni, operatori) and the pagoPA
 * station's (the Nodo's), so a changed password or a disabled utenza is enforced immediately.
 */
let t: TestHub;
beforeAll(async () => {
  t = await startHub({ AUTH_CACHE_TTL_SECONDS: '3600' });
});
afterAll(() => t?.close());

const verifyAs = (auth: string) =>
  call(t.baseUrl, 'POST', STATION_PATH, {
    auth,
    rawBody: verifyEnvelope(),
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '"paVerifyPaymentNotice"' },
  });
const stazione = (password: string) =>
  call(t.baseUrl, 'PUT', `${BO}/intermediari/11111111113/stazioni/11111111113_01`, { body: { password, abilitato: true, versione: 'V2' } });

it("makes the station forget the Nodo's old password at once", async () => {
  const old = basic(NODO_AUTH);
  expect((await verifyAs(old)).status).toBe(200);
  expect((await stazione('Nuova-password1')).status).toBe(200);
  // Remembered for the TTL (an hour here): the cache is what the reset must clear.
  expect((await verifyAs(old)).status).toBe(200);

  const reset = await call(t.baseUrl, 'GET', `${BO}/operazioni/resetCacheAnagrafica`);
  expect(reset.status).toBe(200);
  expect(reset.body).toMatchObject({ idOperazione: 'resetCacheAnagrafica', stato: 0 });

  const refused = await verifyAs(old);
  expect(refused.status).toBe(401);
  expect((await verifyAs(basic({ user: NODO_AUTH.user, password: 'Nuova-password1' }))).status).toBe(200);
});
