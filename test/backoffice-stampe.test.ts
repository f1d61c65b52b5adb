import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nuovaPendenza, nuovoDominio } from './helpers/fixtures';
import { basic, BO, call, recordExchange } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { readPdf } from './helpers/pdf';
import { until } from './helpers/until';

/**
 * GET /pendenze/tracciati/{id}/stampe: the avvisi of a tracciato's created pendenze as a ZIP of
 * PDFs named as GovPay names them, read back with python's zipfile (CRCs checked) and each PDF opened.
 */
let t: TestHub;
const D = '12345678901';
let seq = 0;
const newId = () => `ST${Date.now().toString(36)}${++seq}`;
const riga = (id: string, over: Record<string, unknown> = {}) => ({ idA2A: 'IDA2A01', idPendenza: id, ...nuovaPendenza(id), ...over });

async function caricato(body: unknown, query = ''): Promise<number> {
  const r = await call(t.baseUrl, 'POST', `${BO}/pendenze/tracciati${query}`, { body });
  expect(r.status).toBe(201);
  await until(
    `tracciato ${r.body.id}`,
    async () => {
      const g = await call(t.baseUrl, 'GET', `${BO}/pendenze/tracciati/${r.body.id}`);
      return ['ESEGUITO', 'ESEGUITO_CON_ERRORI'].includes(g.body.stato);
    },
    30_000,
    100,
  );
  return r.body.id;
}

/** The reply as bytes (recorded for the conformance suite without its body, as a binary download). */
async function stampe(
  id: number | string,
  auth?: string,
): Promise<{ status: number; type: string | null; disposition: string | null; bytes: Buffer; body: any }> {
  const path = `${BO}/pendenze/tracciati/${id}/stampe`;
  const res = await fetch(`${t.baseUrl}${path}`, {
    headers: { authorization: auth ?? basic({ user: 'gpadmin', password: 'Password1!' }) },
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const type = res.headers.get('content-type');
  const body = type?.startsWith('application/json') ? JSON.parse(bytes.toString()) : undefined;
  recordExchange('backoffice', { method: 'GET', path, status: res.status, body, contentType: type ?? undefined });
  return { status: res.status, type, disposition: res.headers.get('content-disposition'), bytes, body };
}

/** The archive's entries, checked (CRC and structure) and extracted by python's zipfile. */
function unzip(zip: Buffer): Record<string, Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'govpay-zip-'));
  try {
    writeFileSync(join(dir, 'a.zip'), zip);
    const script =
      'import json,sys,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nz.extractall(sys.argv[2])\nprint(json.dumps(z.namelist()))';
    const names: string[] = JSON.parse(execFileSync('python3', ['-c', script, join(dir, 'a.zip'), join(dir, 'x')], { encoding: 'utf8' }));
    return Object.fromEntries(names.map((n) => [n, readFileSync(join(dir, 'x', n))]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  t = await startHub({ TRACCIATI_POLL_MS: '100' });
  expect((await call(t.baseUrl, 'PUT', `${BO}/domini/01234567890`, { body: nuovoDominio })).status).toBe(201);
  const op = {
    ragioneSociale: 'Altro',
    password: 'Password1!',
    domini: ['01234567890'],
    tipiPendenza: ['*'],
    acl: [{ servizio: 'Pendenze', autorizzazioni: ['R', 'W'] }],
  };
  expect((await call(t.baseUrl, 'PUT', `${BO}/operatori/op-altro-stampe`, { body: op })).status).toBe(201);
});
afterAll(() => t?.close());

it('zips one PDF per created avviso and one per documento, named as GovPay names them, leaving out the failed rows', async () => {
  const [a, b, r1, r2] = [newId(), newId(), newId(), newId()];
  const doc = `DOC${newId()}`;
  const rata = (id: string, n: number) =>
    riga(id, {
      importo: 10,
      voci: [{ idVocePendenza: '1', importo: 10, descrizione: 'x', codEntrata: 'SEGRETERIA' }],
      documento: { identificativo: doc, descrizione: 'Rate', rata: n },
    });
  const id = await caricato(
    {
      idTracciato: 'STAMPE-1',
      idDominio: D,
      inserimenti: [riga(a), riga(b), riga(newId(), { idTipoPendenza: 'NONESISTE' }), rata(r1, 1), rata(r2, 2)],
    },
    '?nomeFile=avvisi-marzo.json',
  );
  const numeri = await Promise.all(
    [a, b].map(async (p) => (await call(t.baseUrl, 'GET', `${BO}/pendenze/IDA2A01/${p}`)).body.numeroAvviso),
  );
  const r = await stampe(id);
  expect(r.status).toBe(200);
  expect(r.type).toMatch(/^application\/zip/);
  expect(r.disposition).toContain('avvisi-marzo.zip');
  const files = unzip(r.bytes);
  expect(Object.keys(files).sort()).toEqual([`${D}_${numeri[0]}.pdf`, `${D}_${numeri[1]}.pdf`, `${D}_DOC_${doc}.pdf`].sort());
  const avviso = readPdf(files[`${D}_${numeri[0]}.pdf`]);
  expect(avviso.pages.join(' ').replace(/\s+/g, ' ')).toContain(`Pagamento dovuto n.${a}`);
  expect(readPdf(files[`${D}_DOC_${doc}.pdf`]).pages.length).toBeGreaterThanOrEqual(1);
});

it('writes errore.txt when no row created a pendenza', async () => {
  const id = await caricato({ idTracciato: 'STAMPE-2', idDominio: D, inserimenti: [riga(newId(), { idTipoPendenza: 'NONESISTE' })] });
  const r = await stampe(id);
  expect(r.status).toBe(200);
  expect(unzip(r.bytes)['errore.txt'].toString()).toBe(
    'Attenzione: non sono presenti inserimenti andati a buon fine nel tracciato selezionato.',
  );
});

it('answers 404 to an unknown tracciato and to one loaded without stampaAvvisi, 403 to an operatore of another dominio, 400 to a bad id', async () => {
  expect((await stampe(999999)).status).toBe(404);
  const senza = await caricato({ idTracciato: 'STAMPE-3', idDominio: D, inserimenti: [riga(newId())] }, '?stampaAvvisi=false');
  const r = await stampe(senza);
  expect(r.status).toBe(404);
  expect(r.body.dettaglio).toBe("La stampa degli avvisi di pagamento non e' stata richiesta per il tracciato");
  expect((await stampe(senza, basic({ user: 'op-altro-stampe', password: 'Password1!' }))).status).toBe(403);
  expect((await stampe('abc')).status).toBe(400);
});
