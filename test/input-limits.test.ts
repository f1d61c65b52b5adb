import { nuovaPendenza } from './helpers/fixtures';
import { basic, BO, call, gql, GPADMIN, IDA2A01 } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { ENVELOPES, getPaymentEnvelope, IDS, verifyEnvelope } from './helpers/station-envelopes';
import { stationCall } from './helpers/station-call';
import { until } from './helpers/until';

/**
 * Input that once froze the process or answered 5xx (issue 10, items 2, 11 and 13): each gets a
 * clear 400 (a KO for the station) naming what is wrong, the hub keeps answering, nothing changes.
 */
let t: TestHub;
const PZ = '/govpay/backend/api/pendenze/rs/basic/v2';
const APP = basic(IDA2A01);
const SINTASSI = { categoria: 'RICHIESTA', codice: 'SINTASSI', descrizione: 'Richiesta non valida' };
let seq = 0;
const newId = () => `LIM-${Date.now()}-${++seq}`;

beforeAll(async () => {
  t = await startHub({ TRACCIATI_POLL_MS: '100' });
});
afterAll(() => t?.close());

const putPendenza = (id: string, body: unknown) => call(t.baseUrl, 'PUT', `${PZ}/pendenze/IDA2A01/${id}`, { auth: APP, body });
const getPendenza = (id: string) => call(t.baseUrl, 'GET', `${PZ}/pendenze/IDA2A01/${id}`, { auth: APP });

/** Runs `request` while /health is asked repeatedly: the probe must answer, and quickly, all along. */
async function whileHealthAnswers<T>(request: Promise<T>): Promise<T> {
  let done = false;
  const probes: number[] = [];
  const probing = (async () => {
    while (!done) {
      const started = Date.now();
      const r = await fetch(`${t.baseUrl}/health`);
      expect(r.status).toBe(200);
      probes.push(Date.now() - started);
    }
  })();
  try {
    return await request;
  } finally {
    done = true;
    await probing;
    expect(probes.length).toBeGreaterThan(0);
    expect(Math.max(...probes)).toBeLessThan(2000);
  }
}

describe('regular expressions cannot freeze the process', () => {
  it('refuses a 96 KB soggettoPagatore.email with a fast 400 naming the field, and /health answers meanwhile', async () => {
    const id = newId();
    const email = `a@${'a.'.repeat(48 * 1024)}!`;
    const base = nuovaPendenza(id);
    const started = Date.now();
    const r = await whileHealthAnswers(putPendenza(id, { ...base, soggettoPagatore: { ...base.soggettoPagatore, email } }));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject(SINTASSI);
    expect(r.body.dettaglio).toContain('soggettoPagatore.email');
    expect((await getPendenza(id)).status).toBe(404);
  });

  it('refuses an email of many dotted labels (the pattern is linear, not only capped)', async () => {
    const id = newId();
    const base = nuovaPendenza(id);
    const email = `a@${'a.'.repeat(120)}`;
    const r = await putPendenza(id, { ...base, soggettoPagatore: { ...base.soggettoPagatore, email } });
    expect(r.status).toBe(400);
    expect(r.body.dettaglio).toContain('soggettoPagatore.email');
    expect((await getPendenza(id)).status).toBe(404);
  });

  it('still accepts the emails GovPay accepts', async () => {
    const id = newId();
    const base = nuovaPendenza(id);
    const r = await putPendenza(id, { ...base, soggettoPagatore: { ...base.soggettoPagatore, email: "m.o'rossi+x@mail-1.pa.gov.it" } });
    expect(r.status).toBe(201);
  });

  it('refuses a 29-character iuvPrefix with a fast 400 naming the field, the dominio unchanged', async () => {
    const before = (await call(t.baseUrl, 'GET', `${BO}/domini/12345678901`)).body;
    const dominio = { ...before, iuvPrefix: `${'1'.repeat(28)}x` };
    const r = await whileHealthAnswers(call(t.baseUrl, 'PUT', `${BO}/domini/12345678901`, { body: dominio }));
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject(SINTASSI);
    expect(r.body.dettaglio).toContain('iuvPrefix');
    expect((await call(t.baseUrl, 'GET', `${BO}/domini/12345678901`)).body).toEqual(before);
  });

  it('refuses an applicazione whose regExpIuv could backtrack without end, naming the field', async () => {
    const body = { principal: 'redos-app', password: 'Password1!', codificaAvvisi: { regExpIuv: '^(0|0)*1$' } };
    const r = await call(t.baseUrl, 'PUT', `${BO}/applicazioni/REDOSAPP`, { body });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject(SINTASSI);
    expect(r.body.dettaglio).toContain('codificaAvvisi.regExpIuv');
    expect((await call(t.baseUrl, 'GET', `${BO}/applicazioni/REDOSAPP`)).status).toBe(404);
    const safe = await call(t.baseUrl, 'PUT', `${BO}/applicazioni/REDOSAPP`, { body: { ...body, codificaAvvisi: { regExpIuv: '^0[0-9]{14}$' } } });
    expect(safe.status).toBe(201);
  });
});

