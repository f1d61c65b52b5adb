import { OutboxJob, PagamentoPortale, PagamentoPortalePendenza } from '../schema/entities';
import { STATION_PATH } from '../pagopa';
import { CheckoutDouble } from './helpers/checkout-double';
import { basic, BO, call, gql, GPADMIN } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { APP, avvia, avviato, avviso, faultOf, loadPendenza, pagamento, PORTALE, riferimento } from './helpers/pagamenti';
import { closeSimulators, simulatorFor } from './helpers/simulator';
import { soapGate } from './helpers/soap-gate';
import { subscriber, untilSubscriptions, type Subscriber } from './helpers/subscriber';
import { until } from './helpers/until';

/**
 * What happens to a payment after Checkout opened its cart: the attempts pagoPA makes at the real
 * station (the simulator plays Checkout's own, and a PSP's second attempt meanwhile), the state
 * the receipts give the session, the pagamentoAggiornato events over a real graphql-ws client,
 * the return to the portal (once, signed), and the carts abandoned at Checkout, closed by the
 * sweep of two instances on one database, whose late receipt still counts.
 */
let t: TestHub;
let checkout: CheckoutDouble;
const open: Subscriber[] = [];

beforeAll(async () => {
  checkout = await new CheckoutDouble().start();
  t = await startHub({ CHECKOUT_URL: checkout.url, OUTBOX_POLL_MS: '100' });
});
afterAll(async () => {
  await Promise.all(open.map((s) => s.dispose()));
  await closeSimulators();
  await t?.close();
  await checkout?.stop();
});

const station = (hub: TestHub) => simulatorFor(`${hub.baseUrl}${STATION_PATH}`);
const pay = (hub: TestHub, numeroAvviso: string, more: Record<string, unknown> = {}) =>
  station(hub).pay({ fiscalCode: '12345678901', noticeNumber: numeroAvviso, ...more } as never);

/** The return URLs the hub gave Checkout for a payment. */
function returnUrlsOf(idSession: string): { returnOkUrl: string; returnCancelUrl: string; returnErrorUrl: string } {
  const cart = checkout.carts.find((c) => c.body.idCart === idSession);
  if (!cart) throw new Error(`no cart ${idSession} at Checkout`);
  return cart.body.returnUrls;
}

