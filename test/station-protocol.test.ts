import express from 'express';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { Registry } from 'prom-client';
import type { MikroORM } from '@mikro-orm/core';
import { STATION_PATH, stationAuthenticator, stationRouter } from '../pagopa';
import { parseSoap } from '../pagopa/soap/parse';
import type { Operation } from '../pagopa/soap/protocol';
import { openDatabase } from '../schema/orm';
import { StationClient } from '../simulator/soap/client';
import { readPaymentData, readResponse, readVerifyData } from '../simulator/soap/read';
import { buildReceipt } from '../simulator/soap/receipt';
import { SoapTransport } from '../simulator/soap/transport';
import { XsdValidator } from '../simulator/xsd/xmllint';
import { seedDemo } from '../subgraphs/anagrafica/domain/demo';
import { PagoPaFault } from '../subgraphs/pagamenti/domain/faults';
import type { GetPaymentRequest, PaymentData, VerifyRequest, VerifyResult } from '../pagopa/soap/messages';
import type { SendRTRequest, StationCaller, StationService } from '../subgraphs/pagamenti/domain/station-types';
import { loadConfig, type Config } from '../core/config';
import { createLogger } from '../core/logger';
import { scratchDatabase, type ScratchDatabase } from './helpers/database';
import { basic } from './helpers/http';
import { NODO_AUTH } from './helpers/simulator';
import { ENVELOPES, IDS, getPaymentEnvelope, receiptV1, sendRTEnvelope, verifyEnvelope } from './helpers/station-envelopes';
import { paymentData, VERIFY_RESULT } from './helpers/station-samples';
import { soapDocument } from './helpers/soap';
import { STATION_XSD } from './helpers/xsd';

/**
 * The station's SOAP layer over real HTTP, with a real database for the Nodo's credentials and an
 * in-test StationService (the domain is not under test here): every answer is validated with
 * xmllint against the project's own paForNode.xsd.
 */
type Call = { operation: string; caller: StationCaller; request: VerifyRequest | GetPaymentRequest | SendRTRequest; versione?: string };

class FixedStation implements StationService {
  calls: Call[] = [];
  failure?: Error;

  async verify(caller: StationCaller, request: VerifyRequest): Promise<VerifyResult> {
    this.record({ operation: 'verify', caller, request });
    return VERIFY_RESULT;
  }

  async getPayment(caller: StationCaller, request: GetPaymentRequest, versione: 'V1' | 'V2'): Promise<PaymentData> {
    this.record({ operation: 'getPayment', caller, request, versione });
    return paymentData(versione);
  }

  async sendRT(caller: StationCaller, request: SendRTRequest): Promise<void> {
    this.record({ operation: 'sendRT', caller, request });
  }

  private record(call: Call): void {
    this.calls.push(call);
    if (this.failure) throw this.failure;
  }
}

const xsd = new XsdValidator(STATION_XSD);
const service = new FixedStation();
const registry = new Registry();
const logLines: string[] = [];
const log = pino({ level: 'error' }, new Writable({ write: (chunk, _enc, done) => (logLines.push(String(chunk)), done()) }));
const BODY_LIMIT = '64kb';

let db: ScratchDatabase;
let orm: MikroORM;
let config: Config;
const servers: Server[] = [];
let base: string;

async function startStation(auth: Partial<Config['auth']> = {}): Promise<string> {
  const app = express();
  app.set('trust proxy', false);
  const authenticate = stationAuthenticator(orm, { ...config.auth, ...auth });
  app.use(STATION_PATH, stationRouter({ service, authenticate, log, bodyLimit: BODY_LIMIT, registry }));
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  db = await scratchDatabase();
  config = loadConfig({ DATABASE_URL: db.url });
  orm = await openDatabase(config.database, createLogger('silent'), 2);
  await seedDemo(orm.em.fork());
  base = await startStation();
});

afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
  await orm?.close(true);
  await db?.drop();
});