describe('amounts', () => {
  it.each([
    ['importo', (p: ReturnType<typeof nuovaPendenza>) => ({ ...p, importo: 0, voci: [{ ...p.voci[0], importo: 0 }] })],
    ['voci.0.importo', (p: ReturnType<typeof nuovaPendenza>) => ({ ...p, voci: [{ ...p.voci[0], importo: 0 }] })],
  ])('refuses a zero %s', async (field, change) => {
    const id = newId();
    const r = await putPendenza(id, change(nuovaPendenza(id)));
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ ...SINTASSI, dettaglio: `Il campo ${field} deve essere maggiore di 0.` });
    expect((await getPendenza(id)).status).toBe(404);
  });

  it('says that a string importo is not a number, not that it is empty', async () => {
    const id = newId();
    const r = await putPendenza(id, { ...nuovaPendenza(id), importo: '10.00' });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject(SINTASSI);
    expect(r.body.dettaglio).toBe("Il campo importo non e' del tipo atteso (number).");
    expect((await getPendenza(id)).status).toBe(404);
  });
});

describe('malformed REST input', () => {
  it('refuses invalid UTF-8 in a JSON body instead of storing U+FFFD', async () => {
    const id = newId();
    const json = Buffer.from(JSON.stringify(nuovaPendenza(id, { causale: 'Pagamento XX' })));
    const at = json.indexOf('XX');
    json[at] = 0xc3;
    json[at + 1] = 0x28;
    const res = await fetch(`${t.baseUrl}${PZ}/pendenze/IDA2A01/${id}`, {
      method: 'PUT',
      headers: { authorization: APP, 'content-type': 'application/json' },
      body: new Blob([json]),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ...SINTASSI, dettaglio: expect.stringContaining('UTF-8') });
    expect((await getPendenza(id)).status).toBe(404);
  });

  it('refuses a NUL character in a JSON string, naming the field (it once reached the database driver)', async () => {
    const id = newId();
    const base = nuovaPendenza(id);
    const r = await putPendenza(id, { ...base, soggettoPagatore: { ...base.soggettoPagatore, anagrafica: 'Mario\u0000Rossi' } });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ ...SINTASSI, dettaglio: 'Il campo soggettoPagatore.anagrafica contiene un carattere non ammesso.' });
    expect((await getPendenza(id)).status).toBe(404);
  });

  it('refuses a NUL character in a path or a query parameter', async () => {
    const path = await call(t.baseUrl, 'GET', `${PZ}/avvisi/12345678901/%00`, { auth: APP });
    expect(path.status).toBe(400);
    expect(path.body).toMatchObject(SINTASSI);
    const query = await call(t.baseUrl, 'GET', `${PZ}/pendenze?idDominio=%00`, { auth: APP });
    expect(query.status).toBe(400);
    expect(query.body).toMatchObject({ ...SINTASSI, dettaglio: 'Il parametro idDominio contiene un carattere non ammesso.' });
  });

  it('refuses proprieta nested 5,000 deep with a 400', async () => {
    const id = newId();
    const body = JSON.stringify({ ...nuovaPendenza(id), proprieta: 'NESTED' }).replace('"NESTED"', `${'{"a":'.repeat(5000)}{}${'}'.repeat(5000)}`);
    const r = await call(t.baseUrl, 'PUT', `${PZ}/pendenze/IDA2A01/${id}`, { auth: APP, rawBody: body, headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject(SINTASSI);
    expect((await getPendenza(id)).status).toBe(404);
  });

  it('answers 400 to a path with malformed percent-encoding', async () => {
    const r = await call(t.baseUrl, 'GET', `${PZ}/pendenze/IDA2A01/%E0%A4%A`, { auth: APP });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject(SINTASSI);
  });

  it('answers 400 to a PATCH whose operations are not objects, changing nothing', async () => {
    const id = newId();
    expect((await putPendenza(id, nuovaPendenza(id))).status).toBe(201);
    const before = (await getPendenza(id)).body;
    const r = await call(t.baseUrl, 'PATCH', `${PZ}/pendenze/IDA2A01/${id}`, { auth: APP, body: [1] });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject(SINTASSI);
    expect((await getPendenza(id)).body).toEqual(before);
  });
});