/** The browser following a return URL (to this hub, whatever host the URL names), not following the redirect. */
async function follow(hub: TestHub, url: string, method = 'GET') {
  const res = await fetch(`${hub.baseUrl}${new URL(url).pathname}`, { method, redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location'), type: res.headers.get('content-type'), text: await res.text() };
}

const eventiDi = async (hub: TestHub, id: string) =>
  (await hub.hub.orm.em.fork().find(OutboxJob, { chiave: { $like: `evento:pagamentoAggiornato:${id}:%` } })).length;

describe('receipts at the station', () => {
  it("Checkout's attempt succeeds, a second attempt meanwhile is PAA_PAGAMENTO_IN_CORSO, the receipts settle the session; pagamentoAggiornato follows", async () => {
    const s = subscriber(t.baseUrl, { connectionParams: { authorization: APP } });
    open.push(s);
    const events = s.subscribe('subscription { pagamentoAggiornato(idDominio: "12345678901") { id stato pendenze { esito ccp } } }');
    await untilSubscriptions(t, 1);

    const [p1, p2] = [await loadPendenza(t), await loadPendenza(t)];
    const { pagamento: p } = avviato(await avvia(t, [riferimento(p1), avviso(p2)]));
    // A portal follows its payment by the global id it holds (from the receipts on: the start was announced already).
    await until('the start announced', () => events.received.some((e) => e.data?.pagamentoAggiornato.id === p.id));
    const byId = 'subscription ($id: ID) { pagamentoAggiornato(id: $id) { id idPagamento stato } }';
    const mine = s.subscribe(byId, { id: p.id });
    const byGovPayId = s.subscribe(byId, { id: p.idPagamento });
    await untilSubscriptions(t, 3);

    // Checkout pays the first notice; its PSP takes its time between the activation and the receipt.
    const checkoutAttempt = station(t).start({ fiscalCode: '12345678901', noticeNumber: p1.numeroAvviso, receiptDelayMs: 1500 });
    await until('the activation by Checkout', () => checkoutAttempt.record.steps.some((st) => st.operation.startsWith('paGetPayment')));
    const second = await pay(t, p1.numeroAvviso);
    expect(second.status).toBe('VERIFICA_KO');
    expect(second.nodoFault).toMatchObject({
      originalFaultCode: 'PAA_PAGAMENTO_IN_CORSO',
      originalFaultString: 'Pagamento in attesa risulta in corso all’Ente Creditore.',
      originalDescription: `Pagamento in corso [CCP:${p.idSession}].`,
    });
    await checkoutAttempt.done;
    expect(checkoutAttempt.record.status).toBe('ESEGUITO');
    const half = await pagamento(t, p.id);
    expect(half.stato).toBe('IN_CORSO');
    expect(half.pendenze.map((v: any) => [v.esito, v.ccp])).toEqual([
      ['ESEGUITO', checkoutAttempt.record.receipt!.receiptId],
      ['IN_CORSO', null],
    ]);

    const secondNotice = await pay(t, p2.numeroAvviso);
    expect(secondNotice.status).toBe('ESEGUITO');
    expect((await pagamento(t, p.id)).stato).toBe('ESEGUITO');
    // Over: nothing is held any more; the notice is simply paid.
    const verify = await station(t).verify({ fiscalCode: '12345678901', noticeNumber: p1.numeroAvviso });
    expect(verify.step.fault?.faultCode).toBe('PAA_PAGAMENTO_DUPLICATO');
    const rpps = await gql(
      t.baseUrl,
      'query ($id: String) { rpps(filter: { idPagamento: $id }) { nodes { iuv } } }',
      { id: p.idPagamento },
      APP,
    );
    expect(rpps.body.data.rpps.nodes.map((n: any) => n.iuv).sort()).toEqual([p1.iuv, p2.iuv].sort());

    // One event per change (started, first receipt, second receipt), each read as the subscriber may see it.
    expect(await eventiDi(t, p.idPagamento)).toBe(3);
    await until('the ESEGUITO event', () =>
      events.received.some((e) => e.data?.pagamentoAggiornato.id === p.id && e.data.pagamentoAggiornato.stato === 'ESEGUITO'),
    );
    await until('three events of the payment', () => events.received.filter((e) => e.data?.pagamentoAggiornato.id === p.id).length >= 3);
    expect(events.received.filter((e) => e.data?.pagamentoAggiornato.id === p.id)).toHaveLength(3);
    await until('the two receipts, by id', () => mine.received.length >= 2);
    expect(mine.received.map((e) => e.data?.pagamentoAggiornato)).toEqual([
      { id: p.id, idPagamento: p.idPagamento, stato: 'IN_CORSO' },
      { id: p.id, idPagamento: p.idPagamento, stato: 'ESEGUITO' },
    ]);
    expect(byGovPayId.received).toEqual([]);
  });

  it('a verify before Checkout activated the notice is answered (Checkout verifies first)', async () => {
    const p1 = await loadPendenza(t);
    avviato(await avvia(t, [riferimento(p1)]));
    const verify = await station(t).verify({ fiscalCode: '12345678901', noticeNumber: p1.numeroAvviso });
    expect(verify.step.outcome).toBe('OK');
  });
});

describe('the return to the portal', () => {
  it("without a urlRitorno in the request, returns to the portal's configured address, else the Ente's (several portals, one Ente)", async () => {
    const ENTE = 'https://www.ente.example/pagopa/esito';
    const ADMIN = basic(GPADMIN);
    const DOMINIO_INPUT = 'ragioneSociale gln stazione: idStazione auxDigit abilitato scaricaFr';
    const saveDominio = async (urlRitorno: string | null) => {
      const { body } = await gql(t.baseUrl, `{ dominio(idDominio: "12345678901") { ${DOMINIO_INPUT} } }`, {}, ADMIN);
      const r = await gql(
        t.baseUrl,
        'mutation ($input: SalvaDominioInput!) { salvaDominio(input: $input) { dominio { urlRitorno } } }',
        { input: { ...body.data.dominio, idDominio: '12345678901', urlRitorno } },
        ADMIN,
      );
      expect(r.body.data.salvaDominio.dominio.urlRitorno).toBe(urlRitorno);
    };
    const cancelled = async (auth: string) => {
      const { pagamento: p } = avviato(await avvia(t, [riferimento(await loadPendenza(t))], { urlRitorno: null }, auth));
      const back = await follow(t, returnUrlsOf(p.idSession).returnCancelUrl);
      expect(back.status).toBe(303);
      return back.location!.replace(p.idSession, '<idSession>');
    };
    const portale = basic({ user: 'portale-esiti', password: 'Password3!' });
    const app = await call(t.baseUrl, 'PUT', `${BO}/applicazioni/PORTALE3`, {
      auth: ADMIN,
      body: {
        principal: 'portale-esiti',
        password: 'Password3!',
        domini: ['12345678901'],
        tipiPendenza: ['*'],
        acl: [{ servizio: 'Pagamenti', autorizzazioni: ['R', 'W'] }],
        urlRitorno: 'https://portale3.example/esito',
      },
    });
    expect(app.status).toBe(201);

    // Neither the request, nor IDA2A01, nor the Ente names one: refused, nothing started.
    const refused = faultOf(await avvia(t, [riferimento(await loadPendenza(t))], { urlRitorno: null }));
    expect(refused).toMatchObject({ codice: 'SINTASSI', dettaglio: 'Il campo urlRitorno non deve essere vuoto.' });
    await saveDominio(ENTE);
    try {
      expect(await cancelled(APP)).toBe(`${ENTE}?idSession=<idSession>&esito=CANCEL`);
      expect(await cancelled(portale)).toBe('https://portale3.example/esito?idSession=<idSession>&esito=CANCEL');
    } finally {
      await saveDominio(null);
    }
  });

  it('sends the browser on with idSession and esito (DIFFERITO before the receipt), once; forged or reused links get a page', async () => {
    const p1 = await loadPendenza(t);
    const { pagamento: p } = avviato(await avvia(t, [riferimento(p1)], { urlRitorno: `${PORTALE}?lang=it&idSession=vecchio` }));
    const urls = returnUrlsOf(p.idSession);

    const head = await follow(t, urls.returnOkUrl, 'HEAD');
    expect(head.status).toBe(405);

    const forged = [
      urls.returnOkUrl.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      urls.returnOkUrl.replace('.ok.', '.cancel.'),
      urls.returnOkUrl.replace(p.idPagamento, 'f'.repeat(32)),
      `${urls.returnOkUrl.slice(0, urls.returnOkUrl.lastIndexOf('/'))}/niente`,
    ];
    for (const url of forged) {
      const r = await follow(t, url);
      expect({ status: r.status, location: r.location }).toEqual({ status: 400, location: null });
      expect(r.type).toMatch(/^text\/html/);
      expect(r.text).toContain('Il collegamento di ritorno da pagoPA non e&#39; valido.');
    }
    expect((await pagamento(t, p.id)).esitoRitorno).toBeNull();

    const ok = await follow(t, urls.returnOkUrl);
    expect(ok.status).toBe(303);
    const location = new URL(ok.location!);
    expect(`${location.origin}${location.pathname}`).toBe(PORTALE);
    expect(Object.fromEntries(location.searchParams)).toEqual({ lang: 'it', idSession: p.idSession, esito: 'DIFFERITO' });
    expect(await pagamento(t, p.id)).toMatchObject({ stato: 'IN_CORSO', esitoRitorno: 'DIFFERITO' });

    for (const url of [urls.returnOkUrl, urls.returnCancelUrl]) {
      const again = await follow(t, url);
      expect({ status: again.status, location: again.location }).toEqual({ status: 410, location: null });
      expect(again.text).toContain('gia&#39; stato usato');
    }
    expect((await pagamento(t, p.id)).stato).toBe('IN_CORSO');
  });

  it('after the receipt: esito OK', async () => {
    const p1 = await loadPendenza(t);
    const { pagamento: p } = avviato(await avvia(t, [avviso(p1)]));
    expect((await pay(t, p1.numeroAvviso)).status).toBe('ESEGUITO');
    const ok = await follow(t, returnUrlsOf(p.idSession).returnOkUrl);
    expect(new URL(ok.location!).searchParams.get('esito')).toBe('OK');
    expect(await pagamento(t, p.id)).toMatchObject({ stato: 'ESEGUITO', esitoRitorno: 'OK' });
  });

  it.each([
    ['cancelled', 'returnCancelUrl' as const, 'CANCEL', 'Pagamento annullato dal versante su pagoPA Checkout.'],
    ['failed', 'returnErrorUrl' as const, 'ERROR', 'pagoPA Checkout ha segnalato un errore nel pagamento.'],
  ])('%s at Checkout: esito %s, the session NON_ESEGUITO, its pendenza still payable', async (_what, which, esito, descrizione) => {
    const p1 = await loadPendenza(t);
    const { pagamento: p } = avviato(await avvia(t, [riferimento(p1)]));
    const back = await follow(t, returnUrlsOf(p.idSession)[which]);
    expect(new URL(back.location!).searchParams.get('esito')).toBe(esito);
    expect(await pagamento(t, p.id)).toMatchObject({
      stato: 'NON_ESEGUITO',
      esitoRitorno: esito,
      descrizioneStato: descrizione,
      pendenze: [{ esito: 'NON_ESEGUITO' }],
    });
    // Free again: a new payment of it starts, and a PSP's payment of it goes through.
    expect(avviato(await avvia(t, [riferimento(p1)])).created).toBe(true);
    const other = await t.hub.orm.em
      .fork()
      .findOne(PagamentoPortale, { idPagamento: { $ne: p.idPagamento }, pendenze: { idPendenza: p1.idPendenza }, stato: 'IN_CORSO' });
    expect(other?.stato).toBe('IN_CORSO');
  });
});

describe('carts abandoned at Checkout', () => {
  let a: TestHub;
  let b: TestHub;
  beforeAll(async () => {
    const env = {
      CHECKOUT_URL: checkout.url,
      PAYMENT_SESSION_TIMEOUT_SECONDS: '1',
      PAYMENT_SESSION_SWEEP_MS: '100',
      OUTBOX_POLL_MS: '100',
    };
    a = await startHub(env);
    const db = a.hub.config.database;
    b = await startHub({ ...env, DATABASE_URL: db.dialect === 'sqlite' ? `sqlite:${db.path}` : db.url });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('are closed NON_ESEGUITO after the timeout, once though two instances sweep, their pendenze free', async () => {
    const p1 = await loadPendenza(a);
    const { pagamento: p } = avviato(await avvia(a, [riferimento(p1)]));
    await until('the abandoned cart closed', async () => (await pagamento(a, p.id)).stato === 'NON_ESEGUITO', 10_000);
    expect((await pagamento(b, p.id)).descrizioneStato).toBe('Tentativo di pagamento scaduto dopo timeout di 1 secondi.');
    expect(await eventiDi(a, p.idPagamento)).toBe(2);
    const held = await a.hub.orm.em.fork().count(PagamentoPortalePendenza, { pendenza: { idPendenza: p1.idPendenza }, inCorso: true });
    expect(held).toBe(0);
    expect((await pay(a, p1.numeroAvviso)).status).toBe('ESEGUITO');
    // Paid by someone else after its session closed without activating it: the session does not claim that payment.
    expect((await pagamento(a, p.id)).stato).toBe('NON_ESEGUITO');
  });

  it("a receipt of Checkout's attempt that arrives after the timeout still counts", async () => {
    // Deterministic on a busy machine: the session is opened with a far deadline, the attempt
    // activates the notice and its receipt is held; only then is the deadline moved into the past.
    const db = a.hub.config.database;
    const patient = await startHub({ CHECKOUT_URL: checkout.url, DATABASE_URL: db.dialect === 'sqlite' ? `sqlite:${db.path}` : db.url });
    const gate = await soapGate(`${a.baseUrl}${STATION_PATH}`);
    try {
      const p1 = await loadPendenza(a);
      const { pagamento: p } = avviato(await avvia(patient, [riferimento(p1)]));
      gate.hold();
      const attempt = simulatorFor(gate.url).start({ fiscalCode: '12345678901', noticeNumber: p1.numeroAvviso });
      await until('the notice activated, its receipt held', () => gate.held === 1, 10_000);
      await a.hub.orm.em.fork().nativeUpdate(PagamentoPortale, { idPagamento: p.idPagamento }, { scadenza: new Date(Date.now() - 1000) });
      await until('the session closed while the PSP pays', async () => (await pagamento(a, p.id)).stato === 'NON_ESEGUITO', 10_000);
      gate.release();
      await attempt.done;
      expect(attempt.record.status).toBe('ESEGUITO');
      expect(await pagamento(a, p.id)).toMatchObject({
        stato: 'ESEGUITO',
        pendenze: [{ esito: 'ESEGUITO', ccp: attempt.record.receipt!.receiptId }],
      });
    } finally {
      gate.release();
      await gate.close();
      await patient.close();
    }
  });
});
