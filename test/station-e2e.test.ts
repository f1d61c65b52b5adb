import { OutboxJob, Pendenza, Rpp } from '../schema/entities';
import type { PaymentRecord } from '../simulator';
import { STATION_PATH } from '../pagopa';
import { numeroAvvisoFor } from '../subgraphs/pendenze/domain/iuv';
import { EnteDouble } from './helpers/ente-double';
import { nuovaPendenza, verticale, VERTICALE } from './helpers/fixtures';
import { basic, BO, call, GPADMIN, recordExchange } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { closeSimulators, NODO_AUTH, simulatorFor } from './helpers/simulator';
import { STATION_XSD } from './helpers/xsd';
import { until } from './helpers/until';

/**
 * A PSP-initiated payment end to end, as the Nodo plays it: the simulator calls the hub's real
 * station over HTTP (verify, activation, receipt), answers are validated with xmllint against the
 * station's XSD (and recorded for the conformance suite, which checks them against pagoPA's),
 * the Ente's system is a real HTTP server. Scenarios S10–S12 of GovPay's behaviour notes, and the
 * receipt faults: replays, 50 concurrent deliveries, a wrong amount, a double payment.
 */
let t: TestHub;
let ente: EnteDouble;
let stationUrl: string;
const ADMIN = basic(GPADMIN);
let seq = 0;
const newId = () => `E2E-${Date.now()}-${++seq}`;

beforeAll(async () => {
  [t, ente] = await Promise.all([startHub({ OUTBOX_POLL_MS: '100' }), new EnteDouble().start()]);
  stationUrl = `${t.baseUrl}${STATION_PATH}`;
});
afterAll(async () => {
  await closeSimulators();
  await ente?.stop();
  await t?.close();
});
beforeEach(() => ente.reset());

/** The Ente's applicazione, configured through the Backoffice like an operator does it. */
async function applicazione(versioneApi: 'REST v1' | 'REST v2') {
  const r = await call(t.baseUrl, 'PUT', `${BO}/applicazioni/VERTICALE`, {
    auth: ADMIN,
    body: verticale(ente.url, versioneApi),
  });
  expect({ status: r.status < 300 ? 'ok' : r.status, body: r.status < 300 ? undefined : r.body }).toEqual({ status: 'ok' });
}

async function load(over: Record<string, unknown> = {}) {
  const id = newId();
  const r = await call(t.baseUrl, 'PUT', `/govpay/backend/api/pendenze/rs/basic/v2/pendenze/VERTICALE/${id}`, {
    auth: basic(VERTICALE),
    body: nuovaPendenza(id, over),
  });
  expect(r.status).toBe(201);
  return { idPendenza: id, numeroAvviso: r.body.numeroAvviso as string, iuv: (r.body.numeroAvviso as string).slice(3) };
}

const pendenzaOf = (idPendenza: string) =>
  call(t.baseUrl, 'GET', `/govpay/backend/api/pendenze/rs/basic/v2/pendenze/VERTICALE/${idPendenza}`, { auth: basic(VERTICALE) });

/** Each SOAP exchange of a payment, kept for the conformance suite (pagoPA's XSD). */
function recorded(p: PaymentRecord): PaymentRecord {
  for (const s of p.steps) {
    recordExchange('station', { method: 'POST', path: s.operation, status: s.httpStatus ?? 0, body: { request: s.requestXml, response: s.responseXml } });
  }
  return p;
}

const pay = async (numeroAvviso: string, more: Record<string, unknown> = {}) =>
  recorded(await simulatorFor(stationUrl, { xsdPath: STATION_XSD }).pay({ fiscalCode: '12345678901', noticeNumber: numeroAvviso, ...more } as never));

/** The receipt the simulator delivered, as another delivery of the Nodo (the same bytes). */
const receiptOf = (p: PaymentRecord) => p.steps.find((s) => s.operation.startsWith('paSendRT'))!;

async function soap(action: string, body: string) {
  const res = await fetch(stationUrl, {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${action}"`, authorization: basic(NODO_AUTH) },
    body,
  });
  return { status: res.status, text: await res.text() };
}