beforeEach(() => {
  service.calls = [];
  service.failure = undefined;
  logLines.length = 0;
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Plain node:http, so that Host, Content-Length and everything else go out exactly as written. */
function send(method: string, path: string, headers: Record<string, string>, body?: string | Buffer, to = base): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${to}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const nodo = basic(NODO_AUTH);

function soap(
  action: string | undefined,
  body: string,
  opts: { auth?: string | null; headers?: Record<string, string>; to?: string } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'text/xml; charset=utf-8', ...opts.headers };
  if (action !== undefined) headers.soapaction = action;
  if (opts.auth !== null) headers.authorization = opts.auth ?? nodo;
  return send('POST', STATION_PATH, headers, body, opts.to);
}

/** The answer read the way the simulator reads it, and validated against the project's XSD. */
async function outcomeOf(operation: Operation, answer: Answer) {
  const document = soapDocument(answer.body);
  expect(await xsd.validate(document.bodyXml)).toEqual({ verdict: 'valid', messages: [] });
  const read = readResponse(operation, document.root);
  expect(read.problems).toEqual([]);
  return { ...read.value!, root: document.root };
}

async function expectKo(operation: Operation, answer: Answer, faultCode: string) {
  expect(answer.status).toBe(200);
  const r = await outcomeOf(operation, answer);
  expect(r.outcome).toBe('KO');
  expect(r.fault?.faultCode).toBe(faultCode);
  return r.fault!;
}

function soapFaultOf(answer: Answer) {
  const { root } = soapDocument(answer.body);
  expect(root).toMatchObject({ name: 'Fault', namespace: 'http://schemas.xmlsoap.org/soap/envelope/' });
  const text = (n: string) => root.children.find((c) => c.name === n)?.text;
  return { faultcode: text('faultcode'), faultstring: text('faultstring') };
}

const caller = { idIntermediario: '11111111113' };

describe('the five operations', () => {
  it('paVerifyPaymentNotice (soapenv prefix, quoted SOAPAction): the request as data, the answer with two-decimal amounts', async () => {
    const answer = await soap('"paVerifyPaymentNotice"', verifyEnvelope());
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/xml/);
    const r = await outcomeOf('paVerifyPaymentNotice', answer);
    expect(r.outcome).toBe('OK');
    expect(readVerifyData(r.root).value).toMatchObject({
      amountCents: 10099,
      options: 'EQ',
      allCCP: 'false',
      officeName: 'Ufficio Tributi',
    });
    expect(answer.body).toContain('<amount>100.99</amount>');
    expect(answer.body).toContain('<detailDescription>Diritti di segreteria &lt;ufficio&gt; &amp; C.</detailDescription>');
    expect(service.calls).toEqual([
      { operation: 'verify', caller, request: { ...IDS, qrCode: { fiscalCode: '12345678901', noticeNumber: '001340000000000136' } } },
    ]);
  });

  it('paGetPayment (soap and ns2 prefixes, unquoted SOAPAction): amount in cents, the escaped note, a V1 answer', async () => {
    const r = await outcomeOf('paGetPayment', await soap('paGetPayment', getPaymentEnvelope()));
    expect(r.outcome).toBe('OK');
    expect(service.calls).toEqual([
      {
        operation: 'getPayment',
        caller,
        versione: 'V1',
        request: {
          ...IDS,
          qrCode: { fiscalCode: '12345678901', noticeNumber: '001340000000000136' },
          amountCents: 10099,
          paymentNote: 'Nota & altro',
          transferType: 'PAGOPA',
          dueDate: '2030-12-31',
        },
      },
    ]);
    const data = readPaymentData(r.root).value!;
    expect(data.transfers).toEqual([
      expect.objectContaining({ idTransfer: '1', transferAmountCents: 10099, iban: 'IT02L1234512345123451111111' }),
    ]);
    expect(data.transfers[0].companyName).toBeUndefined();
  });

  it('paGetPaymentV2 (S and ns3 prefixes): a V2 answer with a marca da bollo and companyName per transfer', async () => {
    const r = await outcomeOf('paGetPaymentV2', await soap('"paGetPaymentV2"', ENVELOPES.paGetPaymentV2()));
    expect(r.outcome).toBe('OK');
    expect(service.calls[0]).toMatchObject({ versione: 'V2', request: { amountCents: undefined } });
    const data = readPaymentData(r.root).value!;
    expect(data.paymentAmountCents).toBe(10099);
    expect(data.transfers.map((t) => [t.transferAmountCents, t.companyName, t.iban, t.richiestaMarcaDaBollo?.tipoBollo])).toEqual([
      [8499, 'Ente Creditore Test', 'IT02L1234512345123451111111', undefined],
      [1600, undefined, undefined, '01'],
    ]);
  });

  it('paSendRT (a default namespace undone with xmlns=""): the receipt in cents, as JSON and as XML', async () => {
    const r = await outcomeOf('paSendRT', await soap('"paSendRT"', sendRTEnvelope()));
    expect(r.outcome).toBe('OK');
    const request = service.calls[0].request as SendRTRequest;
    expect(request.versione).toBe('V1');
    expect(request.receipt).toMatchObject({
      receiptId: 'c0ffee00c0ffee00c0ffee00c0ffee00',
      paymentAmountCents: 10099,
      feeCents: 100,
      standIn: false,
      debtor: { fullName: 'Mario Rossi', email: 'mario.rossi@example.it', country: 'IT' },
      transfers: [{ idTransfer: 1, transferAmountCents: 10099, iban: 'IT02L1234512345123451111111' }],
      metadata: [{ key: 'k', value: 'v' }],
      paymentDateTime: '2026-12-01T10:15:00',
      applicationDate: '2026-12-01',
    });
    expect(request.receiptJson).toMatchObject({
      paymentAmount: '100.99',
      fee: '1.00',
      transferList: { transfer: [{ IBAN: 'IT02L1234512345123451111111' }] },
    });
    const again = parseSoap(
      `<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><e:Body>${request.receiptXml}</e:Body></e:Envelope>`,
    );
    expect(again.ok && again.document.root.children.find((c) => c.name === 'receiptId')?.text).toBe('c0ffee00c0ffee00c0ffee00c0ffee00');
  });

  it('paSendRTV2: the V2 fields, the marca da bollo attachment, the payer and stand-in', async () => {
    const r = await outcomeOf('paSendRTV2', await soap('"paSendRTV2"', ENVELOPES.paSendRTV2()));
    expect(r.outcome).toBe('OK');
    expect(r.root.name).toBe('paSendRTV2Response');
    const { receipt, versione } = service.calls[0].request as SendRTRequest;
    expect(versione).toBe('V2');
    expect(receipt).toMatchObject({
      primaryCiIncurredFeeCents: 50,
      idBundle: 'b1',
      paymentNote: 'nota',
      standIn: true,
      payer: { uniqueIdentifier: { entityUniqueIdentifierType: 'G' }, fullName: 'Ditta Srl' },
      paymentDateTime: '2026-12-01T10:15:00.123+01:00',
    });
    expect(receipt.transfers[1]).toMatchObject({
      transferAmountCents: 1600,
      mbdAttachment: 'PG1hcmNhRGFCb2xsbz48L21hcmNhRGFCb2xsbz4=',
      iban: undefined,
    });
  });
});

