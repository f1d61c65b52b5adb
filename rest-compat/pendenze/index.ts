import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { CallerAuthenticator } from '../../core/credentials';
import { aclGovPay, type GraphAcl } from '../shared/acl';
import { downloadHeaders } from '../shared/download';
import { errors } from '../../core/errors';
import type { Principal } from '../../core/principal';
import { parseInput } from '../../core/validation';
import type { GraphClient } from '../shared/graph-client';
import { authenticate, numericIdParam, patchBody, route, wellFormedUrl, type RestResult } from '../shared/http';
import { stripNulls } from '../../core/compact';
import { booleanParam, dateTimeParam } from '../shared/paging';
import { MAX_PAGE_SIZE } from '../../core/paging';
import { list, mountTable, textParam, type Operation } from '../shared/table';
import { SCOPE_FIELDS } from '../backoffice/utenze';
import { avvisoJson, STATI_AVVISO } from './avviso';
import { linguaSecondaria } from './lingua';
import { rppRoutes } from './rpp';
import { PENDENZE_SHAPE, type PendenzaShape } from './shape';
import { PENDENZA_DETTAGLIO_FIELDS, PENDENZA_FIELDS, pendenzaDettaglio, pendenzaIndex, type GraphPendenza } from './mapping';

export const PENDENZE_BASE = '/govpay/backend/api/pendenze/rs/:auth/v2';

/** API Pendenze v2 is for applicazioni with the flag apiPendenze (and operatori). */
const requireApiPendenze: RequestHandler = (_req, res, next) => {
  const p = res.locals.principal as Principal;
  if (p.kind === 'applicazione' && !p.api.pendenze) {
    return next(errors.forbidden(`L'applicazione ${p.id} non e' abilitata all'utilizzo delle API Pendenze.`));
  }
  next();
};

export const putQuery = z.object({ stampaAvviso: booleanParam.default(false), dataAvvisatura: dateTimeParam(true).optional() });
/** `false` (the default) or a second language for the avviso. */
const avvisoQuery = z.object({ linguaSecondaria });

/** API Pagamento's avviso adds how an anonymous caller proves it is the debtor, and reCAPTCHA's token (not checked: no key is configured). */
const avvisoProvaQuery = avvisoQuery.extend({
  idDebitore: z.string().min(1).max(35).optional(),
  UUID: z.string().min(1).max(64).optional(),
  gRecaptchaResponse: z.string().max(4096).optional(),
});

const documentoQuery = avvisoQuery.extend({
  numeriAvviso: z
    .union([z.string().regex(/^\d{18}$/), z.array(z.string().regex(/^\d{18}$/)).max(100)])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])),
});

/** GovPay's API Pendenze v2, for the Ente's back-office systems, mapped onto the graph. */
export function pendenzeRouter(graph: GraphClient, authenticator: CallerAuthenticator, principalHeader: string): Router {
  const router = Router({ mergeParams: true });
  router.use(wellFormedUrl, authenticate(authenticator, principalHeader), requireApiPendenze);

  router.put('/pendenze/:idA2A/:idPendenza', putPendenza(graph));

  router.get('/pendenze/:idA2A/:idPendenza', getPendenza(graph));
  router.patch('/pendenze/:idA2A/:idPendenza', patchPendenza(graph));

  router.get('/pendenze/byAvviso/:idDominio/:numeroAvviso', getPendenzaByAvviso(graph));
  mountTable(router, graph, [pendenzeList()]);

  router.get('/avvisi/:idDominio/:numeroAvviso', getAvviso(graph));

  router.get('/documenti/:idDominio/:numeroDocumento/avvisi', getDocumentoAvvisi(graph));

  router.get('/allegati/:id', getAllegato(graph));

  rppRoutes(router, graph, PENDENZE_SHAPE);

  router.get('/profilo', getProfilo(graph));

  router.use((req, _res, next) => next(errors.notFound(`Risorsa ${req.method} ${req.path} inesistente.`)));
  return router;
}

