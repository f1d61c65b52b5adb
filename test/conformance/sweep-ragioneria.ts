import { basic, BO, call, GPADMIN } from '../helpers/http';
import type { TestHub } from '../helpers/hub';
import { APP, causaleFlusso, causaleSingola, DOMINIO, euro, Ragioneria, RV1, RV2, type Pagata } from '../helpers/ragioneria';
import type { RecordedReply } from './openapi';

/**
 * The conformance sweep of the riconciliazione paths: payments through the simulator, a flow
 * stored, bank entries posted (new, replayed, refused), then every read of API Ragioneria v2, v1
 * and the Backoffice, successes and refusals. Replies are only collected; the suites validate them.
 */

type Opts = { auth?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> };
type Step = [method: string, path: string, opts?: Opts];
const ADMIN: Opts = { auth: basic(GPADMIN) };

interface Scena {
  a: Pagata;
  b: Pagata;
  c: Pagata;
  idFlusso: string;
}

/** Two payments in one flow (for the cumulative entry) and a third one (for the single one). */
async function scena(t: TestHub): Promise<Scena> {
  const r = new Ragioneria(t);
  const [a, b, c] = [await r.pagata(), await r.pagata(), await r.pagata()];
  const idFlusso = await r.flusso([a, b]);
  await r.flusso([c]);
  return { a, b, c, idFlusso };
}

const v2Steps = ({ a, b, c, idFlusso }: Scena): Step[] => {
  const flusso = { causale: causaleFlusso(idFlusso), importo: euro(a.importoCents + b.importoCents), sct: 'SCT-CONF-FLUSSO' };
  const singolo = { causale: causaleSingola(c), importo: euro(c.importoCents), sct: 'SCT-CONF-SINGOLO' };
  return [
    ['POST', `/riconciliazioni/${DOMINIO}`, { body: flusso }],
    ['POST', `/riconciliazioni/${DOMINIO}`, { body: flusso }],
    ['POST', `/riconciliazioni/${DOMINIO}?idFlussoCaseInsensitive=true`, { body: singolo }],
    ['POST', `/riconciliazioni/${DOMINIO}`, { body: { ...singolo, importo: 1 } }],
    ['POST', `/riconciliazioni/${DOMINIO}`, { body: { ...singolo, causale: '/XXX/1' } }],
    ['POST', `/riconciliazioni/00000000000`, { body: singolo }],
    ['POST', `/riconciliazioni/${DOMINIO}`, { body: { importo: 'aaaa', sct: 'S' } }],
    ['POST', `/riconciliazioni/${DOMINIO}`, { rawBody: '{"causale":', headers: { 'content-type': 'application/json' } }],
    ['POST', `/riconciliazioni/${DOMINIO}`, { ...ADMIN, body: singolo }],
    ['GET', '/riconciliazioni'],
    ['GET', `/riconciliazioni?idDominio=${DOMINIO}&risultatiPerPagina=1&ordinamento=-data`],
    ['GET', '/riconciliazioni?metadatiPaginazione=false'],
    ['GET', '/riconciliazioni?risultatiPerPagina=0'],
    ['GET', '/riconciliazioni?dataDa=ieri'],
    ['GET', '/riconciliazioni', { auth: null }],
    ['GET', `/riconciliazioni/${DOMINIO}/NESSUNA`],
    ['GET', '/riscossioni'],
    ['GET', `/riscossioni?tipo=ENTRATA&iur=${encodeURIComponent(a.iur)}`],
    ['GET', `/riscossioni/${DOMINIO}/${a.iuv}/${encodeURIComponent(a.iur)}/1`],
    ['GET', `/riscossioni/${DOMINIO}/${a.iuv}/${encodeURIComponent(a.iur)}/2`],
    ['GET', '/flussiRendicontazione'],
    ['GET', `/flussiRendicontazione?idDominio=${DOMINIO}&escludiObsoleti=true&statoFlussoRendicontazione=Acquisito`],
    ['GET', `/flussiRendicontazione/${idFlusso}`],
    ['GET', `/flussiRendicontazione/${DOMINIO}/${idFlusso}`],
    ['GET', `/flussiRendicontazione/${DOMINIO}/${idFlusso}`, { headers: { accept: 'application/xml' } }],
    ['GET', `/flussiRendicontazione/${DOMINIO}/NESSUNO`],
    ['GET', '/profilo'],
    ['GET', '/allegati/999999'],
  ];
};

/** Steps of the detail by dataOraFlusso: the revision's own date, as the list gave it. */
const dataOraSteps = (dataFlusso: string, idFlusso: string, conDominio: boolean): Step[] => [
  ['GET', `/flussiRendicontazione/${conDominio ? `${DOMINIO}/` : ''}${idFlusso}/${dataFlusso}`],
];

const v1Steps = ({ c }: Scena): Step[] => [
  ['POST', `/incassi/${DOMINIO}`, { body: { causale: causaleSingola(c), importo: euro(c.importoCents) } }],
  ['POST', `/incassi/${DOMINIO}`, { body: { causale: causaleSingola(c), importo: euro(c.importoCents) } }],
  ['POST', `/incassi/${DOMINIO}`, { body: { causale: '/RFB/999999999999999/1.00', importo: 1 } }],
  ['POST', `/incassi/${DOMINIO}`, { body: { importo: 1 } }],
  ['GET', '/incassi'],
  ['GET', `/incassi/${DOMINIO}/NESSUNO`],
  ['GET', '/riscossioni'],
  ['GET', `/riscossioni/${DOMINIO}/${c.iuv}/${encodeURIComponent(c.iur)}/1`],
  ['GET', '/flussiRendicontazione'],
  ['GET', '/profilo'],
  ['GET', '/profilo', ADMIN],
];