describe('errors of the domain and of the station', () => {
  it("answers a PagoPaFault with HTTP 200, outcome KO and the fault, the request's idPA as id", async () => {
    service.failure = new PagoPaFault('PAA_PAGAMENTO_SCONOSCIUTO', 'Il pagamento 340000000000136 non esiste.');
    const fault = await expectKo(
      'paVerifyPaymentNotice',
      await soap('"paVerifyPaymentNotice"', verifyEnvelope()),
      'PAA_PAGAMENTO_SCONOSCIUTO',
    );
    expect(fault).toMatchObject({
      faultString: 'Pagamento in attesa risulta sconosciuto all’Ente Creditore.',
      id: IDS.idPA,
      description: 'Il pagamento 340000000000136 non esiste.',
    });
  });

  it('answers an unexpected error with PAA_SYSTEM_ERROR, logs it at error and tells the caller nothing of it', async () => {
    service.failure = new Error('connection to db.internal:3306 refused');
    const answer = await soap('"paSendRTV2"', ENVELOPES.paSendRTV2());
    const fault = await expectKo('paSendRTV2', answer, 'PAA_SYSTEM_ERROR');
    expect(fault.id).toBe(IDS.idPA);
    expect(answer.body).not.toMatch(/db\.internal|at .*\.ts/);
    const entry = JSON.parse(logLines.find((l) => l.includes('station operation failed'))!);
    expect(entry).toMatchObject({ level: 50, operation: 'paSendRTV2', err: { message: 'connection to db.internal:3306 refused' } });
    expect(fault.description).toContain(entry.reference);
  });
});