/** PUT /pendenze/{idA2A}/{idPendenza}: creates or updates a pendenza, shared by API Pendenze and the Backoffice. */
export function putPendenza(graph: GraphClient, campiCreata: readonly CampoCreata[] = CREATA_V2): RequestHandler {
  return route(graph, async ({ req, principal }) => {
    const { stampaAvviso } = parseInput(putQuery, { ...(req.query as Record<string, unknown>) });
    const key = { idA2A: String(req.params.idA2A), idPendenza: String(req.params.idPendenza) };
    return savePendenza(graph, principal, key, pendenzaBody(req.body), stampaAvviso, campiCreata);
  });
}

/** What API Pendenze's PendenzaCreata tells (pdf when asked); the Backoffice's tells more (backoffice/pendenze.ts). */
const CREATA_V2 = ['idDominio', 'numeroAvviso', 'UUID', 'pdf'] as const;

export type CampoCreata = 'idA2A' | 'idPendenza' | 'idDominio' | 'idUnitaOperativa' | 'numeroAvviso' | 'UUID' | 'pdf';

/**
 * Creates or updates a pendenza through the graph: 201 when created, 200 when updated, with
 * GovPay's PendenzaCreata (its avviso's PDF when asked). Every API's pendenza writes end here.
 */
export async function savePendenza(
  graph: GraphClient,
  principal: Principal,
  key: { idA2A: string; idPendenza: string },
  input: Record<string, unknown>,
  stampaAvviso: boolean,
  campi: readonly CampoCreata[],
): Promise<RestResult> {
  const data = await graph.run<{ caricaPendenza: { created: boolean; pendenza: GraphPendenza & { UUID: string; avvisoPdf?: string } } }>(
    `mutation ($input: CaricaPendenzaInput!, $pdf: Boolean!) {
      caricaPendenza(input: $input) {
        created pendenza { idA2A idPendenza numeroAvviso UUID dominio { idDominio } unitaOperativa { idUnita } avvisoPdf @include(if: $pdf) } } }`,
    { input: { ...key, pendenza: input }, pdf: stampaAvviso },
    principal,
  );
  const { created, pendenza: node } = data.caricaPendenza;
  const creata: Record<CampoCreata, unknown> = {
    idA2A: node.idA2A,
    idPendenza: node.idPendenza,
    idDominio: node.dominio.idDominio,
    idUnitaOperativa: (node.unitaOperativa as { idUnita?: string } | null)?.idUnita,
    numeroAvviso: node.numeroAvviso,
    UUID: node.UUID,
    pdf: node.avvisoPdf,
  };
  return { status: created ? 201 : 200, body: stripNulls(Object.fromEntries(campi.map((c) => [c, creata[c]]))) };
}

/** A PUT body must be a JSON object; GovPay answers anything else with SINTASSI. */
function pendenzaBody(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw errors.syntax('Il corpo della richiesta deve essere un oggetto JSON con la pendenza (Content-Type: application/json).');
  }
  return body as Record<string, unknown>;
}

const shaped = <T extends GraphPendenza>(shape: PendenzaShape, p: T): T => ({ ...p, dominio: shape.dominio(p.dominio) as T['dominio'] });

/** GET /pendenze/{idA2A}/{idPendenza}, shared by API Pendenze and the Backoffice. */
export function getPendenza(graph: GraphClient, shape: PendenzaShape = PENDENZE_SHAPE): RequestHandler {
  return route(graph, async ({ req, principal }) => {
    const data = await graph.run<{ pendenza: GraphPendenza }>(
      `query ($idA2A: ID!, $idPendenza: ID!) { pendenza(idA2A: $idA2A, idPendenza: $idPendenza) { ${dettaglioFields(shape)} } }`,
      { idA2A: req.params.idA2A, idPendenza: req.params.idPendenza },
      principal,
    );
    return { status: 200, body: dettaglioJson(shape, data.pendenza) };
  });
}

/** The graph selection of a pendenza's detail as an API shows it. */
const dettaglioFields = (shape: PendenzaShape) => `${PENDENZA_DETTAGLIO_FIELDS} ${shape.campi} dominio { ${shape.dominioFields} }`;

/** GovPay's Pendenza as an API shows it. */
const dettaglioJson = (shape: PendenzaShape, p: GraphPendenza) => ({
  ...pendenzaDettaglio(shaped(shape, p), shape.rpp, shape.adapt),
  ...shape.dettaglio,
});