describe('tracciati', () => {
  it('a row whose idA2A is longer than GovPay allows is refused alone, and the tracciato is processed to its end', async () => {
    const id = newId();
    const row = { idA2A: 'X'.repeat(5000), idPendenza: id, ...nuovaPendenza(id) };
    const r = await call(t.baseUrl, 'POST', `${BO}/pendenze/tracciati`, { body: { idTracciato: id, idDominio: '12345678901', inserimenti: [row] } });
    expect(r.status).toBe(201);
    const done = await until('the tracciato processed', async () => {
      const g = await call(t.baseUrl, 'GET', `${BO}/pendenze/tracciati/${r.body.id}`);
      return ['ESEGUITO', 'ESEGUITO_CON_ERRORI', 'SCARTATO'].includes(g.body.stato) && g.body;
    }, 20_000, 100);
    expect(done).toMatchObject({ stato: 'ESEGUITO_CON_ERRORI', numeroOperazioniFallite: 1 });
  });
});

describe('malformed GraphQL', () => {
  it('answers 400 SINTASSI to a NUL character in a string literal or a variable', async () => {
    const literal = await gql(t.baseUrl, 'query { pendenza(idA2A: "IDA2A01", idPendenza: "\\u0000") { idPendenza } }');
    expect(literal.status).toBe(400);
    expect(literal.body.errors[0].extensions).toMatchObject(SINTASSI);
    const variable = await gql(t.baseUrl, 'query ($id: ID!) { pendenza(idA2A: "IDA2A01", idPendenza: $id) { idPendenza } }', { id: 'a\u0000' });
    expect(variable.status).toBe(400);
    expect(variable.body).toMatchObject({ ...SINTASSI, dettaglio: 'Il campo variables.id contiene un carattere non ammesso.' });
  });

  it('answers 400 with GraphQL message to two operations without an operationName', async () => {
    const r = await call(t.baseUrl, 'POST', '/graphql', { auth: basic(GPADMIN), body: { query: 'query A { __typename } query B { __typename }' } });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].message).toBe('Must provide operation name if query contains multiple operations.');
  });
});

describe('malformed SOAP gets the operation KO with PAA_SINTASSI_XSD, never 5xx', () => {
  const idsWith = (idPA: string) =>
    `<idPA>${idPA}</idPA><idBrokerPA>${IDS.idBrokerPA}</idBrokerPA><idStation>${IDS.idStation}</idStation>` +
    '<qrCode><fiscalCode>12345678901</fiscalCode><noticeNumber>001340000000000136</noticeNumber></qrCode>';
  const nested = (depth: number) => `${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}`;

  it.each([
    ['a character reference beyond Unicode (&#x110000;)', verifyEnvelope(idsWith('1234567890&#x110000;'))],
    ['a huge decimal character reference (&#99999999999;)', verifyEnvelope(idsWith('&#99999999999;'))],
    ['a NUL character reference in idPA (&#0;)', verifyEnvelope(idsWith('&#0;'))],
    ['a surrogate character reference (&#xD800;)', verifyEnvelope(idsWith('&#xD800;'))],
    ['60,000 nested elements', getPaymentEnvelope(`${idsWith(IDS.idPA)}<amount>1.00</amount>${nested(60_000)}`)],
  ])('%s', async (_case, xml) => {
    const operation = xml.includes('paGetPaymentReq') ? 'paGetPayment' : 'paVerifyPaymentNotice';
    const r = await whileHealthAnswers(stationCall(t.baseUrl, operation, xml));
    expect(r.status).toBe(200);
    expect(r.text).toContain('<outcome>KO</outcome>');
    expect(r.text).toContain('<faultCode>PAA_SINTASSI_XSD</faultCode>');
  });

  it('bytes that are not UTF-8', async () => {
    const xml = Buffer.from(verifyEnvelope(idsWith('12345678901')).replace('<idBrokerPA>', '<idBrokerPA>XX'));
    const at = xml.indexOf('XX');
    xml[at] = 0xff;
    xml[at + 1] = 0xfe;
    const r = await stationCall(t.baseUrl, 'paVerifyPaymentNotice', new Uint8Array(xml));
    expect(r.status).toBe(200);
    expect(r.text).toContain('<faultCode>PAA_SINTASSI_XSD</faultCode>');
    expect(r.text).toContain('UTF-8');
  });

  it('still answers a well-formed request', async () => {
    const r = await stationCall(t.baseUrl, 'paVerifyPaymentNotice', ENVELOPES.paVerifyPaymentNotice());
    expect(r.status).toBe(200);
    expect(r.text).toContain('<outcome>');
  });
});
