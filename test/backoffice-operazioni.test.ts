import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../core/project-root';
import { PagamentoPortale } from '../schema/entities';
import { CheckoutDouble } from './helpers/checkout-double';
import { basic, BO, call } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { avvia, avviato, loadPendenza, riferimento } from './helpers/pagamenti';

/**
 * The Backoffice's system paths against a real hub: GET /info, the list of on-demand operations
 * and the ones the hub runs for real (closing abandoned payments), GET /operazioni/stato/{id}.
 */
let t: TestHub;
let checkout: CheckoutDouble;

const get = (path: string, auth?: string) => call(t.baseUrl, 'GET', `${BO}${path}`, { auth });

async function operatore(principal: string, acl: Array<{ servizio: string; autorizzazioni: string[] }>) {
  const r = await call(t.baseUrl, 'PUT', `${BO}/operatori/${principal}`, {
    body: { ragioneSociale: principal, password: 'Password1!', domini: ['*'], tipiPendenza: ['*'], acl },
  });
  expect([200, 201]).toContain(r.status);
  return basic({ user: principal, password: 'Password1!' });
}

beforeAll(async () => {
  checkout = await new CheckoutDouble().start();
  // The sweep of abandoned carts would run only in an hour: the operation is what closes them here.
  t = await startHub({ CHECKOUT_URL: checkout.url, PAYMENT_SESSION_SWEEP_MS: '3600000' });
});
afterAll(async () => {
  await t?.close();
  await checkout?.stop();
});

it("GET /info tells the hub's name, version, build and environment", async () => {
  const { version } = JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string };
  const r = await get('/info', basic({ user: 'IDA2A01', password: 'Password1!' }));
  expect(r.status).toBe(200);
  expect(r.body).toEqual({ appName: 'GovPay Hub', versione: version, build: `govpay-hub ${version}`, ambiente: 'collaudo' });
  expect((await get('/info', basic({ user: 'gpadmin', password: 'sbagliata' }))).status).toBe(401);
});

it('GET /operazioni lists the operations the hub runs, each with its location, paged', async () => {
  const r = await get('/operazioni');
  expect(r.status).toBe(200);
  const ids = r.body.risultati.map((o: { idOperazione: string }) => o.idOperazione);
  expect(ids).toEqual(
    expect.arrayContaining(['acquisizioneRendicontazioni', 'resetCacheAnagrafica', 'spedizioneNotifiche', 'chiusuraRptScadute']),
  );
  for (const o of r.body.risultati)
    expect(o).toEqual({ idOperazione: o.idOperazione, descrizione: expect.any(String), location: `/operazioni/${o.idOperazione}` });
  const page = await get('/operazioni?risultatiPerPagina=2&pagina=2');
  expect(page.body.risultati).toEqual(r.body.risultati.slice(2, 4));
  expect(page.body.numRisultati).toBe(ids.length);
});

it('chiusuraRptScadute closes the payment sessions abandoned past their expiry, and only those', async () => {
  const [scaduta, aperta] = [await loadPendenza(t), await loadPendenza(t)];
  const idScaduta = avviato(await avvia(t, [riferimento(scaduta)])).pagamento.idPagamento;
  const idAperta = avviato(await avvia(t, [riferimento(aperta)])).pagamento.idPagamento;
  await t.hub.orm.em.fork().nativeUpdate(PagamentoPortale, { idPagamento: idScaduta }, { scadenza: new Date(Date.now() - 60_000) });

  const r = await get('/operazioni/chiusuraRptScadute');
  expect(r.status).toBe(200);
  expect(r.body).toMatchObject({ idOperazione: 'chiusuraRptScadute', stato: 0, dettaglio: 'Pagamenti scaduti chiusi: 1' });
  const stato = async (id: string) => (await t.hub.orm.em.fork().findOneOrFail(PagamentoPortale, { idPagamento: id })).stato;
  expect(await stato(idScaduta)).toBe('NON_ESEGUITO');
  expect(await stato(idAperta)).toBe('IN_CORSO');
  expect((await get('/operazioni/chiusuraRptScadute')).body.dettaglio).toBe('Pagamenti scaduti chiusi: 0');
});

it('answers 404 for an unknown operation or run, 403 without the maintenance rights', async () => {
  expect((await get('/operazioni/inventata')).status).toBe(404);
  const stato = await get('/operazioni/stato/42');
  expect(stato.status).toBe(404);
  expect(stato.body.dettaglio).toMatch(/Esecuzione 42 inesistente/);
  const ospite = await operatore('bo-op-ospite', [{ servizio: 'Pagamenti', autorizzazioni: ['R', 'W'] }]);
  expect((await get('/operazioni', ospite)).status).toBe(403);
  expect((await get('/operazioni/chiusuraRptScadute', ospite)).status).toBe(403);
  expect((await get('/operazioni/stato/42', ospite)).status).toBe(403);
});
