import { acquire, control, FDR_KEY, paid, publish, startRig, type AcquisitionRig } from './helpers/flussi-acquisizione';
import { closeSimulators } from './helpers/simulator';

/**
 * The simulator's side of reporting: POST /api/flows refusing bad input with a clear message and
 * publishing nothing; the Nodo's nodeForPa checking the station as pagoPA's does; FdR's paging,
 * its key and its 404.
 */
let rig: AcquisitionRig;

beforeAll(async () => {
  rig = await startRig();
  await paid(rig, 1);
});
afterAll(async () => {
  await closeSimulators();
  await rig?.t.close();
});

const flowsCount = async () => (await control(rig, 'GET', '/api/flows')).body.length;

test.each([
  ['an unknown dominio', { idDominio: '99999999999' }, 404, /dominio 99999999999 unknown to the simulator/],
  ['an unknown iuv', { idDominio: '12345678901', iuv: ['000000000000000'] }, 422, /no delivered payment .* with iuv 000000000000000/],
  [
    'a PSP with no payment',
    { idDominio: '12345678901', idPsp: 'ALTROPSP' },
    422,
    /no delivered payment of dominio 12345678901 and PSP ALTROPSP/,
  ],
  ['a dominio that is not a fiscal code', { idDominio: 'x' }, 400, /idDominio: must be the dominio fiscal code/],
  ['an unknown field', { idDominio: '12345678901', cumulativo: false }, 400, /unknown field\(s\): cumulativo/],
  ['an empty iuv list', { idDominio: '12345678901', iuv: [] }, 400, /iuv/],
])('POST /api/flows with %s: %i and a clear message, nothing published', async (_what, body, status, message) => {
  const before = await flowsCount();
  const r = await control(rig, 'POST', '/api/flows', body);
  expect(r.status).toBe(status);
  expect(r.body.error).toMatch(message);
  expect(await flowsCount()).toBe(before);
});

test('POST /api/flows with malformed JSON: 400', async () => {
  const r = await fetch(`${rig.simUrl}/api/flows`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"idDominio": ',
  });
  expect(r.status).toBe(400);
  expect((await r.json()).error).toMatch(/malformed JSON/);
});

test('every delivered payment is reported once: a second default flow finds none left', async () => {
  await publish(rig, { idDominio: '12345678901' });
  const r = await control(rig, 'POST', '/api/flows', { idDominio: '12345678901' });
  expect(r.status).toBe(422);
  expect(r.body.error).toMatch(/left to report/);
});

function nodoCall(operation: string, fields: Record<string, string>, soapAction = operation): Promise<string> {
  const body = Object.entries(fields)
    .map(([k, v]) => `<${k}>${v}</${k}>`)
    .join('');
  return fetch(`${rig.simUrl}/nodo/nodeForPa`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${soapAction}"` },
    body: `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:nfpa="http://ws.pagamenti.telematici.gov/"><soapenv:Body><nfpa:${operation}>${body}</nfpa:${operation}></soapenv:Body></soapenv:Envelope>`,
  }).then((r) => r.text());
}

const STATION = {
  identificativoIntermediarioPA: '11111111113',
  identificativoStazioneIntermediarioPA: '11111111113_01',
  password: 'Password1!',
};

test.each([
  ['a wrong password', { ...STATION, password: 'Sbagliata1!' }, 'PPT_AUTENTICAZIONE'],
  ['an unknown station', { ...STATION, identificativoStazioneIntermediarioPA: '11111111113_99' }, 'PPT_STAZIONE_INT_PA_SCONOSCIUTA'],
  ['an unknown broker', { ...STATION, identificativoIntermediarioPA: '99999999999' }, 'PPT_INTERMEDIARIO_PA_SCONOSCIUTO'],
])('the Nodo answers %s with a fault bean', async (_what, fields, code) => {
  const xml = await nodoCall('nodoChiediElencoFlussiRendicontazione', { ...fields, identificativoDominio: '12345678901' });
  expect(xml).toContain(`<faultCode>${code}</faultCode>`);
  expect(xml).not.toContain('elencoFlussiRendicontazione>');
});

test('the Nodo: an unknown flow is PPT_ID_FLUSSO_SCONOSCIUTO; a SOAPAction for another operation is PPT_SOAPACTION_ERRATA', async () => {
  const unknown = await nodoCall('nodoChiediFlussoRendicontazione', {
    ...STATION,
    identificativoDominio: '12345678901',
    identificativoFlusso: 'NOPE',
  });
  expect(unknown).toContain('<faultCode>PPT_ID_FLUSSO_SCONOSCIUTO</faultCode>');
  const action = await nodoCall(
    'nodoChiediFlussoRendicontazione',
    { ...STATION, identificativoFlusso: 'NOPE' },
    'nodoChiediElencoFlussiRendicontazione',
  );
  expect(action).toContain('<faultCode>PPT_SOAPACTION_ERRATA</faultCode>');
});

test("FdR pages its lists and a flow's payments; refuses a missing key (401) and an unknown flow (404)", async () => {
  const big = await publish(rig, { idDominio: '12345678901', synthetic: 25 });
  const get = (path: string, key: string | null = FDR_KEY) =>
    fetch(`${rig.simUrl}/fdr-org/service/v1${path}`, { headers: key ? { 'Ocp-Apim-Subscription-Key': key } : {} });
  expect((await get('/organizations/12345678901/fdrs', null)).status).toBe(401);
  const list = await (await get('/organizations/12345678901/fdrs?page=1&size=1')).json();
  expect(list.metadata).toMatchObject({ pageNumber: 1, pageSize: 1 });
  expect(list.metadata.totPage).toBeGreaterThan(1);
  const base = `/organizations/12345678901/fdrs/${big.identificativoFlusso}/revisions/1/psps/SIMPSP01`;
  const pages = [];
  for (let page = 1; page <= 3; page++) pages.push(await (await get(`${base}/payments?page=${page}&size=10`)).json());
  expect(pages.map((p) => p.data.length)).toEqual([10, 10, 5]);
  expect(pages[2].metadata.totPage).toBe(3);
  expect(pages.flatMap((p) => p.data.map((d: any) => d.index))).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  expect((await get(`/organizations/12345678901/fdrs/NOPE/revisions/1/psps/SIMPSP01`)).status).toBe(404);
  expect((await get(`${base}/payments?size=5000`)).status).toBe(400);
  // The hub reads every page (FdR's page size is its own: 1000 by default) and stores all 25 lines.
  expect(await acquire(rig.t)).toMatchObject({ falliti: 0 });
});
