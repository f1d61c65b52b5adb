import type { Browser, Page } from 'playwright-core';
import { launchBrowser, press, withPage } from './helpers/browser';
import { startCheckoutHub, type CheckoutHub } from './helpers/checkout-hub';
import { call } from './helpers/http';
import type { TestHub } from './helpers/hub';
import { APP, avvia, avviato, faultOf, loadPendenza, pagamento, PV2, riferimento } from './helpers/pagamenti';
import { readPdf } from './helpers/pdf';
import { PAGA_SUL_PORTALE, startPortal, type Portal } from './helpers/portal';
import type { SoapGate } from './helpers/soap-gate';
import { subscriber, untilSubscriptions, type Results, type Subscriber } from './helpers/subscriber';
import { until } from './helpers/until';

/**
 * The citizen's whole journey in a real browser (helpers/browser.ts): the Ente's portal (a tiny
 * real HTTP server) starts the payment of a cart through the hub's graph and sends the browser to
 * pagoPA Checkout (the simulator's page, which the hub opened the cart at); the citizen presses Paga
 * or Annulla, Checkout plays the cart at the hub's station and sends the browser to the hub's
 * return, which sends it on to the portal with the esito. Then the hub is asked what it knows: the
 * payment, the pendenze, the receipt PDF, and the pagamentoAggiornato events a graphql-ws client
 * subscribed to before Paga received.
 */
let hub: CheckoutHub;
let t: TestHub;
let simBase: string;
let gate: SoapGate;
let portal: Portal;
let browser: Browser;
let ws: Subscriber;
let subscriptions = 0;

beforeAll(async () => {
  hub = await startCheckoutHub();
  ({ t, simBase, gate } = hub);
  portal = await startPortal(t);
  browser = await launchBrowser();
  ws = subscriber(t.baseUrl, { connectionParams: { authorization: APP } });
}, 60_000);
afterAll(async () => {
  await ws?.dispose();
  await browser?.close();
  await portal?.close();
  await hub?.close();
});

const onCheckout = (u: URL) => u.origin === simBase && u.pathname.startsWith('/checkout/c/');
const onPortal = (u: URL) => u.origin === portal.base && u.pathname === '/esito';

/** The citizen presses the portal's button: the portal starts the payment and the browser lands on Checkout. */
async function toCheckout(page: Page, idPendenze: string[], sessione: string) {
  await page.goto(portal.carrello(idPendenze, sessione));
  await press(page, PAGA_SUL_PORTALE, onCheckout);
  const started = portal.avviati.get(sessione)!;
  expect(page.url()).toBe(started.redirect);
  return started;
}

/** A graphql-ws subscription to one payment's changes, open once the hub counts it. */
async function follow(id: string): Promise<Results> {
  const events = ws.subscribe('subscription ($id: ID) { pagamentoAggiornato(id: $id) { id stato pendenze { esito } } }', { id });
  await untilSubscriptions(t, ++subscriptions);
  return events;
}

const statiOf = (events: Results) => events.received.map((e) => e.data?.pagamentoAggiornato?.stato ?? JSON.stringify(e));

/** Where the browser landed on the portal: the query the hub added. */
const landedOn = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);

const pendenzaOf = async (idPendenza: string) =>
  (await call(t.baseUrl, 'GET', `${PV2}/pendenze/IDA2A01/${idPendenza}`, { auth: APP })).body;