describe('S10: a PSP pays an avviso, the Ente is notified through REST v1', () => {
  it('verify, paGetPayment (V1), paSendRT: ESEGUITA, its rpp, POST /pagamenti to the Ente', async () => {
    await applicazione('REST v1');
    const p = await load();
    const payment = await pay(p.numeroAvviso, { version: 'V1' });
    expect(payment.status).toBe('ESEGUITO');
    expect(payment.steps.map((s) => [s.operation, s.outcome, s.xsd.verdict])).toEqual([
      ['paVerifyPaymentNotice', 'OK', 'valid'],
      ['paGetPayment', 'OK', 'valid'],
      ['paSendRT', 'OK', 'valid'],
    ]);

    const detail = (await pendenzaOf(p.idPendenza)).body;
    expect(detail).toMatchObject({ stato: 'ESEGUITA', voci: [{ stato: 'Eseguito' }] });
    expect(detail.dataPagamento).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(detail.rpp).toHaveLength(1);
    expect(detail.rpp[0]).toMatchObject({ stato: 'RT_ACCETTATA_PA' });
    expect(detail.rpp[0].rt).toMatchObject({ receiptId: payment.token!.paymentToken, creditorReferenceId: p.iuv, outcome: 'OK', paymentAmount: '100.99' });

    const notified = await until('the notification', () => ente.calls.find((c) => c.method === 'POST'));
    expect(notified.path).toBe(`/pagamenti/12345678901/${p.iuv}`);
    expect(notified.body).toMatchObject({
      idA2A: 'VERTICALE',
      idPendenza: p.idPendenza,
      rpt: {
        creditorReferenceId: p.iuv,
        paymentAmount: '100.99',
        companyName: 'Ente Creditore Test',
        transferList: {
          transfer: [
            {
              idTransfer: 1,
              transferAmount: '100.99',
              fiscalCodePA: '12345678901',
              IBAN: 'IT02L1234512345123451111111',
              remittanceInformation: `/RFB/${p.iuv}/100.99/TXT/Diritti e segreteria`,
            },
          ],
        },
      },
      rt: { noticeNumber: p.numeroAvviso, fiscalCode: '12345678901', outcome: 'OK', creditorReferenceId: p.iuv, paymentAmount: '100.99' },
    });

    // Paid: the next PSP is told so, with the date and the receipt.
    const again = await pay(p.numeroAvviso);
    expect(again.status).toBe('VERIFICA_KO');
    expect(again.steps[0].fault).toMatchObject({ faultCode: 'PAA_PAGAMENTO_DUPLICATO', id: '12345678901' });
    expect(again.steps[0].fault?.description).toContain(detail.rpp[0].rt.receiptId);
  });
});

describe('S11: REST v2, PUT /ricevute', () => {
  it('notifies the receipt as GovPay’s Ricevuta', async () => {
    await applicazione('REST v2');
    const p = await load();
    const payment = await pay(p.numeroAvviso);
    expect(payment.status).toBe('ESEGUITO');
    const ccp = receiptOf(payment).requestXml.match(/<receiptId>([^<]+)</)![1];
    const notified = await until('the notification', () => ente.calls.find((c) => c.method === 'PUT'));
    expect(notified.path).toBe(`/ricevute/12345678901/${p.iuv}/${ccp}`);
    expect(notified.body).toMatchObject({
      dominio: { idDominio: '12345678901', ragioneSociale: 'Ente Creditore Test' },
      iuv: p.iuv,
      idRicevuta: ccp,
      importo: 100.99,
      esito: 'ESEGUITO',
      pendenza: { idA2A: 'VERTICALE', idPendenza: p.idPendenza, numeroAvviso: p.numeroAvviso },
    });
    expect((await pendenzaOf(p.idPendenza)).body.rpp[0].stato).toBe('RT_ACCETTATA_PA');
  });
});

describe('S12: a notice the hub does not hold is verified with the Ente', () => {
  /** An avviso of the applicazione's codifica (IUVs starting 35) that only the Ente knows. */
  const enteOnlyNotice = () => numeroAvvisoFor('0', `35${String(Date.now() + ++seq).slice(-11)}`, { applicationCode: '01' });

  it('saves what the Ente returns and takes the payment', async () => {
    await applicazione('REST v2');
    const n = enteOnlyNotice();
    const idPendenza = newId();
    ente.answer = (c) =>
      c.method === 'GET' && c.path === `/avvisi/12345678901/${n.numeroAvviso}`
        ? { status: 200, body: { stato: 'NON_ESEGUITA', pendenza: { ...nuovaPendenza(idPendenza), idA2A: 'VERTICALE', idPendenza, numeroAvviso: n.numeroAvviso } } }
        : { status: 200 };
    const payment = await pay(n.numeroAvviso);
    expect(payment.status).toBe('ESEGUITO');
    expect(ente.calls.filter((c) => c.method === 'GET')).toHaveLength(1);
    expect((await pendenzaOf(idPendenza)).body).toMatchObject({ stato: 'ESEGUITA', numeroAvviso: n.numeroAvviso });
  });

  it('an Ente answering another amount is a PAA_SYSTEM_ERROR and nothing is saved', async () => {
    await applicazione('REST v2');
    const n = enteOnlyNotice();
    const idPendenza = newId();
    ente.answer = () => ({
      status: 200,
      body: {
        stato: 'NON_ESEGUITA',
        pendenza: { ...nuovaPendenza(idPendenza), idA2A: 'VERTICALE', idPendenza, numeroAvviso: n.numeroAvviso, importo: 5, voci: [{ idVocePendenza: '1', importo: 5, descrizione: 'x', codEntrata: 'SEGRETERIA' }] },
      },
    });
    const payment = await pay(n.numeroAvviso, { amount: '100.99', skipVerify: true });
    expect(payment.status).toBe('ATTIVAZIONE_KO');
    expect(payment.steps[0].fault).toMatchObject({ faultCode: 'PAA_SYSTEM_ERROR', id: '12345678901' });
    expect(payment.steps[0].fault?.description).toContain('importo');
    expect(await t.hub.orm.em.fork().count(Pendenza, { idPendenza })).toBe(0);
  });
});

