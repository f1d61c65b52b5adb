import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STATION_PATH } from '../pagopa';
import { formatNumeroAvviso } from '../subgraphs/pendenze/avviso/payloads';
import { basic, BO, call, gql, GPADMIN, IDA2A01, recordExchange } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { nuovaPendenza, nuovoDominio } from './helpers/fixtures';
import { readPdf } from './helpers/pdf';
import { closeSimulators, NODO_AUTH, simulatorFor } from './helpers/simulator';
import { sendRTV2Envelope } from './helpers/station-envelopes';

/**
 * The ricevuta di pagamento for people: GovPay's /rpp/{idDominio}/{iuv}/{ccp}/rt with Accept:
 * application/pdf (API Pendenze v2 and the Backoffice), the graph's Rpp.ricevutaPdf and its data as
 * Rpp.ricevuta, after real payments through the simulator and receipts as the Nodo sends them.
 * Every PDF is read back as text (poppler) and every field it must show is looked for.
 */
let t: TestHub;
let stationUrl: string;
const PV2 = '/govpay/backend/api/pendenze/rs/basic/v2';
const DOMINIO = '12345678901';
const ALTRO = '01234567890';
const app = basic(IDA2A01);
const admin = basic(GPADMIN);
/** A 1×1 PNG: the demo dominio's logo. */
const LOGO = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
let seq = 0;
const newId = (what: string) => `RC-${what}-${Date.now().toString(36)}-${++seq}`;

const PSP = { idPSP: 'BESMPITM', PSPCompanyName: 'Banca Esempio S.p.A.', idChannel: 'BESMPITM_01' };

/** A PDF download: status, headers and the bytes as sent (recorded for the conformance suite, as `call` records). */
async function download(path: string, auth = app, accept = 'application/pdf') {
  const res = await fetch(`${t.baseUrl}${path}`, { headers: { authorization: auth, accept } });
  const bytes = Buffer.from(await res.arrayBuffer());
  const type = res.headers.get('content-type') ?? '';
  const body = type.startsWith('application/json') ? JSON.parse(bytes.toString()) : bytes.toString('latin1');
  recordExchange(path.startsWith(BO) ? 'backoffice' : 'pendenze', { method: 'GET', path, status: res.status, body, contentType: type });
  return { status: res.status, type, disposition: res.headers.get('content-disposition'), bytes };
}

const rtPath = (base: string, r: { idDominio: string; iuv: string; ccp: string }) =>
  `${base}/rpp/${r.idDominio}/${r.iuv}/${encodeURIComponent(r.ccp)}/rt`;
const text = (pdf: Buffer) =>
  readPdf(pdf)
    .pages.join('\n')
    .replace(/[ \t]+/g, ' ');

