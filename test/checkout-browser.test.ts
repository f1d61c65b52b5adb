import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { STATION_PATH } from '../pagopa';
import type { Simulator } from '../simulator';
import { launchBrowser, press, withPage } from './helpers/browser';
import { postCart } from './helpers/checkout';
import { nuovaPendenza } from './helpers/fixtures';
import { basic, call, closeServer, IDA2A01, localServer } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { closeSimulators, simulatorFor } from './helpers/simulator';
import { STATION_XSD } from './helpers/xsd';

/**
 * The simulator's Checkout page in a real browser (helpers/browser.ts), paying pendenze of a real
 * hub: the Ente loads them through API Pendenze v2, opens a cart with Checkout's API, the person
 * presses Paga or Annulla, the browser lands on the Ente's portal (a tiny real HTTP server), and
 * the hub tells what happened to each pendenza.
 */
const API = '/govpay/backend/api/pendenze/rs/basic/v2';

let t: TestHub;
let sim: Simulator;
let simBase: string;
let browser: Browser;
let portal: { server: Server; base: string; visits: string[] };
let seq = 0;

beforeAll(async () => {
  t = await startHub();
  sim = simulatorFor(`${t.baseUrl}${STATION_PATH}`, { xsdPath: STATION_XSD });
  simBase = `http://127.0.0.1:${await sim.listen(0)}`;
  const { server, base } = await localServer();
  portal = { server, base, visits: [] };
  server.on('request', (req, res) => {
    portal.visits.push(req.url ?? '');
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(`<!DOCTYPE html><h1>Portale dell'Ente</h1><p id="path">${req.url}</p>`);
  });
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  if (portal) await closeServer(portal.server);
  await closeSimulators();
  await t?.close();
});

const returnUrls = (session: string) => ({
  returnOkUrl: `${portal.base}/esito/ok?sessione=${session}`,
  returnCancelUrl: `${portal.base}/esito/annullato?sessione=${session}`,
  returnErrorUrl: `${portal.base}/esito/errore?sessione=${session}`,
});

/** A pendenza of 100.99 euro loaded by the demo applicazione through API Pendenze v2. */
async function load(): Promise<{ idPendenza: string; numeroAvviso: string; causale: string }> {
  const idPendenza = `CHK-${Date.now()}-${++seq}`;
  const body = nuovaPendenza(idPendenza);
  const r = await call(t.baseUrl, 'PUT', `${API}/pendenze/IDA2A01/${idPendenza}`, { auth: basic(IDA2A01), body });
  expect(r.status).toBe(201);
  return { idPendenza, numeroAvviso: r.body.numeroAvviso, causale: body.causale };
}

const pendenzaOf = async (idPendenza: string) =>
  (await call(t.baseUrl, 'GET', `${API}/pendenze/IDA2A01/${idPendenza}`, { auth: basic(IDA2A01) })).body;

/** The Ente opens the cart with Checkout's API and gets the page's address. */
async function openCart(pendenze: { numeroAvviso: string; causale: string }[], session: string): Promise<string> {
  const r = await postCart(simBase, {
    paymentNotices: pendenze.map((p) => ({
      noticeNumber: p.numeroAvviso,
      fiscalCode: '12345678901',
      amount: 10099,
      companyName: 'Ente Creditore Test',
      description: p.causale,
    })),
    returnUrls: returnUrls(session),
    idCart: session,
  });
  expect(r.status).toBe(302);
  return r.location!;
}

/** What the page lists, row by row: Ente, description, notice number, amount. */
const rows = (page: Page) =>
  page
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.replace(/\s+/g, ' ').trim())),
    );