describe('receipts: replays, concurrency, wrong amounts, double payments, stand-in', () => {
  /** A receipt of `to`, made from one delivered for `from` (same amount and structure). */
  const retarget = (xml: string, from: { numeroAvviso: string; iuv: string }, to: { numeroAvviso: string; iuv: string }, receiptId: string) =>
    xml.replaceAll(from.numeroAvviso, to.numeroAvviso).replaceAll(from.iuv, to.iuv).replace(/<receiptId>[^<]+</, `<receiptId>${receiptId}<`);

  it('the same receipt again is acknowledged and recorded once', async () => {
    await applicazione('REST v2');
    const p = await load();
    const payment = await pay(p.numeroAvviso, { send: 2 });
    expect(payment.status).toBe('ESEGUITO');
    const deliveries = payment.steps.filter((s) => s.operation === 'paSendRTV2');
    expect(deliveries.map((s) => s.outcome)).toEqual(['OK', 'OK']);
    const em = t.hub.orm.em.fork();
    expect(await em.count(Rpp, { iuv: p.iuv })).toBe(1);
    expect(await em.count(OutboxJob, { tipo: 'NOTIFICA_RICEVUTA', chiave: { $like: `%:${p.iuv}:%` } })).toBe(1);
  });

  it('50 concurrent identical paSendRT: one payment, all acknowledged', async () => {
    await applicazione('REST v2');
    const first = await load();
    const template = receiptOf(await pay(first.numeroAvviso)).requestXml;
    const target = await load();
    const body = retarget(template, first, target, `conc${Date.now()}`);
    const answers = await Promise.all(Array.from({ length: 50 }, () => soap('paSendRTV2', body)));
    expect(answers.every((a) => a.status === 200 && a.text.includes('<outcome>OK</outcome>'))).toBe(true);
    const em = t.hub.orm.em.fork();
    expect(await em.count(Rpp, { iuv: target.iuv })).toBe(1);
    expect(await em.count(OutboxJob, { tipo: 'NOTIFICA_RICEVUTA', chiave: { $like: `%:${target.iuv}:%` } })).toBe(1);
    expect((await pendenzaOf(target.idPendenza)).body.stato).toBe('ESEGUITA');
  });

  it('a receipt whose amount differs from the pendenza is refused (PAA_SEMANTICA) and changes nothing', async () => {
    await applicazione('REST v2');
    const first = await load();
    const template = receiptOf(await pay(first.numeroAvviso)).requestXml;
    const target = await load();
    const body = retarget(template, first, target, `amt${Date.now()}`).replaceAll('>100.99<', '>90.99<').replaceAll('/100.99/', '/90.99/');
    const answer = await soap('paSendRTV2', body);
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('<outcome>KO</outcome>');
    expect(answer.text).toContain('<faultCode>PAA_SEMANTICA</faultCode>');
    expect(await t.hub.orm.em.fork().count(Rpp, { iuv: target.iuv })).toBe(0);
    expect((await pendenzaOf(target.idPendenza)).body).toMatchObject({ stato: 'NON_ESEGUITA', rpp: [] });
  });

  it('a second, different receipt for a paid pendenza is kept as a double payment', async () => {
    await applicazione('REST v2');
    const p = await load();
    const template = receiptOf(await pay(p.numeroAvviso)).requestXml;
    const second = retarget(template, p, p, `dup${Date.now()}`);
    const answer = await soap('paSendRTV2', second);
    expect(answer.text).toContain('<outcome>OK</outcome>');
    const rpps = await t.hub.orm.em.fork().find(Rpp, { iuv: p.iuv }, { orderBy: { id: 'asc' } });
    expect(rpps.map((r) => r.duplicato)).toEqual([false, true]);
    expect((await pendenzaOf(p.idPendenza)).body.stato).toBe('ESEGUITA');
  });

  it('a stand-in receipt is accepted and flagged', async () => {
    await applicazione('REST v2');
    const p = await load();
    const payment = await pay(p.numeroAvviso, { standIn: true });
    expect(payment.status).toBe('ESEGUITO');
    const rpp = await t.hub.orm.em.fork().findOneOrFail(Rpp, { iuv: p.iuv });
    expect(rpp.standIn).toBe(true);
  });

  it('a wrong Nodo password is refused before anything is read, and changes nothing', async () => {
    await applicazione('REST v2');
    const p = await load();
    const payment = recorded(await simulatorFor(stationUrl, { xsdPath: STATION_XSD, nodoAuth: { user: 'ndpsym', password: 'Sbagliata1!' } }).pay({ fiscalCode: '12345678901', noticeNumber: p.numeroAvviso }));
    expect(payment.status).not.toBe('ESEGUITO');
    expect(payment.steps[0].httpStatus).toBe(401);
    expect((await pendenzaOf(p.idPendenza)).body.stato).toBe('NON_ESEGUITA');
  });
});