describe('what is not a paForNode request', () => {
  it.each([
    ['no SOAPAction', undefined, /no SOAPAction header/],
    ['an unknown SOAPAction', '"paDemandPaymentNotice"', /unknown SOAPAction "paDemandPaymentNotice"/],
    [
      'a SOAPAction that does not match the body',
      '"paGetPayment"',
      /SOAPAction "paGetPayment" does not match the body element paVerifyPaymentNoticeReq/,
    ],
  ])('answers %s with a SOAP Fault (HTTP 500, soap:Client), calling nothing', async (_case, action, message) => {
    const answer = await soap(action, verifyEnvelope());
    expect(answer.status).toBe(500);
    const fault = soapFaultOf(answer);
    expect(fault.faultcode).toBe('soap:Client');
    expect(fault.faultstring).toMatch(message);
    expect(service.calls).toEqual([]);
  });

  it('answers malformed XML of a known operation with PAA_SINTASSI_XSD', async () => {
    const fault = await expectKo('paGetPayment', await soap('"paGetPayment"', getPaymentEnvelope().slice(0, -30)), 'PAA_SINTASSI_XSD');
    expect(fault.description).toMatch(/not well-formed/);
    expect(fault.id).toBe(caller.idIntermediario);
    expect(service.calls).toEqual([]);
  });

  it('answers a body element in the wrong namespace with PAA_SINTASSI_XSD', async () => {
    const xml = verifyEnvelope().replace(/pafn:paVerifyPaymentNoticeReq/g, 'paVerifyPaymentNoticeReq');
    const fault = await expectKo('paVerifyPaymentNotice', await soap('"paVerifyPaymentNotice"', xml), 'PAA_SINTASSI_XSD');
    expect(fault.description).toMatch(/must be in the namespace http:\/\/pagopa-api\.pagopa\.gov\.it\/pa\/paForNode\.xsd/);
  });
});

describe('requests that fail the XSD get PAA_SINTASSI_XSD naming the element, and reach no service', () => {
  const ids = `<idPA>${IDS.idPA}</idPA><idBrokerPA>${IDS.idBrokerPA}</idBrokerPA><idStation>${IDS.idStation}</idStation>`;
  const qr = '<qrCode><fiscalCode>12345678901</fiscalCode><noticeNumber>001340000000000136</noticeNumber></qrCode>';
  it.each([
    ['a missing element', 'paVerifyPaymentNotice', verifyEnvelope(`${ids}`), 'paVerifyPaymentNoticeReq/qrCode is missing'],
    [
      'a bad pattern',
      'paVerifyPaymentNotice',
      verifyEnvelope(ids + qr.replace('001340000000000136', '00134000000000013X')),
      'paVerifyPaymentNoticeReq/qrCode/noticeNumber must be 18 digits',
    ],
    [
      'an amount of 10.5',
      'paGetPayment',
      getPaymentEnvelope(`${ids}${qr}<amount>10.5</amount>`),
      'paGetPaymentReq/amount must be an amount like 10.00',
    ],
    [
      'an oversize string',
      'paGetPayment',
      getPaymentEnvelope(`${ids}${qr}<paymentNote>${'x'.repeat(211)}</paymentNote>`),
      'paGetPaymentReq/paymentNote must be 1 to 210 characters long',
    ],
    [
      'a namespace-qualified child',
      'paVerifyPaymentNotice',
      verifyEnvelope(`<pafn:idPA>1</pafn:idPA>`),
      'paVerifyPaymentNoticeReq/idPA must not be namespace-qualified',
    ],
    [
      'a receipt transfer in error',
      'paSendRT',
      sendRTEnvelope(ids + receiptV1().replace('100.99</transferAmount>', '0.00</transferAmount>')),
      'paSendRTReq/receipt/transferList/transfer[1]/transferAmount must be at least 0.01',
    ],
  ] as const)('%s', async (_case, operation, xml, description) => {
    const fault = await expectKo(operation, await soap(`"${operation}"`, xml), 'PAA_SINTASSI_XSD');
    expect(fault.description).toContain(description);
    expect(fault.faultString).toBe('Errore di sintassi XSD.');
    expect(service.calls).toEqual([]);
  });
});

