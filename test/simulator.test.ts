import { parseSoap } from '../pagopa/soap/parse';
import { XsdValidator } from '../simulator/xsd/xmllint';
import type { PaymentRecord } from '../simulator';
import { closeSimulators, NODO_AUTH, simulatorFor } from './helpers/simulator';
import { describeIf } from './helpers/skip';
import { NO_OFFICIAL_XSD, OFFICIAL_XSD } from './helpers/xsd';
import { getPaymentOk, ko, responseEnvelope, SAMPLE, sendRTOk, StationDouble, verifyOk } from './helpers/station-double';
import { until } from './helpers/until';

let station: StationDouble;
beforeAll(async () => {
  station = await StationDouble.start();
});
afterAll(() => station.close());
beforeEach(() => station.reset());
afterEach(closeSimulators);

const NOTICE = { fiscalCode: SAMPLE.fiscalCode, noticeNumber: SAMPLE.noticeNumber };
const ops = (r: PaymentRecord) => r.steps.map((s) => s.operation);
const receiptBodies = () => station.requests.filter((r) => r.action.startsWith('paSendRT')).map((r) => r.body);

describe('simulator: the payment of a notice', () => {
  it('verifies, activates with V2 by default, issues a token and delivers the receipt built from the activation', async () => {
    const before = Date.now();
    const r = await simulatorFor(station.url).pay(NOTICE);
    const after = Date.now();
    expect(r.status).toBe('ESEGUITO');
    expect(ops(r)).toEqual(['paVerifyPaymentNotice', 'paGetPaymentV2', 'paSendRTV2']);
    expect(r).toMatchObject({
      version: 'V2',
      idPA: SAMPLE.fiscalCode,
      idBrokerPA: '11111111113',
      idStation: '11111111113_01',
      iuv: SAMPLE.iuv,
      amount: '100.99',
    });
    expect(r.verified).toMatchObject({ amount: '100.99', companyName: 'Ente Creditore Test' });
    expect(r.token!.paymentToken).toMatch(/^[0-9a-f]{32}$/);
    expect(Date.parse(r.token!.expiresAt) - Date.parse(r.token!.issuedAt)).toBe(30 * 60 * 1000);
    expect(r.receipt).toEqual({ receiptId: r.token!.paymentToken, deliveries: [{ delivery: 1, attempts: 1, acknowledged: true }] });

    for (const req of station.requests) {
      expect(req.authorization).toBe(`Basic ${Buffer.from(`${NODO_AUTH.user}:${NODO_AUTH.password}`).toString('base64')}`);
      expect(req.contentType).toBe('text/xml; charset=utf-8');
    }
    const [receipt] = receiptBodies();
    expect(receipt).toContain(
      `<receipt><receiptId>${r.token!.paymentToken}</receiptId><noticeNumber>${SAMPLE.noticeNumber}</noticeNumber><fiscalCode>${SAMPLE.fiscalCode}</fiscalCode><outcome>OK</outcome><creditorReferenceId>${SAMPLE.iuv}</creditorReferenceId><paymentAmount>100.99</paymentAmount>`,
    );
    expect(receipt).toContain(
      '<description>Diritti di segreteria &lt;ufficio&gt;</description><companyName>Ente Creditore Test</companyName>',
    );
    expect(receipt).toContain('<fullName>Mario Rossi &amp; C.</fullName>');
    expect(receipt).toContain(
      `<transfer><idTransfer>1</idTransfer><transferAmount>100.99</transferAmount><fiscalCodePA>${SAMPLE.fiscalCode}</fiscalCodePA><companyName>Ente Creditore Test</companyName><IBAN>${SAMPLE.iban}</IBAN>`,
    );
    expect(receipt).toMatch(
      /<idPSP>SIMPSP01<\/idPSP><PSPCompanyName>PSP Simulatore GovPay Hub<\/PSPCompanyName><idChannel>SIMPSP01_01<\/idChannel>/,
    );
    expect(receipt).toMatch(
      /<paymentMethod>creditCard<\/paymentMethod><fee>1.00<\/fee><paymentDateTime>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d<\/paymentDateTime><applicationDate>\d{4}-\d\d-\d\d<\/applicationDate><transferDate>/,
    );
    expect(receipt).not.toContain('standIn');
    for (const step of r.steps) {
      expect(step).toMatchObject({ httpStatus: 200, outcome: 'OK', xsd: { verdict: 'valid', messages: [] } });
      // Each exchange is timed within the payment, one after the other.
      expect(Number.isInteger(step.durationMs)).toBe(true);
      expect(Date.parse(step.startedAt)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(step.startedAt) + step.durationMs).toBeLessThanOrEqual(after);
      expect(step.requestXml).toContain(`xmlns:pafn="http://pagopa-api.pagopa.gov.it/pa/paForNode.xsd"`);
    }
  });

  it('posts each operation with its name, quoted, as SOAPAction', async () => {
    await simulatorFor(station.url).pay(NOTICE);
    expect(station.requests.map((r) => r.action)).toEqual(['paVerifyPaymentNotice', 'paGetPaymentV2', 'paSendRTV2']);
  });

  it('uses V1 operations for a V1 station, from the configuration or from the request', async () => {
    const sim = simulatorFor(station.url, { stations: { '11111111113_01': 'V1' } });
    expect(ops(await sim.pay(NOTICE))).toEqual(['paVerifyPaymentNotice', 'paGetPayment', 'paSendRT']);
    expect(ops(await sim.pay({ ...NOTICE, version: 'V2' }))).toEqual(['paVerifyPaymentNotice', 'paGetPaymentV2', 'paSendRTV2']);
    expect(ops(await simulatorFor(station.url).pay({ ...NOTICE, version: 'V1' }))).toEqual([
      'paVerifyPaymentNotice',
      'paGetPayment',
      'paSendRT',
    ]);
    const v1Receipt = receiptBodies()[2];
    expect(v1Receipt).toContain('<pafn:paSendRTReq>');
    expect(v1Receipt).not.toContain('<companyName>Ente Creditore Test</companyName><IBAN>');
  });

  it.each([
    [10099, '100.99'],
    [1, '0.01'],
    [99_999_999_999, '999999999.99'],
    [1000, '10.00'],
  ])('writes %i cents as %s in the activation and the receipt', async (cents, text) => {
    station.amountCents = cents;
    const r = await simulatorFor(station.url).pay(NOTICE);
    expect(r).toMatchObject({ status: 'ESEGUITO', amount: text, verified: { amount: text } });
    expect(station.calls('paGetPaymentV2')[0].body).toContain(`<amount>${text}</amount>`);
    expect(receiptBodies()[0]).toContain(`<paymentAmount>${text}</paymentAmount>`);
    expect(receiptBodies()[0]).toContain(`<transferAmount>${text}</transferAmount>`);
  });

  it('pays the amount asked for, as a decimal string or in cents, over the verified one', async () => {
    const sim = simulatorFor(station.url);
    expect((await sim.pay({ ...NOTICE, amount: '12.5' })).amount).toBe('12.50');
    expect((await sim.pay({ ...NOTICE, amountCents: 250 })).amount).toBe('2.50');
    expect(station.calls('paGetPaymentV2').map((c) => /<amount>([^<]*)</.exec(c.body)![1])).toEqual(['12.50', '2.50']);
  });

  it('skips the verify when asked, and then activates without an amount', async () => {
    const r = await simulatorFor(station.url).pay({ ...NOTICE, skipVerify: true });
    expect(ops(r)).toEqual(['paGetPaymentV2', 'paSendRTV2']);
    expect(station.calls('paGetPaymentV2')[0].body).not.toContain('<amount>');
    expect(r.amount).toBe('100.99');
  });

  it('passes transferType and paymentNote, escaped, and the V2 receipt carries the note', async () => {
    const r = await simulatorFor(station.url).pay({ ...NOTICE, transferType: 'POSTAL', paymentNote: 'Nota <b> & "c"' });
    expect(r.status).toBe('ESEGUITO');
    expect(station.calls('paGetPaymentV2')[0].body).toContain(
      '<amount>100.99</amount><paymentNote>Nota &lt;b&gt; &amp; &quot;c&quot;</paymentNote><transferType>POSTAL</transferType>',
    );
    expect(receiptBodies()[0]).toContain('<paymentNote>Nota &lt;b&gt; &amp; &quot;c&quot;</paymentNote>');
  });

  it('marks a Stand-In receipt', async () => {
    await simulatorFor(station.url).pay({ ...NOTICE, standIn: true });
    expect(receiptBodies()[0]).toMatch(/<standIn>true<\/standIn><\/receipt>/);
  });

  it('issues the marca da bollo a V2 transfer asks for, in MBDAttachment', async () => {
    station.bollo = true;
    station.amountCents = 5000;
    const r = await simulatorFor(station.url).pay(NOTICE);
    expect(r.status).toBe('ESEGUITO');
    const receipt = receiptBodies()[0];
    expect(receipt).toContain(
      `<idTransfer>1</idTransfer><transferAmount>34.00</transferAmount><fiscalCodePA>${SAMPLE.fiscalCode}</fiscalCodePA><companyName>Ente Creditore Test</companyName><IBAN>`,
    );
    const mbd = /<idTransfer>2<\/idTransfer><transferAmount>16.00<\/transferAmount>.*?<MBDAttachment>([^<]+)<\/MBDAttachment>/.exec(
      receipt,
    );
    const marca = Buffer.from(mbd![1], 'base64').toString('utf8');
    expect(marca).toContain('<marcaDaBollo xmlns="http://www.agenziaentrate.gov.it/2014/MarcaDaBollo"');
    expect(marca).toContain('<Importo>16.00</Importo><TipoBollo>01</TipoBollo>');
    expect(marca).toContain('<ds:DigestValue>cXVlc3RvIOggdW4gaGFzaCBkaSBwcm92YQ==</ds:DigestValue>');
  });

  it('sends the same receipt twice when asked, to test idempotency', async () => {
    const r = await simulatorFor(station.url).pay({ ...NOTICE, send: 2 });
    expect(r.status).toBe('ESEGUITO');
    expect(r.receipt!.deliveries).toEqual([
      { delivery: 1, attempts: 1, acknowledged: true },
      { delivery: 2, attempts: 1, acknowledged: true },
    ]);
    const [first, second] = receiptBodies();
    expect(second).toBe(first);
    expect(r.steps.filter((s) => s.operation === 'paSendRTV2').map((s) => s.delivery)).toEqual([1, 2]);
  });

  it('plays in the background when started, and the record shows the end', async () => {
    const { record, done } = simulatorFor(station.url).start({ ...NOTICE, receiptDelayMs: 30 });
    expect(record.status).toBe('IN_CORSO');
    expect(record.finishedAt).toBeUndefined();
    await done;
    expect(record.status).toBe('ESEGUITO');
    expect(Date.parse(record.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(record.createdAt));
  });
});

describe('simulator: receipt delivery', () => {
  it('retries on HTTP errors and KO, and stops at the first success', async () => {
    let failures = 0;
    station.reply = (req) => {
      if (!req.action.startsWith('paSendRT') || failures >= 3) return undefined;
      failures += 1;
      return failures === 2 ? { body: ko('paSendRTV2Response', 'PAA_SYSTEM_ERROR') } : { status: 503, body: 'unavailable' };
    };
    const r = await simulatorFor(station.url).pay(NOTICE);
    expect(r.status).toBe('ESEGUITO');
    expect(r.receipt!.deliveries).toEqual([{ delivery: 1, attempts: 4, acknowledged: true }]);
    const receipts = r.steps.filter((s) => s.operation === 'paSendRTV2');
    expect(receipts.map((s) => [s.attempt, s.httpStatus, s.outcome])).toEqual([
      [1, 503, undefined],
      [2, 200, 'KO'],
      [3, 503, undefined],
      [4, 200, 'OK'],
    ]);
    expect(receipts[0].error).toMatch(/^HTTP 503/);
    expect(receipts[1].fault).toMatchObject({ faultCode: 'PAA_SYSTEM_ERROR' });
    expect(receiptBodies()).toHaveLength(4);
    expect(new Set(receiptBodies()).size).toBe(1);
  });

  it('gives up after 5 attempts', async () => {
    station.reply = (req) => (req.action === 'paSendRTV2' ? { body: ko('paSendRTV2Response', 'PAA_SEMANTICA') } : undefined);
    const r = await simulatorFor(station.url).pay({ ...NOTICE, send: 2 });
    expect(r.status).toBe('RT_NON_CONSEGNATA');
    expect(r.receipt!.deliveries).toEqual([{ delivery: 1, attempts: 5, acknowledged: false }]);
    expect(receiptBodies()).toHaveLength(5);
  });

  it('retries when the station does not answer in time', async () => {
    station.reply = (req, i) => (req.action === 'paSendRTV2' && i === 2 ? { body: sendRTOk('V2'), delayMs: 400 } : undefined);
    const r = await simulatorFor(station.url, { timeouts: { receiptMs: 100 } }).pay(NOTICE);
    expect(r.status).toBe('ESEGUITO');
    const [late, ok] = r.steps.filter((s) => s.operation === 'paSendRTV2');
    expect(late).toMatchObject({ attempt: 1, timedOut: true, error: 'timeout: no answer within 100 ms', xsd: { verdict: 'skipped' } });
    expect(late.httpStatus).toBeUndefined();
    expect(ok).toMatchObject({ attempt: 2, outcome: 'OK' });
  });
});

describe('simulator: payments that end without a receipt', () => {
  it('sends no receipt when the token expires before the PSP completes', async () => {
    const r = await simulatorFor(station.url).pay({ ...NOTICE, expireToken: true });
    expect(r.status).toBe('TOKEN_SCADUTO');
    expect(r.nodoFault).toMatchObject({ faultCode: 'PPT_TOKEN_SCADUTO', id: 'NodoDeiPagamentiSPC' });
    expect(ops(r)).toEqual(['paVerifyPaymentNotice', 'paGetPaymentV2']);
    expect(receiptBodies()).toEqual([]);
  });

  it('sends no receipt when the PSP is slower than the token', async () => {
    const r = await simulatorFor(station.url, { tokenValidityMs: 20 }).pay({ ...NOTICE, receiptDelayMs: 60 });
    expect(r.status).toBe('TOKEN_SCADUTO');
    expect(receiptBodies()).toEqual([]);
  });

  it('sends no receipt when the PSP fails the payment (outcome KO)', async () => {
    const r = await simulatorFor(station.url).pay({ ...NOTICE, outcome: 'KO' });
    expect(r.status).toBe('NON_ESEGUITO');
    expect(r.token!.paymentToken).toMatch(/^[0-9a-f]{32}$/);
    expect(receiptBodies()).toEqual([]);
  });

  it("stops at the station's KO on verify and relays it as the Nodo would", async () => {
    station.reply = (req) =>
      req.action === 'paVerifyPaymentNotice'
        ? { body: ko('paVerifyPaymentNoticeRes', 'PAA_PAGAMENTO_SCONOSCIUTO', 'Pagamento in attesa risulta sconosciuto all’EC') }
        : undefined;
    const r = await simulatorFor(station.url).pay(NOTICE);
    expect(r.status).toBe('VERIFICA_KO');
    expect(ops(r)).toEqual(['paVerifyPaymentNotice']);
    expect(r.steps[0]).toMatchObject({
      outcome: 'KO',
      fault: { faultCode: 'PAA_PAGAMENTO_SCONOSCIUTO', id: SAMPLE.fiscalCode },
      xsd: { verdict: 'valid' },
    });
    expect(r.nodoFault).toEqual({
      faultCode: 'PPT_ERRORE_EMESSO_DA_PAA',
      faultString: "Errore restituito dall'ente creditore",
      id: SAMPLE.fiscalCode,
      originalFaultCode: 'PAA_PAGAMENTO_SCONOSCIUTO',
      originalFaultString: 'Pagamento in attesa risulta sconosciuto all’EC',
      originalDescription: 'PAA_PAGAMENTO_SCONOSCIUTO dalla stazione di prova',
    });
  });

  it('stops at a failed activation: a KO, or an answer it cannot read', async () => {
    station.reply = (req) =>
      req.action === 'paGetPaymentV2' ? { body: ko('paGetPaymentV2Response', 'PAA_PAGAMENTO_DUPLICATO') } : undefined;
    const sim = simulatorFor(station.url);
    expect(await sim.pay(NOTICE)).toMatchObject({ status: 'ATTIVAZIONE_KO', nodoFault: { originalFaultCode: 'PAA_PAGAMENTO_DUPLICATO' } });
    station.reply = (req) => (req.action === 'paGetPaymentV2' ? { status: 500, body: '<html>oops</html>' } : undefined);
    const broken = await sim.pay(NOTICE);
    expect(broken).toMatchObject({ status: 'ATTIVAZIONE_KO', nodoFault: { faultCode: 'PPT_STAZIONE_INT_PA_ERRORE_RESPONSE' } });
    expect(broken.steps[1].error).toMatch(/^HTTP 500: not a SOAP 1.1 envelope/);
    station.reply = (req) => (req.action === 'paGetPaymentV2' ? { status: 500, body: getPaymentOk('V2', 10099) } : undefined);
    const okBodyOnError = await sim.pay(NOTICE);
    expect(okBodyOnError).toMatchObject({
      status: 'ATTIVAZIONE_KO',
      nodoFault: { faultCode: 'PPT_STAZIONE_INT_PA_ERRORE_RESPONSE', description: 'HTTP 500' },
    });
    expect(okBodyOnError.steps[1]).toMatchObject({ httpStatus: 500, outcome: 'OK' });
    expect(receiptBodies()).toEqual([]);
  });

  it('maps a verify timeout to PPT_STAZIONE_INT_PA_TIMEOUT', async () => {
    station.reply = (req) => (req.action === 'paVerifyPaymentNotice' ? { body: verifyOk('1.00'), delayMs: 300 } : undefined);
    const r = await simulatorFor(station.url, { timeouts: { verifyMs: 50 } }).pay(NOTICE);
    expect(r).toMatchObject({ status: 'VERIFICA_KO', nodoFault: { faultCode: 'PPT_STAZIONE_INT_PA_TIMEOUT' } });
  });

  it('ends running payments INTERROTTO when the simulator closes', async () => {
    const sim = simulatorFor(station.url);
    const { record, done } = sim.start({ ...NOTICE, receiptDelayMs: 60_000 });
    await new Promise((r) => setTimeout(r, 50));
    await sim.close();
    await done;
    expect(record.status).toBe('INTERROTTO');
  });
});

describe("simulator: XSD verdicts on the station's answers", () => {
  it('reports an answer that breaks the schema as a violation, with xmllint messages', async () => {
    station.reply = (req) => (req.action === 'paVerifyPaymentNotice' ? { body: verifyOk('100.9') } : undefined);
    const r = await simulatorFor(station.url).pay(NOTICE);
    expect(r.steps[0].xsd.verdict).toBe('invalid');
    expect(r.steps[0].xsd.messages).toEqual([expect.stringMatching(/^line \d+: element amount: Schemas validity error .*'100\.9'/)]);
    expect(r.status).toBe('VERIFICA_KO');
  });

  it('records a violation without stopping a payment it can still play', async () => {
    station.reply = (req) =>
      req.action === 'paSendRTV2' ? { body: responseEnvelope('paSendRTV2Response', '<outcome>OK</outcome><extra>x</extra>') } : undefined;
    const r = await simulatorFor(station.url).pay(NOTICE);
    expect(r.status).toBe('ESEGUITO');
    expect(r.steps[2].xsd).toMatchObject({ verdict: 'invalid', messages: [expect.stringMatching(/extra/)] });
  });

  it('refuses an answer carrying a DOCTYPE', async () => {
    station.reply = (req) =>
      req.action === 'paVerifyPaymentNotice'
        ? { body: `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${verifyOk('1.00').slice(38)}` }
        : undefined;
    const r = await simulatorFor(station.url).pay(NOTICE);
    expect(r.steps[0]).toMatchObject({ error: 'refused: the document carries a DOCTYPE', xsd: { verdict: 'invalid' } });
    expect(r.status).toBe('VERIFICA_KO');
  });

  it('says skipped, with the reason, when the XSD or xmllint is missing', async () => {
    const noXsd = await simulatorFor(station.url, { xsdPath: '/nonexistent/paForNode.xsd' }).pay(NOTICE);
    expect(noXsd.status).toBe('ESEGUITO');
    for (const s of noXsd.steps) expect(s.xsd).toEqual({ verdict: 'skipped', messages: ['XSD not found: /nonexistent/paForNode.xsd'] });
    const noXmllint = await simulatorFor(station.url, { xmllintPath: '/nonexistent/xmllint' }).pay(NOTICE);
    expect(noXmllint.status).toBe('ESEGUITO');
    for (const s of noXmllint.steps) expect(s.xsd).toEqual({ verdict: 'skipped', messages: [expect.stringMatching(/^xmllint not found/)] });
  });
});

describeIf(OFFICIAL_XSD, NO_OFFICIAL_XSD)("simulator: conformance with pagoPA's paForNode.xsd", () => {
  const official = new XsdValidator(OFFICIAL_XSD ?? '');

  it.each([
    ['V1', {}],
    ['V2', {}],
    ['V1', { amountCents: 1, transferType: 'PAGOPA', paymentNote: 'nota <&>', standIn: true, send: 2 }],
    ['V2', { amount: '999999999.99', transferType: 'POSTAL', paymentNote: 'nota <&>', standIn: true, idPSP: 'ALTRO_PSP', feeCents: 0 }],
    ['V2', { skipVerify: true, bollo: true }],
  ] as const)('every request of a %s payment %j is valid', async (version, { bollo, ...options }: Record<string, unknown>) => {
    station.bollo = Boolean(bollo);
    if (bollo) station.amountCents = 5000;
    const r = await simulatorFor(station.url, { xsdPath: OFFICIAL_XSD }).pay({ ...NOTICE, version, ...options });
    expect(r.status).toBe('ESEGUITO');
    for (const step of r.steps) expect(step.xsd).toEqual({ verdict: 'valid', messages: [] });
    expect(station.requests.length).toBeGreaterThanOrEqual(2);
    for (const req of station.requests) {
      const doc = parseSoap(req.body);
      if (!doc.ok) throw new Error(doc.error);
      expect({ action: req.action, ...(await official.validate(doc.document.bodyXml)) }).toEqual({
        action: req.action,
        verdict: 'valid',
        messages: [],
      });
    }
  });
});

describe('simulator: control API', () => {
  let base: string;
  beforeEach(async () => {
    const sim = simulatorFor(station.url);
    base = `http://127.0.0.1:${await sim.listen(0)}`;
  });

  const post = (path: string, body: unknown, raw?: string) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw ?? JSON.stringify(body) });

  it('plays a payment and returns the finished record with every step when asked to wait', async () => {
    const res = await post('/api/payments?wait=true', { ...NOTICE, amount: '100.99' });
    expect(res.status).toBe(201);
    const r = (await res.json()) as PaymentRecord;
    expect(res.headers.get('location')).toBe(`/api/payments/${r.id}`);
    expect(r).toMatchObject({ status: 'ESEGUITO', noticeNumber: SAMPLE.noticeNumber, amount: '100.99' });
    expect(r.steps).toHaveLength(3);
    for (const s of r.steps) {
      expect(Object.keys(s)).toEqual(
        expect.arrayContaining(['operation', 'requestXml', 'responseXml', 'httpStatus', 'outcome', 'xsd', 'durationMs']),
      );
    }
    expect(r.steps[2]).toMatchObject({ operation: 'paSendRTV2', httpStatus: 200, outcome: 'OK', xsd: { verdict: 'valid', messages: [] } });
  });

  it('returns at once with an id, and the record can be followed until it ends', async () => {
    const res = await post('/api/payments', { ...NOTICE, receiptDelayMs: 100 });
    expect(res.status).toBe(201);
    const started = (await res.json()) as PaymentRecord;
    expect(started).toMatchObject({ id: expect.any(String), status: 'IN_CORSO' });
    const r = await until('the payment to end', async () => {
      const record = (await (await fetch(`${base}/api/payments/${started.id}`)).json()) as PaymentRecord;
      return record.status !== 'IN_CORSO' && record;
    });
    expect(r.status).toBe('ESEGUITO');
  });

  it('lists payments newest first, finds one by id and clears the history', async () => {
    const first = (await (await post('/api/payments?wait=true', NOTICE)).json()) as PaymentRecord;
    const second = (await (await post('/api/payments?wait=true', { ...NOTICE, outcome: 'KO' })).json()) as PaymentRecord;
    const list = (await (await fetch(`${base}/api/payments`)).json()) as PaymentRecord[];
    expect(list.map((p) => [p.id, p.status])).toEqual([
      [second.id, 'NON_ESEGUITO'],
      [first.id, 'ESEGUITO'],
    ]);
    expect(((await (await fetch(`${base}/api/payments/${first.id}`)).json()) as PaymentRecord).id).toBe(first.id);
    expect((await fetch(`${base}/api/payments/nope`)).status).toBe(404);
    expect((await fetch(`${base}/api/payments`, { method: 'DELETE' })).status).toBe(204);
    expect(await (await fetch(`${base}/api/payments`)).json()).toEqual([]);
  });

  it('verifies a notice alone', async () => {
    const res = await post('/api/verify', NOTICE);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      step: { operation: 'paVerifyPaymentNotice', outcome: 'OK', xsd: { verdict: 'valid' } },
      verified: { amount: '100.99', options: 'EQ' },
    });
    expect(station.requests.map((r) => r.action)).toEqual(['paVerifyPaymentNotice']);
    expect(await (await fetch(`${base}/api/payments`)).json()).toEqual([]);
  });

  it('answers /health', async () => {
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'UP' });
  });

  it.each([
    ['malformed JSON', '/api/payments', undefined, '{"fiscalCode": ', /malformed JSON/, ''],
    [
      'a notice number that is not 18 digits',
      '/api/payments',
      { ...NOTICE, noticeNumber: '00134000000000013' },
      undefined,
      /18 digits/,
      'noticeNumber',
    ],
    ['a fiscal code that is not 11 digits', '/api/verify', { ...NOTICE, fiscalCode: '1234567890A' }, undefined, /11 digits/, 'fiscalCode'],
    ['an amount with 3 decimals', '/api/payments', { ...NOTICE, amount: '10.001' }, undefined, /at most two decimals/, 'amount'],
    ['an amount as a number', '/api/payments', { ...NOTICE, amount: 10.5 }, undefined, /expected string/, 'amount'],
    ['cents that are not whole', '/api/payments', { ...NOTICE, amountCents: 10.5 }, undefined, /integer number of cents/, 'amountCents'],
    ['both amount and amountCents', '/api/payments', { ...NOTICE, amount: '1.00', amountCents: 100 }, undefined, /not both/, 'amount'],
    ['an unknown field', '/api/payments', { ...NOTICE, outcomes: 'KO' }, undefined, /unknown field\(s\): outcomes/, ''],
    ['an unknown outcome', '/api/payments', { ...NOTICE, outcome: 'MAYBE' }, undefined, /OK.*KO/, 'outcome'],
    ['a missing notice number', '/api/payments', { fiscalCode: SAMPLE.fiscalCode }, undefined, /expected string/, 'noticeNumber'],
  ])('refuses %s with 400 and says why', async (_what, path, body, raw, message, field) => {
    const res = await post(path, body, raw);
    expect(res.status).toBe(400);
    const error = (await res.json()) as { error: string; issues?: { path: string; message: string }[] };
    expect(error.error).toMatch(message);
    if (error.issues) expect(error.issues[0].path).toBe(field);
    expect(station.requests).toEqual([]);
  });

  it('refuses a body that is not JSON', async () => {
    const res = await fetch(`${base}/api/payments`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'pay please' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/JSON object/);
  });

  it('shows what it did on an HTML page, newest first, escaped', async () => {
    expect(await (await fetch(`${base}/`)).text()).toContain('No payments yet');
    await post('/api/payments?wait=true', NOTICE);
    station.reply = (req) =>
      req.action === 'paVerifyPaymentNotice'
        ? { body: ko('paVerifyPaymentNoticeRes', 'PAA_SEMANTICA', '&lt;script&gt;alert(1)&lt;/script&gt;') }
        : undefined;
    await post('/api/payments?wait=true', { ...NOTICE, noticeNumber: '001340000000000237' });
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html.indexOf('001340000000000237')).toBeLessThan(html.indexOf(SAMPLE.noticeNumber));
    expect(html).toContain('100.99');
    expect(html).toContain('ESEGUITO');
    expect(html).toContain('VERIFICA_KO');
    expect(html).toContain('paSendRTV2');
    expect(html).toContain('XSD valid');
    expect(html).toContain('PAA_SEMANTICA: &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
  });
});