/** PATCH /pendenze/{idA2A}/{idPendenza} (GovPay's JSON-patch: /stato, /descrizioneStato, /ack, /nota), shared by both APIs. */
export function patchPendenza(graph: GraphClient): RequestHandler {
  return route(graph, async ({ req, principal }) => {
    const ops = patchBody(req);
    await graph.run(
      `mutation ($input: ModificaPendenzaInput!) { modificaPendenza(input: $input) { pendenza { stato } } }`,
      { input: { idA2A: req.params.idA2A, idPendenza: req.params.idPendenza, operazioni: ops } },
      principal,
    );
    return { status: 200 };
  });
}

/** GovPay's ordering fields of GET /pendenze as the graph's PendenzaOrderField. */
const ORDINAMENTO_PENDENZE = {
  dataCaricamento: 'DATA_CARICAMENTO',
  dataValidita: 'DATA_VALIDITA',
  dataScadenza: 'DATA_SCADENZA',
  stato: 'STATO',
  idPendenza: 'ID_PENDENZA',
  importo: 'IMPORTO',
};

const text = textParam.optional();

/**
 * GET /pendenze's parameters: the filters the graph's PendenzaFilter takes as they are, and two
 * GovPay reads and checks but that filter nothing (idPagamento, mostraSpontaneiNonPagati).
 */
const PENDENZE_QUERY = {
  ...{ idDominio: text, idA2A: text, idPendenza: text, idDebitore: text, stato: text, direzione: text, divisione: text, iuv: text },
  // Not in GovPay 3.9's spec; govpay-console 4 searches with it.
  numeroAvviso: text,
  idTipoPendenza: text,
  dataDa: dateTimeParam().optional(),
  dataA: dateTimeParam(true).optional(),
  idPagamento: text,
  mostraSpontaneiNonPagati: booleanParam.optional(),
};

/** GET /pendenze with GovPay's filters, ordering and paging, as each API shows a pendenza and lets it be called. */
export const pendenzeList = (shape: PendenzaShape = PENDENZE_SHAPE, guard?: RequestHandler): Operation =>
  list({
    path: '/pendenze',
    guard,
    field: 'pendenze',
    filterType: 'PendenzaFilter',
    orderType: 'PendenzaOrder',
    ordinamento: ORDINAMENTO_PENDENZE,
    maxRisultatiPerPagina: MAX_PAGE_SIZE,
    query: PENDENZE_QUERY,
    selection: `${PENDENZA_FIELDS} ${shape.campi} dominio { ${shape.dominioFields} }`,
    filter: ({ idPagamento: _p, mostraSpontaneiNonPagati: _m, stato, ...filter }) => {
      const s = shape.statoFiltro(stato);
      return s === null ? null : { ...filter, ...s };
    },
    map: (p: GraphPendenza) => pendenzaIndex(shaped(shape, p), shape.adapt),
  });

/**
 * GET /avvisi/{idDominio}/{numeroAvviso}: GovPay's Avviso as JSON, or its PDF. API Pagamento's
 * anonymous callers add the proof that the avviso is theirs (`idDebitore` or `UUID`).
 */
export function getAvviso(graph: GraphClient, prova = false, stati = STATI_AVVISO): RequestHandler {
  return route(graph, async ({ req, principal }) => {
    const q: { linguaSecondaria?: string; idDebitore?: string; UUID?: string } = parseInput(prova ? avvisoProvaQuery : avvisoQuery, {
      ...(req.query as Record<string, unknown>),
    });
    const { linguaSecondaria, idDebitore, UUID } = q;
    const pdf = req.accepts(['application/json', 'application/pdf']) === 'application/pdf';
    // The PDF needs none of the JSON's fields (nor the dominio they would fetch from the anagrafica).
    const data = await graph.run<{ pendenzaByAvviso: GraphPendenza & { dominio: { gln: string }; avvisoPdf?: string } }>(
      `query ($idDominio: ID!, $numeroAvviso: ID!, $idDebitore: String, $UUID: String${pdf ? ', $lingua: LinguaSecondaria' : ''}) {
        pendenzaByAvviso(idDominio: $idDominio, numeroAvviso: $numeroAvviso, idDebitore: $idDebitore, UUID: $UUID) {
          ${pdf ? 'avvisoPdf(linguaSecondaria: $lingua)' : `${PENDENZA_FIELDS} dominio { gln }`} } }`,
      {
        idDominio: req.params.idDominio,
        numeroAvviso: req.params.numeroAvviso,
        idDebitore,
        UUID,
        ...(pdf ? { lingua: linguaSecondaria } : {}),
      },
      principal,
    );
    const p = data.pendenzaByAvviso;
    if (pdf) return { status: 200, contentType: 'application/pdf', body: Buffer.from(p.avvisoPdf ?? '', 'base64') };
    return { status: 200, body: avvisoJson(p, stati) };
  });
}