describe('Checkout in a real browser', () => {
  it('lists the cart, pays with the chosen PSP on Paga, lands on returnOkUrl, and the hub has the pendenza ESEGUITA with its receipt', async () => {
    const p = await load();
    const url = await openCart([p], 'S-OK');
    await withPage(browser, async (page) => {
      const res = await page.goto(url);
      expect(res!.status()).toBe(200);
      expect(await page.title()).toBe('Il tuo carrello · pagoPA Checkout (simulatore)');
      expect(await rows(page)).toEqual([[`Ente Creditore Test CF 12345678901`, p.causale, p.numeroAvviso, '100,99 €']]);
      expect(await page.locator('#totale').textContent()).toBe('100,99 €');
      const psps = page.getByRole('radio');
      expect(await psps.count()).toBe(3);
      expect(await page.getByRole('radio', { checked: true }).getAttribute('value')).toBe('SIMPSP01');
      expect(await page.getByRole('button').allTextContents()).toEqual(['Paga', 'Annulla']);

      await page.getByLabel(/Conto corrente/).check();
      await press(page, 'Paga', returnUrls('S-OK').returnOkUrl);
      expect(await page.locator('#path').textContent()).toBe('/esito/ok?sessione=S-OK');
    });
    expect(portal.visits).toContain('/esito/ok?sessione=S-OK');

    const pendenza = await pendenzaOf(p.idPendenza);
    expect(pendenza.stato).toBe('ESEGUITA');
    expect(pendenza.rpp).toHaveLength(1);
    expect(pendenza.rpp[0].stato).toBe('RT_ACCETTATA_PA');
    expect(pendenza.rpp[0].rt).toMatchObject({
      noticeNumber: p.numeroAvviso,
      outcome: 'OK',
      paymentAmount: '100.99',
      idPSP: 'SIMPSP02',
      PSPCompanyName: 'Banca Simulata S.p.A.',
      fee: '0.50',
      paymentNote: 'S-OK',
    });
    const [cart] = sim.carts();
    expect(cart).toMatchObject({
      status: 'PAGATO',
      redirectedTo: returnUrls('S-OK').returnOkUrl,
      notices: [{ payment: { status: 'ESEGUITO' } }],
    });
  });

  it('Annulla lands on returnCancelUrl, pays nothing, and the pendenza is still NON_ESEGUITA', async () => {
    const p = await load();
    const url = await openCart([p], 'S-KO');
    const before = sim.history().length;
    await withPage(browser, async (page) => {
      await page.goto(url);
      await press(page, 'Annulla', returnUrls('S-KO').returnCancelUrl);
    });
    expect(portal.visits).toContain('/esito/annullato?sessione=S-KO');
    expect(await pendenzaOf(p.idPendenza)).toMatchObject({ stato: 'NON_ESEGUITA', rpp: [] });
    expect(sim.history()).toHaveLength(before);
    expect(sim.carts()[0]).toMatchObject({ status: 'ANNULLATO' });
  });

  it('pays a cart of two notices: both listed, both ESEGUITA', async () => {
    const [a, b] = [await load(), await load()];
    const url = await openCart([a, b], 'S-TWO');
    await withPage(browser, async (page) => {
      await page.goto(url);
      expect((await rows(page)).map((r) => [r[2], r[3]])).toEqual([
        [a.numeroAvviso, '100,99 €'],
        [b.numeroAvviso, '100,99 €'],
      ]);
      expect(await page.locator('#totale').textContent()).toBe('201,98 €');
      await press(page, 'Paga', returnUrls('S-TWO').returnOkUrl);
    });
    for (const p of [a, b]) {
      const pendenza = await pendenzaOf(p.idPendenza);
      expect(pendenza.stato).toBe('ESEGUITA');
      expect(pendenza.rpp[0].rt).toMatchObject({ noticeNumber: p.numeroAvviso, outcome: 'OK', paymentNote: 'S-TWO' });
    }
    // One fee for the cart: on the first notice's receipt only.
    expect([(await pendenzaOf(a.idPendenza)).rpp[0].rt.fee, (await pendenzaOf(b.idPendenza)).rpp[0].rt.fee]).toEqual(['1.00', '0.00']);
  });

  it('works with JavaScript disabled: the form alone pays', async () => {
    const p = await load();
    const url = await openCart([p], 'S-NOJS');
    await withPage(
      browser,
      async (page) => {
        await page.goto(url);
        expect(await page.locator('#totale').textContent()).toBe('100,99 €');
        await press(page, 'Paga', returnUrls('S-NOJS').returnOkUrl);
      },
      { javaScriptEnabled: false },
    );
    expect((await pendenzaOf(p.idPendenza)).stato).toBe('ESEGUITA');
  });

  it('a notice the hub does not know fails the cart: returnErrorUrl, the other pendenza unpaid, the page says which and why', async () => {
    const p = await load();
    const unknown = { numeroAvviso: '001999999999999999', causale: 'Avviso inesistente' };
    const url = await openCart([p, unknown], 'S-ERR');
    await withPage(browser, async (page) => {
      await page.goto(url);
      await press(page, 'Paga', returnUrls('S-ERR').returnErrorUrl);
      await page.goBack();
      expect(await page.locator('h1').textContent()).toBe('Pagamento non riuscito');
      const [first, second] = await rows(page);
      expect(first[3]).toMatch(/^Non pagato NON_ESEGUITO: not paid: the cart's notice 001999999999999999 failed$/);
      expect(second[3]).toMatch(/^Non pagato VERIFICA_KO: PPT_ERRORE_EMESSO_DA_PAA \(PAA_PAGAMENTO_SCONOSCIUTO/);
      expect(await page.getByRole('button').count()).toBe(0);
    });
    expect(await pendenzaOf(p.idPendenza)).toMatchObject({ stato: 'NON_ESEGUITA', rpp: [] });
  });

  it('after paying, the page back in history shows the outcome and no button: a cart is paid once', async () => {
    const p = await load();
    const url = await openCart([p], 'S-ONCE');
    await withPage(browser, async (page) => {
      await page.goto(url);
      await press(page, 'Paga', returnUrls('S-ONCE').returnOkUrl);
      await page.goBack();
      expect(await page.locator('h1').textContent()).toBe('Pagamento eseguito');
      expect(await page.locator('#stato').textContent()).toBe('Questo carrello è già stato pagato: non si può pagare di nuovo.');
      expect(await page.getByRole('button').count()).toBe(0);
    });
    expect((await pendenzaOf(p.idPendenza)).rpp).toHaveLength(1);
  });

  it('an unknown cart gets a clear 404 page', async () => {
    await withPage(browser, async (page) => {
      const res = await page.goto(`${simBase}/checkout/c/00000000-0000-0000-0000-000000000000`);
      expect(res!.status()).toBe(404);
      expect(await page.locator('h1').textContent()).toBe('Carrello non trovato');
    });
  });
});