/** The ricevuta as a person reads it: API Pendenze v2's /rt as application/pdf, back to text. */
async function ricevuta(v: { iuv: string; ccp: string }): Promise<string> {
  const res = await fetch(`${t.baseUrl}${PV2}/rpp/12345678901/${v.iuv}/${encodeURIComponent(v.ccp)}/rt`, {
    headers: { authorization: APP, accept: 'application/pdf' },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/pdf/);
  return readPdf(Buffer.from(await res.arrayBuffer()))
    .pages.join('\n')
    .replace(/[ \t]+/g, ' ');
}

/** A PSP paying the notice on its own, through the simulated Nodo's control API. */
async function pspPays(numeroAvviso: string) {
  const res = await fetch(`${simBase}/api/payments?wait=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fiscalCode: '12345678901', noticeNumber: numeroAvviso }),
  });
  expect(res.status).toBe(201);
  return res.json();
}

describe('a payment started on the portal, in a real browser', () => {
  it('a cart of one: Paga, back on the portal with esito=OK; the payment ESEGUITO, the pendenza ESEGUITA, the ricevuta PDF, the event', async () => {
    const p = await loadPendenza(t);
    await withPage(browser, async (page) => {
      const started = await toCheckout(page, [p.idPendenza], 'S-OK');
      expect(await page.locator('tbody tr').allInnerTexts()).toEqual([expect.stringContaining(p.numeroAvviso)]);
      expect(await page.locator('#totale').textContent()).toBe('100,99 €');
      const events = await follow(started.id);

      await page.getByLabel(/Conto corrente/).check();
      await press(page, 'Paga', onPortal);
      expect(landedOn(page)).toEqual({ idSession: started.idSession, esito: 'OK' });
      expect(await page.locator('#esito').textContent()).toBe('OK');

      const s = await pagamento(t, started.id);
      expect(s).toMatchObject({ stato: 'ESEGUITO', esitoRitorno: 'OK', importo: '100.99', idSessionePortale: 'S-OK' });
      expect(s.pendenze).toEqual([
        expect.objectContaining({ iuv: p.iuv, esito: 'ESEGUITO', pendenza: { idA2A: 'IDA2A01', idPendenza: p.idPendenza } }),
      ]);
      expect(await pendenzaOf(p.idPendenza)).toMatchObject({
        stato: 'ESEGUITA',
        rpp: [{ rt: { idPSP: 'SIMPSP02', paymentNote: started.idSession } }],
      });

      const text = await ricevuta(s.pendenze[0]);
      for (const expected of [
        'RICEVUTA DI PAGAMENTO',
        'PAGAMENTO ESEGUITO',
        '100,99 €',
        p.iuv,
        s.pendenze[0].ccp,
        'Banca Simulata S.p.A.',
      ]) {
        expect(text).toContain(expected);
      }

      await until('the ESEGUITO event', () => statiOf(events).includes('ESEGUITO'));
      expect(statiOf(events).every((stato) => stato === 'ESEGUITO')).toBe(true);
    });
  });

  it('a cart of two: both listed and paid, the payment ESEGUITO, each pendenza ESEGUITA with its own ricevuta', async () => {
    const [a, b] = [
      await loadPendenza(t),
      await loadPendenza(t, {
        importo: 20.5,
        voci: [{ idVocePendenza: '1', importo: 20.5, descrizione: 'Bollo', codEntrata: 'SEGRETERIA' }],
      }),
    ];
    await withPage(browser, async (page) => {
      const started = await toCheckout(page, [a.idPendenza, b.idPendenza], 'S-TWO');
      expect(await page.locator('#totale').textContent()).toBe('121,49 €');
      const events = await follow(started.id);
      await press(page, 'Paga', onPortal);
      expect(landedOn(page)).toEqual({ idSession: started.idSession, esito: 'OK' });

      const s = await pagamento(t, started.id);
      expect(s).toMatchObject({ stato: 'ESEGUITO', importo: '121.49' });
      expect(s.pendenze.map((v: any) => [v.iuv, v.esito])).toEqual([
        [a.iuv, 'ESEGUITO'],
        [b.iuv, 'ESEGUITO'],
      ]);
      for (const id of [a.idPendenza, b.idPendenza]) expect((await pendenzaOf(id)).stato).toBe('ESEGUITA');
      const [ra, rb] = [await ricevuta(s.pendenze[0]), await ricevuta(s.pendenze[1])];
      expect(ra).toContain(a.iuv);
      expect(ra).toContain('100,99 €');
      expect(rb).toContain(b.iuv);
      expect(rb).toContain('20,50 €');
      await until('the ESEGUITO event', () => statiOf(events).includes('ESEGUITO'));
    });
  });

  it('Annulla: back on the portal with the cancel esito, the payment NON_ESEGUITO, the pendenza NON_ESEGUITA and payable again', async () => {
    const p = await loadPendenza(t);
    await withPage(browser, async (page) => {
      const started = await toCheckout(page, [p.idPendenza], 'S-ANNULLA');
      const events = await follow(started.id);
      await press(page, 'Annulla', onPortal);
      expect(landedOn(page)).toEqual({ idSession: started.idSession, esito: 'CANCEL' });

      expect(await pagamento(t, started.id)).toMatchObject({
        stato: 'NON_ESEGUITO',
        esitoRitorno: 'CANCEL',
        descrizioneStato: 'Pagamento annullato dal versante su pagoPA Checkout.',
        pendenze: [{ esito: 'NON_ESEGUITO', ccp: null }],
      });
      expect(await pendenzaOf(p.idPendenza)).toMatchObject({ stato: 'NON_ESEGUITA', rpp: [] });
      await until('the NON_ESEGUITO event', () => statiOf(events).includes('NON_ESEGUITO'));
    });

    // Payable again: a new start of the same pendenza, paid this time.
    await withPage(browser, async (page) => {
      const again = await toCheckout(page, [p.idPendenza], 'S-ANNULLA-2');
      await press(page, 'Paga', onPortal);
      expect(landedOn(page)).toEqual({ idSession: again.idSession, esito: 'OK' });
      expect((await pagamento(t, again.id)).stato).toBe('ESEGUITO');
    });
    expect(await pendenzaOf(p.idPendenza)).toMatchObject({ stato: 'ESEGUITA', rpp: [{ rt: { outcome: 'OK' } }] });
  });

  it('while the cart is in progress: the same start again gets it back, another cart is PAG_014, a PSP trying the notice PAA_PAGAMENTO_IN_CORSO', async () => {
    const p = await loadPendenza(t);
    await withPage(browser, async (page) => {
      const started = await toCheckout(page, [p.idPendenza], 'S-IN-CORSO');

      const twice = avviato(await avvia(t, [riferimento(p)], { urlRitorno: portal.esitoUrl, idSessionePortale: 'S-IN-CORSO' }));
      expect(twice).toMatchObject({ created: false, redirect: started.redirect, pagamento: { id: started.id } });
      const other = faultOf(await avvia(t, [riferimento(p)], { urlRitorno: portal.esitoUrl, idSessionePortale: 'ALTRA-SCHEDA' }));
      expect(other).toMatchObject({ codice: 'PAG_014', status: 422 });

      // Checkout activates the notice; its receipt waits at the gate while a PSP tries the same notice.
      gate.hold();
      const paid = press(page, 'Paga', onPortal);
      try {
        await until('Checkout activated the notice and its receipt is on the way', () => gate.held === 1);
        const psp = await pspPays(p.numeroAvviso);
        expect(psp.status).toBe('VERIFICA_KO');
        expect(psp.nodoFault).toMatchObject({
          originalFaultCode: 'PAA_PAGAMENTO_IN_CORSO',
          originalDescription: `Pagamento in corso [CCP:${started.idSession}].`,
        });
        expect(faultOf(await avvia(t, [riferimento(p)], { urlRitorno: portal.esitoUrl, idSessionePortale: 'TERZA-SCHEDA' }))).toMatchObject(
          { codice: 'PAG_014' },
        );
      } finally {
        gate.release();
      }
      await paid;
      expect(landedOn(page)).toEqual({ idSession: started.idSession, esito: 'OK' });
      expect((await pagamento(t, started.id)).stato).toBe('ESEGUITO');
    });
    // Paid once: Checkout's receipt only.
    expect((await pendenzaOf(p.idPendenza)).rpp).toHaveLength(1);
  });
});