/** GET /documenti/…/{idDominio}/{numeroDocumento}/avvisi: the avvisi of a documento's rate as one PDF, shared by both APIs. */
export function getDocumentoAvvisi(graph: GraphClient): RequestHandler {
  return route(graph, async ({ req, principal }) => {
    const { linguaSecondaria, numeriAvviso } = parseInput(documentoQuery, { ...(req.query as Record<string, unknown>) });
    const data = await graph.run<{ documentoAvvisiPdf: string }>(
      `query ($idDominio: ID!, $numero: ID!, $numeri: [String!], $lingua: LinguaSecondaria, $idA2A: String) {
        documentoAvvisiPdf(idDominio: $idDominio, numeroDocumento: $numero, numeriAvviso: $numeri, linguaSecondaria: $lingua, idA2A: $idA2A) }`,
      {
        idDominio: req.params.idDominio,
        numero: req.params.numeroDocumento,
        numeri: numeriAvviso,
        lingua: linguaSecondaria,
        idA2A: req.params.idA2A,
      },
      principal,
    );
    return { status: 200, contentType: 'application/pdf', body: Buffer.from(data.documentoAvvisiPdf, 'base64') };
  });
}

/** GET /allegati/{id}: a file sent in a pendenza's allegati, always as a download. */
export function getAllegato(graph: GraphClient): RequestHandler {
  return async (req, res, next) => {
    try {
      const data = await graph.run<{ allegato: { nome: string; tipo: string; contenuto: string } }>(
        'query ($numero: Int!) { allegato(numero: $numero) { nome tipo contenuto } }',
        { numero: numericIdParam(req) },
        res.locals.principal as Principal,
      );
      downloadHeaders(res, data.allegato.nome, data.allegato.tipo);
      res.status(200).send(Buffer.from(data.allegato.contenuto, 'base64'));
    } catch (e) {
      next(e);
    }
  };
}

/** GET /profilo of an applicazione or operatore: its name, scope and rights in words. */
export function getProfilo(graph: GraphClient): RequestHandler {
  return route(graph, async ({ principal }) => {
    const data = await graph.run<{
      profilo: {
        nome: string;
        domini: Array<{ idDominio: string; ragioneSociale: string }>;
        tipiPendenza: unknown[];
        acl: GraphAcl[];
      };
    }>(`{ profilo { nome ${SCOPE_FIELDS} } }`, {}, principal);
    const { nome, domini, tipiPendenza, acl } = data.profilo;
    // The APIs name the rights in words, where the Backoffice writes R and W.
    return { status: 200, body: stripNulls({ nome, domini, tipiPendenza, acl: aclInParole(aclGovPay(acl)) }) };
  });
}

export const aclInParole = (acl: Array<{ servizio: string; autorizzazioni: string[] }>) =>
  acl.map((a) => ({ ...a, autorizzazioni: a.autorizzazioni.map((r) => (r === 'R' ? 'Lettura' : 'Scrittura')) }));

/** GET /pendenze/byAvviso/{idDominio}/{numeroAvviso}: the pendenza of an avviso, in detail. */
export function getPendenzaByAvviso(graph: GraphClient, shape: PendenzaShape = PENDENZE_SHAPE): RequestHandler {
  return route(graph, async ({ req, principal }) => {
    const data = await graph.run<{ pendenzaByAvviso: GraphPendenza }>(
      `query ($idDominio: ID!, $numeroAvviso: ID!) { pendenzaByAvviso(idDominio: $idDominio, numeroAvviso: $numeroAvviso) { ${dettaglioFields(shape)} } }`,
      { idDominio: req.params.idDominio, numeroAvviso: req.params.numeroAvviso },
      principal,
    );
    return { status: 200, body: dettaglioJson(shape, data.pendenzaByAvviso) };
  });
}