const backofficeSteps = ({ a, b, idFlusso }: Scena): Step[] => [
  [
    'POST',
    `/incassi/${DOMINIO}`,
    { ...ADMIN, body: { causale: causaleFlusso(idFlusso), importo: euro(a.importoCents + b.importoCents), sct: 'SCT-CONF-BO' } },
  ],
  [
    'POST',
    `/incassi/${DOMINIO}`,
    { ...ADMIN, body: { causale: causaleFlusso(idFlusso), importo: euro(a.importoCents + b.importoCents), sct: 'SCT-CONF-BO' } },
  ],
  ['POST', `/incassi/${DOMINIO}`, { ...ADMIN, body: { causale: '/XXX/1', importo: 1 } }],
  ['GET', '/incassi', ADMIN],
  ['GET', `/incassi?idDominio=${DOMINIO}&stato=ACQUISITO&risultatiPerPagina=1`, ADMIN],
  ['GET', '/riscossioni', ADMIN],
  ['GET', `/riscossioni/${DOMINIO}/${a.iuv}/${encodeURIComponent(a.iur)}/1`, ADMIN],
  ['GET', '/flussiRendicontazione', ADMIN],
  ['GET', `/flussiRendicontazione/${idFlusso}`, ADMIN],
  ['GET', `/rendicontazioni?idFlusso=${idFlusso}`, ADMIN],
  ['GET', '/quadrature/riscossioni?gruppi=DOMINIO,TIPO_PENDENZA,APPLICAZIONE,DIREZIONE', ADMIN],
  ['GET', '/quadrature/riscossioni', ADMIN],
  ['GET', '/quadrature/rendicontazioni?gruppi=FLUSSO_RENDICONTAZIONE', ADMIN],
];

async function run(baseUrl: string, base: string, steps: Step[], auth: Opts = { auth: APP }): Promise<RecordedReply[]> {
  const replies: RecordedReply[] = [];
  for (const [method, sub, opts] of steps) {
    const path = `${base}${sub}`;
    const r = await call(baseUrl, method, path, { ...auth, ...opts });
    replies.push({
      method,
      path,
      status: r.status,
      body: r.body,
      contentType: r.headers.get('content-type') ?? undefined,
      source: 'sweep',
    });
  }
  return replies;
}

/** API Ragioneria v2's sweep (the detail by dataOraFlusso at the date the list gives). */
export async function sweepRagioneriaV2(baseUrl: string, t: TestHub): Promise<RecordedReply[]> {
  const s = await scena(t);
  const replies = await run(baseUrl, RV2, v2Steps(s));
  const creata = replies.find((r) => r.method === 'POST' && r.status === 201)?.body as { idRiconciliazione: string };
  replies.push(...(await run(baseUrl, RV2, [['GET', `/riconciliazioni/${DOMINIO}/${creata.idRiconciliazione}?riscossioni.tipo=ENTRATA`]])));
  const lista = replies.find((r) => r.path === `${RV2}/flussiRendicontazione` && r.status === 200)?.body as {
    risultati: Array<{ idFlusso: string; dataFlusso: string }>;
  };
  const f = lista.risultati.find((x) => x.idFlusso === s.idFlusso)!;
  return [
    ...replies,
    ...(await run(baseUrl, RV2, [...dataOraSteps(f.dataFlusso, f.idFlusso, true), ...dataOraSteps(f.dataFlusso, f.idFlusso, false)])),
  ];
}

export async function sweepRagioneriaV1(baseUrl: string, t: TestHub): Promise<RecordedReply[]> {
  const s = await scena(t);
  const replies = await run(baseUrl, RV1, v1Steps(s));
  const incasso = replies.find((r) => r.method === 'POST' && r.status === 201)?.body as { idIncasso: string };
  const lista = await run(baseUrl, RV1, [
    ['GET', `/incassi/${DOMINIO}/${incasso.idIncasso}`],
    ['GET', `/flussiRendicontazione/${s.idFlusso}`],
  ]);
  const f = (await call(baseUrl, 'GET', `${RV2}/flussiRendicontazione/${DOMINIO}/${s.idFlusso}`, { auth: APP })).body as {
    dataFlusso: string;
  };
  return [...replies, ...lista, ...(await run(baseUrl, RV1, dataOraSteps(f.dataFlusso, s.idFlusso, false)))];
}

/** The Backoffice's riconciliazione paths, for the Backoffice suite's sweep. */
export async function sweepBackofficeRiconciliazione(baseUrl: string, t: TestHub): Promise<RecordedReply[]> {
  const s = await scena(t);
  const replies = await run(baseUrl, BO, backofficeSteps(s), ADMIN);
  const incasso = replies.find((r) => r.method === 'POST' && r.status === 201)?.body as { idIncasso: string };
  const f = (await call(baseUrl, 'GET', `${RV2}/flussiRendicontazione/${DOMINIO}/${s.idFlusso}`, { auth: APP })).body as {
    dataFlusso: string;
  };
  return [
    ...replies,
    ...(await run(
      baseUrl,
      BO,
      [
        ['GET', `/incassi/${DOMINIO}/${incasso.idIncasso}`],
        ...dataOraSteps(f.dataFlusso, s.idFlusso, true),
        ...dataOraSteps(f.dataFlusso, s.idFlusso, false),
      ],
      ADMIN,
    )),
  ];
}