describe('hostile XML', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'xxe-'));
    writeFileSync(join(dir, 'secret.txt'), 'TOP-SECRET-CONTENT-4711');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('never resolves an external entity: the file stays unread and no service is called', async () => {
    const xml = verifyEnvelope()
      .replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file://${join(dir, 'secret.txt')}">]>`,
      )
      .replace(`<idPA>${IDS.idPA}</idPA>`, '<idPA>&xxe;</idPA>');
    const answer = await soap('"paVerifyPaymentNotice"', xml);
    const fault = await expectKo('paVerifyPaymentNotice', answer, 'PAA_SINTASSI_XSD');
    expect(fault.description).toMatch(/DOCTYPE/);
    expect(answer.body).not.toContain('TOP-SECRET');
    expect(service.calls).toEqual([]);
  });

  it('refuses an entity reference it does not know without expanding anything', async () => {
    const xml = verifyEnvelope().replace(`<idPA>${IDS.idPA}</idPA>`, '<idPA>&xxe;</idPA>');
    const fault = await expectKo('paVerifyPaymentNotice', await soap('"paVerifyPaymentNotice"', xml), 'PAA_SINTASSI_XSD');
    expect(fault.description).toMatch(/undefined entity reference &xxe;/);
    expect(service.calls).toEqual([]);
  });

  it('refuses a billion-laughs bomb before parsing it', async () => {
    const entities = [
      '<!ENTITY lol0 "lol">',
      ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`),
    ].join('');
    const xml = verifyEnvelope()
      .replace('<?xml version="1.0" encoding="UTF-8"?>', `<?xml version="1.0"?><!DOCTYPE lolz [${entities}]>`)
      .replace(`<idPA>${IDS.idPA}</idPA>`, '<idPA>&lol9;</idPA>');
    const answer = await soap('"paVerifyPaymentNotice"', xml);
    await expectKo('paVerifyPaymentNotice', answer, 'PAA_SINTASSI_XSD');
    expect(answer.body.length).toBeLessThan(2000);
    expect(service.calls).toEqual([]);
  });

  it('refuses a body over the limit with 413', async () => {
    const xml = getPaymentEnvelope().replace('</paymentNote>', `${' '.repeat(70 * 1024)}</paymentNote>`);
    const answer = await soap('"paGetPayment"', xml);
    expect(answer.status).toBe(413);
    expect(soapFaultOf(answer)).toEqual({ faultcode: 'soap:Client', faultstring: `the request body is larger than ${BODY_LIMIT}` });
    expect(service.calls).toEqual([]);
  });
});

describe('authentication of the Nodo', () => {
  it.each([
    ['no credentials', null],
    ['a wrong password', basic({ user: NODO_AUTH.user, password: 'Wrong-password1' })],
    ['an unknown principal', basic({ user: 'nobody', password: NODO_AUTH.password })],
    ['a scheme other than Basic', 'Bearer abc'],
  ])('refuses %s with 401 and WWW-Authenticate, the body unread', async (_case, auth) => {
    const answer = await soap('"paVerifyPaymentNotice"', verifyEnvelope(), { auth });
    expect(answer.status).toBe(401);
    expect(answer.headers['www-authenticate']).toMatch(/^Basic realm=/);
    expect(soapFaultOf(answer).faultcode).toBe('soap:Client');
    expect(service.calls).toEqual([]);
  });

  it('takes the same wrong password many times at once without letting any through', async () => {
    const wrong = basic({ user: NODO_AUTH.user, password: 'Another-wrong1' });
    const answers = await Promise.all(Array.from({ length: 20 }, () => soap('"paVerifyPaymentNotice"', verifyEnvelope(), { auth: wrong })));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(401));
    expect(service.calls).toEqual([]);
  });

  /** A verify with no credentials but the Nodo's principal in the proxy's header, to the station at `to`. */
  const forwardedBy = (to: string) =>
    soap('"paVerifyPaymentNotice"', verifyEnvelope(), { auth: null, headers: { [config.auth.principalHeader]: NODO_AUTH.user }, to });

  it("accepts the principal a trusted proxy forwards, as that principal's intermediario", async () => {
    const proxied = await startStation({ trustedProxies: ['127.0.0.1'] });
    const answer = await forwardedBy(proxied);
    expect((await outcomeOf('paVerifyPaymentNotice', answer)).outcome).toBe('OK');
    expect(service.calls[0].caller).toEqual(caller);
  });

  it('refuses a forwarded principal from an address that is not a trusted proxy', async () => {
    const elsewhere = await startStation({ trustedProxies: ['10.1.2.3'] });
    const answer = await forwardedBy(elsewhere);
    expect(answer.status).toBe(401);
    expect(service.calls).toEqual([]);
  });
});

describe('the WSDL', () => {
  it.each(['wsdl', 'WSDL'])('serves it at ?%s with soap:address where it was asked, ignoring X-Forwarded-*', async (query) => {
    const answer = await send('GET', `${STATION_PATH}?${query}`, {
      host: 'station.example.it:8443',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'https',
    });
    expect(answer.status).toBe(200);
    const endpoint = `http://station.example.it:8443${STATION_PATH}`;
    expect(answer.body).toContain(`<soap:address location="${endpoint}"/>`);
    expect(answer.body).toContain(`schemaLocation="${endpoint}?xsd=paForNode.xsd"`);
    expect(answer.body).not.toContain('evil');
    for (const op of Object.keys(ENVELOPES)) expect(answer.body).toContain(`<soap:operation soapAction="${op}"/>`);
    const xsdAnswer = await send('GET', `${STATION_PATH}?xsd=paForNode.xsd`, { host: 'station.example.it:8443' });
    expect(xsdAnswer.body).toContain('targetNamespace="http://pagopa-api.pagopa.gov.it/pa/paForNode.xsd"');
  });

  it('refuses a Host header that is not a host', async () => {
    expect((await send('GET', `${STATION_PATH}?wsdl`, { host: 'a"><x' })).status).toBe(400);
  });
});