/** The images a PDF holds (poppler's pdfimages; a PNG's transparency, its smask, is not another). */
function images(pdf: Buffer): number {
  const dir = mkdtempSync(join(tmpdir(), 'govpay-ricevuta-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    const list = execFileSync('pdfimages', ['-list', join(dir, 'r.pdf')], { encoding: 'utf8' });
    return list
      .split('\n')
      .slice(2)
      .filter((l) => l.trim().split(/\s+/)[2] === 'image').length;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function load(id: string, over: Record<string, unknown> = {}) {
  const r = await call(t.baseUrl, 'PUT', `${PV2}/pendenze/IDA2A01/${id}`, { auth: app, body: nuovaPendenza(id, over) });
  expect(r.status).toBe(201);
  const numeroAvviso: string = r.body.numeroAvviso;
  return { numeroAvviso, iuv: numeroAvviso.startsWith('3') ? numeroAvviso.slice(1) : numeroAvviso.slice(3) };
}

/** The receipt the Nodo sends for a notice of 100.99 euro (the station envelopes' paSendRTV2), with this outcome. */
async function sendReceipt(p: { numeroAvviso: string; iuv: string }, receiptId: string, outcome: 'OK' | 'KO') {
  const envelope = sendRTV2Envelope()
    .replaceAll('001340000000000136', p.numeroAvviso)
    .replaceAll('340000000000136', p.iuv)
    .replace('c0ffee00c0ffee00c0ffee00c0ffee01', receiptId)
    .replace('<outcome>OK</outcome>', `<outcome>${outcome}</outcome>`);
  const res = await fetch(stationUrl, {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '"paSendRTV2"', authorization: basic(NODO_AUTH) },
    body: envelope,
  });
  expect(await res.text()).toContain('<outcome>OK</outcome>');
}

beforeAll(async () => {
  t = await startHub({ OUTBOX_POLL_MS: '100' });
  stationUrl = `${t.baseUrl}${STATION_PATH}`;
  const demo = (await call(t.baseUrl, 'GET', `${BO}/domini/${DOMINIO}`, { auth: admin })).body;
  expect((await call(t.baseUrl, 'PUT', `${BO}/domini/${DOMINIO}`, { auth: admin, body: { ...demo, logo: LOGO } })).status).toBe(200);
  const bo = (path: string, body: unknown) => call(t.baseUrl, 'PUT', `${BO}${path}`, { auth: admin, body });
  expect((await bo(`/domini/${ALTRO}`, { ...nuovoDominio, auxDigit: '0' })).status).toBe(201);
  expect((await bo(`/domini/${ALTRO}/contiAccredito/IT60X0542811101000000123456`, { postale: false, abilitato: true })).status).toBe(201);
  expect((await bo(`/domini/${ALTRO}/entrate/SEGRETERIA`, { ibanAccredito: 'IT60X0542811101000000123456', abilitato: true })).status).toBe(
    201,
  );
  expect((await bo(`/domini/${ALTRO}/tipiPendenza/SEGRETERIA`, { abilitato: true })).status).toBe(201);
  const unDominio = { principal: 'undominio', password: 'Password1!', apiPendenze: true, domini: [DOMINIO], tipiPendenza: ['*'] };
  expect((await bo('/applicazioni/UNDOMINIO', { ...unDominio, acl: [{ servizio: 'Pagamenti', autorizzazioni: ['R'] }] })).status).toBe(201);
  const soloPendenze = {
    ragioneSociale: 'Solo Pendenze',
    password: 'Password1!',
    domini: ['*'],
    acl: [{ servizio: 'Pendenze', autorizzazioni: ['R'] }],
  };
  expect((await bo('/operatori/solopendenze', soloPendenze)).status).toBe(201);
});
afterAll(async () => {
  await closeSimulators();
  await t?.close();
});

describe('a payment through the simulator', () => {
  const id = newId('PAID');
  let key: { idDominio: string; iuv: string; ccp: string };
  let numeroAvviso: string;
  let paidAt: string;
  const soggettoPagatore = {
    tipo: 'F',
    identificativo: 'RSSMRA30A01H501I',
    anagrafica: 'Mario Rossi',
    indirizzo: 'Via Garibaldi',
    civico: '10',
    cap: '00100',
    localita: 'Roma',
  };
  const voci = [
    { idVocePendenza: '1', importo: 60, descrizione: 'Diritti di segreteria', codEntrata: 'SEGRETERIA' },
    { idVocePendenza: '2', importo: 40.99, descrizione: 'Spese di notifica', codEntrata: 'SEGRETERIA' },
  ];

  beforeAll(async () => {
    const p = await load(id, { causale: 'Certificato di residenza', soggettoPagatore, voci });
    numeroAvviso = p.numeroAvviso;
    const paid = await simulatorFor(stationUrl).pay({ fiscalCode: DOMINIO, noticeNumber: numeroAvviso, ...PSP });
    expect(paid.status).toBe('ESEGUITO');
    key = { idDominio: DOMINIO, iuv: p.iuv, ccp: paid.receipt!.receiptId };
    const rt = await call(t.baseUrl, 'GET', rtPath(PV2, key), { auth: app });
    paidAt = rt.body.paymentDateTime as string;
    expect(paidAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });

  /** The Rome date-time the receipt names, as the PDF prints it. */
  const printedAt = () => `${paidAt.slice(8, 10)}/${paidAt.slice(5, 7)}/${paidAt.slice(0, 4)} ${paidAt.slice(11, 19)}`;

  function expectEveryField(pdf: Buffer): void {
    const shown = text(pdf);
    for (const expected of [
      'RICEVUTA DI PAGAMENTO',
      'Ente Creditore Test',
      `Cod. Fiscale ${DOMINIO}`,
      'PAGAMENTO ESEGUITO',
      `il ${printedAt()}`,
      '100,99 €',
      'DEBITORE',
      'Mario Rossi',
      'Cod. Fiscale RSSMRA30A01H501I',
      'Certificato di residenza',
      formatNumeroAvviso(numeroAvviso),
      key.iuv,
      key.ccp,
      'Banca Esempio S.p.A.',
      'BESMPITM',
      'Diritti di segreteria',
      '60,00 €',
      'Spese di notifica',
      '40,99 €',
      'Totale',
    ]) {
      expect(shown).toContain(expected);
    }
    // The debtor paid: no payer is named.
    expect(shown).not.toContain('VERSANTE');
    // The demo dominio's logo.
    expect(images(pdf)).toBe(1);
  }

  it('GET /rt as application/pdf in API Pendenze v2 prints every field of the ricevuta', async () => {
    const r = await download(rtPath(PV2, key));
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/pdf');
    expect(r.disposition?.replaceAll('"', '')).toBe(`attachment; filename=${DOMINIO}_${key.iuv}_${key.ccp}.pdf`);
    expect(r.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expectEveryField(r.bytes);
  });

  it('the Backoffice serves the same PDF to an operatore', async () => {
    const r = await download(rtPath(BO, key), admin);
    expect([r.status, r.type]).toEqual([200, 'application/pdf']);
    expectEveryField(r.bytes);
  });

  it('the graph gives the PDF in base64 and the same data as JSON', async () => {
    const r = await gql(
      t.baseUrl,
      `query ($d: ID!, $iuv: ID!, $ccp: ID!) { rpp(idDominio: $d, iuv: $iuv, ccp: $ccp) {
        ricevutaPdf
        ricevuta { esito idDominio ragioneSocialeDominio importo dataPagamento iuv numeroAvviso idRicevuta causale
          debitore { tipo identificativo anagrafica indirizzo civico cap localita } versante { anagrafica }
          psp { idPsp ragioneSociale idCanale } voci { descrizione importo } } } }`,
      { d: key.idDominio, iuv: key.iuv, ccp: key.ccp },
      app,
    );
    expect(r.body.errors).toBeUndefined();
    expectEveryField(Buffer.from(r.body.data.rpp.ricevutaPdf, 'base64'));
    const ricevuta = r.body.data.rpp.ricevuta;
    expect(ricevuta).toEqual({
      esito: 'ESEGUITO',
      idDominio: DOMINIO,
      ragioneSocialeDominio: 'Ente Creditore Test',
      importo: '100.99',
      dataPagamento: expect.any(String),
      iuv: key.iuv,
      numeroAvviso,
      idRicevuta: key.ccp,
      causale: 'Certificato di residenza',
      // The debtor as the receipt names them: the pendenza's soggettoPagatore, through pagoPA.
      debitore: soggettoPagatore,
      versante: null,
      psp: { idPsp: 'BESMPITM', ragioneSociale: 'Banca Esempio S.p.A.', idCanale: 'BESMPITM_01' },
      voci: [
        { descrizione: 'Diritti di segreteria', importo: '60.00' },
        { descrizione: 'Spese di notifica', importo: '40.99' },
      ],
    });
    // The same instant the PDF prints in Rome time.
    const two = '2-digit' as const;
    const parts = new Intl.DateTimeFormat('it-IT', {
      timeZone: 'Europe/Rome',
      year: 'numeric',
      month: two,
      day: two,
      hour: two,
      minute: two,
      second: two,
      hourCycle: 'h23',
    })
      .formatToParts(new Date(ricevuta.dataPagamento))
      .reduce<Record<string, string>>((o, part) => ({ ...o, [part.type]: part.value }), {});
    expect(`${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`).toBe(printedAt());
  });

  it('JSON and XML stay the receipt as pagoPA sent it', async () => {
    const json = await call(t.baseUrl, 'GET', rtPath(PV2, key), { auth: app });
    expect(json.body).toMatchObject({ receiptId: key.ccp, noticeNumber: numeroAvviso, outcome: 'OK', idPSP: 'BESMPITM' });
    const xml = await download(rtPath(PV2, key), app, 'application/xml');
    expect(xml.type).toMatch(/^application\/xml/);
    expect(xml.bytes.toString()).toContain(`<receiptId>${key.ccp}</receiptId>`);
  });

  it('a PDF costs as much as an avviso in the graph: a page of them is refused before anything runs', async () => {
    const r = await gql(t.baseUrl, '{ rpps(first: 25) { nodes { ricevutaPdf } } }', {}, app);
    expect(r.status).toBe(400);
    expect(r.body.errors[0].extensions.code).toBe('QUERY_TOO_COSTLY');
  });
});

describe('receipts as the Nodo sends them', () => {
  it('names the payer when someone other than the debtor paid', async () => {
    const p = await load(newId('PAYER'));
    const ccp = `payer${Date.now()}`;
    await sendReceipt(p, ccp, 'OK');
    const r = await download(rtPath(PV2, { idDominio: DOMINIO, iuv: p.iuv, ccp }));
    expect(r.status).toBe(200);
    const shown = text(r.bytes);
    for (const expected of ['VERSANTE', 'Ditta Srl', 'Cod. Fiscale 01234567890', 'DEBITORE', 'Mario Rossi', 'PSP Simulatore', 'SIMPSP01'])
      expect(shown).toContain(expected);
    const data = await gql(
      t.baseUrl,
      `{ rpp(idDominio: "${DOMINIO}", iuv: "${p.iuv}", ccp: "${ccp}") { ricevuta { versante { tipo identificativo anagrafica } } } }`,
      {},
      app,
    );
    expect(data.body.data.rpp.ricevuta.versante).toEqual({ tipo: 'G', identificativo: '01234567890', anagrafica: 'Ditta Srl' });
  });

  it('prints a KO receipt as a payment not made, and the pendenza stays payable', async () => {
    const id = newId('KO');
    const p = await load(id);
    const ccp = `ko${Date.now()}`;
    await sendReceipt(p, ccp, 'KO');
    const r = await download(rtPath(PV2, { idDominio: DOMINIO, iuv: p.iuv, ccp }));
    expect(r.status).toBe(200);
    const shown = text(r.bytes);
    expect(shown).toContain('PAGAMENTO NON ESEGUITO');
    expect(shown).not.toContain('PAGAMENTO ESEGUITO');
    const data = await gql(t.baseUrl, `{ rpp(idDominio: "${DOMINIO}", iuv: "${p.iuv}", ccp: "${ccp}") { ricevuta { esito } } }`, {}, app);
    expect(data.body.data.rpp.ricevuta).toEqual({ esito: 'NON_ESEGUITO' });
    expect((await call(t.baseUrl, 'GET', `${PV2}/pendenze/IDA2A01/${id}`, { auth: app })).body.stato).toBe('NON_ESEGUITA');
  });
});

describe("GovPay's errors", () => {
  const NOT_FOUND = { categoria: 'OPERAZIONE', codice: '404000', descrizione: 'Risorsa non trovata' };
  const fault = (r: { bytes: Buffer }) => JSON.parse(r.bytes.toString());

  it('an attempt that never got a receipt (the PSP failed): 404, no PDF', async () => {
    const p = await load(newId('NORT'));
    const failed = await simulatorFor(stationUrl).pay({ fiscalCode: DOMINIO, noticeNumber: p.numeroAvviso, outcome: 'KO' });
    expect(failed.status).toBe('NON_ESEGUITO');
    const token = failed.token!.paymentToken;
    for (const base of [PV2, BO]) {
      const r = await download(rtPath(base, { idDominio: DOMINIO, iuv: p.iuv, ccp: token }), base === BO ? admin : app);
      expect(r.status).toBe(404);
      expect(r.type).toMatch(/^application\/json/);
      expect(fault(r)).toEqual({ ...NOT_FOUND, dettaglio: `Tentativo di pagamento (${DOMINIO}, ${p.iuv}, ${token}) inesistente.` });
    }
  });

  it('an unknown attempt: 404 in REST and in the graph', async () => {
    const r = await download(rtPath(PV2, { idDominio: DOMINIO, iuv: '99999999999999999', ccp: 'nessuna' }));
    expect(r.status).toBe(404);
    expect(fault(r)).toMatchObject(NOT_FOUND);
    const g = await gql(t.baseUrl, `{ rpp(idDominio: "${DOMINIO}", iuv: "99999999999999999", ccp: "nessuna") { ricevutaPdf } }`, {}, app);
    expect(g.body.errors[0].extensions).toMatchObject({ codice: '404000', status: 404 });
  });

  it("another dominio's receipt: 403 for a caller limited to its own; no Pagamenti right: 403", async () => {
    const r = await call(t.baseUrl, 'PUT', `${PV2}/pendenze/IDA2A01/${newId('ALTRO')}`, {
      auth: app,
      body: nuovaPendenza('x', { idDominio: ALTRO }),
    });
    expect(r.status).toBe(201);
    const paid = await simulatorFor(stationUrl).pay({ fiscalCode: ALTRO, noticeNumber: r.body.numeroAvviso });
    expect(paid.status).toBe('ESEGUITO');
    const key = { idDominio: ALTRO, iuv: paid.iuv!, ccp: paid.receipt!.receiptId };
    const own = await download(rtPath(PV2, key));
    expect([own.status, own.type]).toEqual([200, 'application/pdf']);
    expect(text(own.bytes)).toContain('Comune di Prova');
    // A dominio without a logo: the ricevuta has no image.
    expect(images(own.bytes)).toBe(0);

    const other = await download(rtPath(PV2, key), basic({ user: 'undominio', password: 'Password1!' }));
    expect(other.status).toBe(403);
    expect(fault(other)).toMatchObject({ categoria: 'AUTORIZZAZIONE', codice: '403000' });
    const noRight = await download(rtPath(BO, key), basic({ user: 'solopendenze', password: 'Password1!' }));
    expect(noRight.status).toBe(403);
    expect(fault(noRight)).toMatchObject({ codice: '403000' });
  });
});