describe('simulator: options', () => {
  it('refuses options it cannot work with, naming them', () => {
    expect(() => simulatorFor('ftp://station.example/x')).toThrow(/stationUrl/);
    expect(() => simulatorFor(station.url, { retryDelayMs: -1, defaults: { idStation: 'x'.repeat(36) } })).toThrow(
      /retryDelayMs.*defaults\.idStation|defaults\.idStation.*retryDelayMs/,
    );
  });

  it('takes the broker, the station and the PSP from its defaults, and the station version from its map', async () => {
    const sim = simulatorFor(station.url, {
      defaults: { idBrokerPA: '99999999999', idStation: '99999999999_07', idPSP: 'PSP_DEMO', feeCents: 0 },
      stations: { '99999999999_07': 'V1' },
    });
    const r = await sim.pay(NOTICE);
    expect(r).toMatchObject({
      idBrokerPA: '99999999999',
      idStation: '99999999999_07',
      version: 'V1',
      psp: { idPSP: 'PSP_DEMO', feeCents: 0 },
    });
    expect(station.calls('paSendRT')[0].body).toMatch(
      /<idBrokerPA>99999999999<\/idBrokerPA><idStation>99999999999_07<\/idStation>.*<idPSP>PSP_DEMO<\/idPSP>.*<fee>0.00<\/fee>/,
    );
  });
});