describe("the simulator's Nodo against the station", () => {
  it('verifies, activates and delivers receipts, each answer valid and readable on the Nodo side', async () => {
    const transport = new SoapTransport(`${base}${STATION_PATH}`, NODO_AUTH);
    const client = new StationClient(transport, xsd, { verifyMs: 5000, activateMs: 5000, receiptMs: 5000 }, createLogger('silent'));
    const signal = new AbortController().signal;
    const qr = { fiscalCode: '12345678901', noticeNumber: '001340000000000136' };
    try {
      const verify = await client.verify(IDS, qr, signal);
      expect(verify.step).toMatchObject({ httpStatus: 200, outcome: 'OK', xsd: { verdict: 'valid' } });
      expect(verify.data?.amountCents).toBe(10099);
      for (const version of ['V1', 'V2'] as const) {
        const activation = await client.getPayment(
          version,
          IDS,
          qr,
          { amountCents: verify.data!.amountCents, paymentNote: 'a <note>' },
          signal,
        );
        expect(activation.step).toMatchObject({ httpStatus: 200, outcome: 'OK', xsd: { verdict: 'valid' } });
        const receipt = buildReceipt({
          paymentToken: `token${version}`,
          qr,
          activation: activation.data!,
          psp: {
            idPSP: 'SIMPSP01',
            idChannel: 'SIMPSP01_01',
            PSPCompanyName: 'PSP',
            channelDescription: 'Simulatore',
            paymentMethod: 'creditCard',
            feeCents: 100,
          },
          paidAt: new Date('2026-12-01T09:15:00Z'),
          paymentNote: 'a <note>',
          standIn: false,
        });
        const sent = await client.sendRT(version, IDS, receipt, signal);
        expect(sent.step).toMatchObject({ httpStatus: 200, outcome: 'OK', xsd: { verdict: 'valid' } });
      }
      const receipts = service.calls.filter((c) => c.operation === 'sendRT').map((c) => c.request as SendRTRequest);
      expect(receipts.map((r) => [r.versione, r.receipt.receiptId, r.receipt.paymentAmountCents])).toEqual([
        ['V1', 'tokenV1', 10099],
        ['V2', 'tokenV2', 10099],
      ]);
      expect(receipts[1].receipt.transfers[1].mbdAttachment).toMatch(/^[A-Za-z0-9+/]+=*$/);
      expect(service.calls.find((c) => c.operation === 'getPayment')?.request).toMatchObject({
        amountCents: 10099,
        paymentNote: 'a <note>',
      });
    } finally {
      transport.close();
    }
  });
});

describe('metrics', () => {
  it('counts requests by operation, outcome and fault code', async () => {
    await soap('"paVerifyPaymentNotice"', verifyEnvelope());
    await soap('"paVerifyPaymentNotice"', verifyEnvelope(), { auth: null });
    const text = await registry.metrics();
    expect(text).toMatch(/govpay_station_requests_total\{operation="paVerifyPaymentNotice",outcome="OK",fault=""\} \d+/);
    expect(text).toMatch(/govpay_station_requests_total\{operation="paVerifyPaymentNotice",outcome="UNAUTHENTICATED",fault=""\} \d+/);
    expect(text).toMatch(/govpay_station_requests_total\{operation="paGetPayment",outcome="KO",fault="PAA_SINTASSI_XSD"\} \d+/);
  });
});
