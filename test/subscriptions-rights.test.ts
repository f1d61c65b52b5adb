import { basic, BO, call } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { subscriber, untilSubscriptions, type Subscriber } from './helpers/subscriber';

/**
 * An open subscription follows its principal's rights (issue 10, item 8): changed through the
 * Backoffice, they reach the socket within AUTH_CACHE_TTL_SECONDS (1 s here). Real graphql-ws clients.
 */
const TTL_MS = 1000;
let t: TestHub;
const open: Subscriber[] = [];
beforeAll(async () => {
  t = await startHub({ AUTH_CACHE_TTL_SECONDS: String(TTL_MS / 1000) });
});
afterEach(async () => {
  for (const s of open.splice(0)) await s.dispose();
});
afterAll(() => t?.close());

const operatore = (principal: string, body: Record<string, unknown>) =>
  call(t.baseUrl, 'PUT', `${BO}/operatori/${principal}`, {
    body: { ragioneSociale: principal, domini: ['12345678901'], tipiPendenza: [], abilitato: true, ...body },
  });
const reads = (...servizi: string[]) => servizi.map((servizio) => ({ servizio, autorizzazioni: ['R'] }));
const connect = (user: string, password: string) => {
  const s = subscriber(t.baseUrl, { connectionParams: { authorization: basic({ user, password }) } });
  open.push(s);
  return s;
};
const PENDENZE = 'subscription { pendenzaAggiornata { idPendenza } }';
const RICEVUTE = 'subscription { ricevutaRegistrata { iuv } }';

it('ends the subscription whose right the operatore lost, within the TTL, keeping the others', async () => {
  expect((await operatore('cruscotto', { password: 'Operatore1', acl: reads('Pendenze', 'Pagamenti') })).status).toBe(201);
  const c = connect('cruscotto', 'Operatore1');
  const pendenze = c.subscribe(PENDENZE);
  const ricevute = c.subscribe(RICEVUTE);
  await untilSubscriptions(t, 2);

  const changed = Date.now();
  expect((await operatore('cruscotto', { acl: reads('Pagamenti') })).status).toBe(200);
  const ended = await pendenze.next();
  expect(Date.now() - changed).toBeLessThan(2 * TTL_MS + 500);
  expect(ended.errors[0].extensions).toMatchObject({ codice: '403000', status: 403 });
  await untilSubscriptions(t, 1);
  expect(ricevute.received).toEqual([]);
});

it('closes the socket with 4401 within the TTL when the password changed', async () => {
  expect((await operatore('cambiata', { password: 'Operatore1', acl: reads('Pendenze') })).status).toBe(201);
  const c = connect('cambiata', 'Operatore1');
  c.subscribe(PENDENZE);
  await untilSubscriptions(t, 1);

  const changed = Date.now();
  expect((await operatore('cambiata', { password: 'Operatore2', acl: reads('Pendenze') })).status).toBe(200);
  expect(await c.closed).toEqual({ code: 4401, reason: 'Utenza non autenticata' });
  expect(Date.now() - changed).toBeLessThan(2 * TTL_MS + 500);
  await untilSubscriptions(t, 0);
});

it('closes the socket with 4403 within the TTL when the operatore is disabled, as a new connection would be', async () => {
  expect((await operatore('spento', { password: 'Operatore1', acl: reads('Pendenze') })).status).toBe(201);
  const c = connect('spento', 'Operatore1');
  c.subscribe(PENDENZE);
  await untilSubscriptions(t, 1);

  expect((await operatore('spento', { abilitato: false, acl: reads('Pendenze') })).status).toBe(200);
  expect(await c.closed).toEqual({ code: 4403, reason: 'Operazione non autorizzata: Operatore [spento] disabilitato.' });
  await untilSubscriptions(t, 0);
});
