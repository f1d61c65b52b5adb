import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { AddressList } from '../../core/address-list';
import { SPID_HEADERS, spidCitizen, type CallerAuthenticator } from '../../core/credentials';
import { errors } from '../../core/errors';
import { encodeCursor } from '../../core/paging';
import { ANONYMOUS_PRINCIPAL, type Principal } from '../../core/principal';
import { parseInput } from '../../core/validation';
import { getAllegato, getAvviso, getPendenza, getPendenzaByAvviso, getProfilo, pendenzeList } from '../pendenze';
import { postPendenzaSpontanea } from './spontanea';
import { rppRoutes } from '../pendenze/rpp';
import { PENDENZE_SHAPE, type PendenzaShape } from '../pendenze/shape';
import type { GraphClient } from '../shared/graph-client';
import { authenticate, route, wellFormedUrl } from '../shared/http';
import { mountTable } from '../shared/table';
import { booleanParam, dateTimeParam, listEnvelope, pageVariables, parsePaging, type GraphConnection } from '../shared/paging';
import { catalogoRoutes } from './catalogo';
import { avviaPagamentoInput } from './nuovo-pagamento';
import { PAGAMENTO_DETTAGLIO_FIELDS, PAGAMENTO_FIELDS, pagamentoDettaglio, pagamentoIndex, type GraphPagamento } from './pagamento-json';
import { profiloPubblico } from './profilo';

export const PAGAMENTO_BASE = '/govpay/frontend/api/pagamento/rs/:auth/v2';

type Chi = Principal['kind'];
/** Who GovPay's API Pagamento serves (its controllers' TIPO_UTENZA lists): never an operatore. */
const ENTE: Chi[] = ['applicazione'];
const PERSONE: Chi[] = ['applicazione', 'cittadino'];
const TUTTI: Chi[] = ['applicazione', 'cittadino', 'anonimo'];

/** An operation open to these callers only; an applicazione also needs the apiPagamenti flag. */
const solo =
  (chi: Chi[]): RequestHandler =>
  (_req, res, next) => {
    const p = res.locals.principal as Principal;
    if (p.kind === 'applicazione' && !p.api.pagamenti) {
      return next(errors.forbidden(`L'applicazione ${p.id} non e' abilitata all'utilizzo delle API Pagamento.`));
    }
    if (!chi.includes(p.kind)) return next(errors.forbidden(`Il chiamante (${p.kind}) non e' autorizzato ad eseguire l'operazione.`));
    next();
  };

/** API Pagamento's Pendenza lists the portal payments of the pendenza: the hub does not index them by pendenza yet. */
const PAGAMENTO_PENDENZA: PendenzaShape = { ...PENDENZE_SHAPE, dettaglio: { pagamenti: [] } };

const pagamentiQuery = z.object({
  stato: z.enum(['IN_CORSO', 'ESEGUITO', 'NON_ESEGUITO', 'ESEGUITO_PARZIALE', 'ANNULLATO', 'FALLITO']).optional(),
  idSessionePortale: z.string().max(255).optional(),
  idSessionePsp: z.string().max(255).optional(),
  id: z.string().max(255).optional(),
  idVersante: z.string().max(35).optional(),
  idDebitore: z.string().max(35).optional(),
  dataDa: dateTimeParam().optional(),
  dataA: dateTimeParam(true).optional(),
  maxRisultati: booleanParam.optional(),
});

/** The graph's largest page of payments (GovPay documents 100 too). */
const MAX_PAGAMENTI = 100;

/** GovPay's ordering fields of payments, as the graph's. */
const ORDINAMENTO: Record<string, string> = { dataRichiestaPagamento: 'DATA_RICHIESTA', stato: 'STATO', importo: 'IMPORTO' };

export interface PagamentoApiOptions {
  json: RequestHandler;
  /** Where API Pagamento's `spid` mode believes X-SPID-* headers from (SPID_TRUSTED_PROXIES). */
  spidProxies: AddressList;
}

/** GovPay's API Pagamento v2, for portals (applicazioni), citizens (spid) and anonymous visitors (public). */
export function pagamentoRouter(
  graph: GraphClient,
  authenticator: CallerAuthenticator,
  principalHeader: string,
  o: PagamentoApiOptions,
): Router {
  const router = Router({ mergeParams: true });
  router.use(
    wellFormedUrl,
    authenticate(authenticator, principalHeader, {
      spid: (req) =>
        spidCitizen(
          {
            fiscalNumber: req.header(SPID_HEADERS.fiscalNumber),
            name: req.header(SPID_HEADERS.name),
            familyName: req.header(SPID_HEADERS.familyName),
            email: req.header(SPID_HEADERS.email),
          },
          req.socket.remoteAddress,
          o.spidProxies,
        ),
      public: () => ANONYMOUS_PRINCIPAL,
    }),
    o.json,
  );

  router.post(
    '/pagamenti',
    solo(TUTTI),
    route(graph, async ({ req, principal }) => {
      const input = avviaPagamentoInput(req.body, { ...(req.query as Record<string, unknown>) }, principal.kind !== 'applicazione');
      const data = await graph.run<{ avviaPagamento: { redirect: string; pagamento: { idPagamento: string; idSession: string } } }>(
        'mutation ($input: AvviaPagamentoInput!) { avviaPagamento(input: $input) { redirect pagamento { idPagamento idSession } } }',
        { input },
        principal,
      );
      const { redirect, pagamento } = data.avviaPagamento;
      const id = pagamento.idPagamento;
      return { status: 201, body: { id, location: `/pagamenti/${id}`, redirect, idSession: pagamento.idSession } };
    }),
  );

  router.get(
    '/pagamenti',
    solo(PERSONE),
    route(graph, async ({ req, principal }) => {
      const paging = parsePaging(req);
      if (paging.risultatiPerPagina > MAX_PAGAMENTI)
        throw errors.syntax(`Il parametro risultatiPerPagina deve essere al massimo ${MAX_PAGAMENTI}.`);
      const q = parseInput(pagamentiQuery, { ...(req.query as Record<string, unknown>) });
      const filter = {
        stato: q.stato,
        idSessionePortale: q.idSessionePortale,
        idSession: q.idSessionePsp,
        idVersante: q.idVersante,
        idDebitore: q.idDebitore,
        dataRichiestaDa: q.dataDa,
        dataRichiestaA: q.dataA,
      };
      if (q.id) {
        // GovPay's codCarrello (`id`) names one payment: a list of it, or of none.
        const one = await graph.run<{ pagamenti: GraphConnection<GraphPagamento> }>(
          `query ($filter: PagamentiFilter) { pagamenti(filter: $filter, first: 100) { nodes { ${PAGAMENTO_FIELDS} } } }`,
          { filter },
          principal,
        );
        const nodes = one.pagamenti.nodes.filter((n) => n.idPagamento === q.id);
        return {
          status: 200,
          body: listEnvelope(req, paging, { nodes, totalCount: nodes.length, pageInfo: { hasNextPage: false } }, pagamentoIndex),
        };
      }
      const v = pageVariables(paging);
      const data = await graph.run<{ pagamenti: GraphConnection<GraphPagamento> }>(
        `query ($filter: PagamentiFilter, $orderBy: [PagamentoOrder!], $first: Int, $after: String) {
          pagamenti(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
            nodes { ${PAGAMENTO_FIELDS} } totalCount pageInfo { hasNextPage } } }`,
        { filter, orderBy: ordinamento(paging.ordinamento), first: paging.risultatiPerPagina, after: cursorBefore(Number(v.offset)) },
        principal,
      );
      return { status: 200, body: listEnvelope(req, paging, data.pagamenti, pagamentoIndex) };
    }),
  );

  router.get(
    '/pagamenti/byIdSession/:idSession',
    solo(TUTTI),
    leggiPagamento(graph, '$id: ID!', 'pagamentoByIdSession(idSession: $id)', 'idSession'),
  );
  router.get('/pagamenti/:id', solo(TUTTI), leggiPagamento(graph, '$id: String!', 'pagamento(idPagamento: $id)', 'id'));

  mountTable(router, graph, [pendenzeList(PAGAMENTO_PENDENZA, solo(PERSONE))]);
  router.get('/pendenze/byAvviso/:idDominio/:numeroAvviso', solo(ENTE), getPendenzaByAvviso(graph, PAGAMENTO_PENDENZA));
  router.get('/pendenze/:idA2A/:idPendenza', solo(PERSONE), getPendenza(graph, PAGAMENTO_PENDENZA));
  router.post('/pendenze/:idDominio/:idTipoPendenza', solo(ENTE), postPendenzaSpontanea(graph));
  router.get('/avvisi/:idDominio/:numeroAvviso', solo(TUTTI), getAvviso(graph, true));
  router.get('/allegati/:id', solo(PERSONE), getAllegato(graph));
  router.use('/rpp', solo(PERSONE));
  rppRoutes(router, graph, PENDENZE_SHAPE);
  catalogoRoutes(router, graph, solo(TUTTI));
  router.get('/profilo', solo(TUTTI), (req, res, next) => {
    const p = res.locals.principal as Principal;
    if (p.kind === 'applicazione') return getProfilo(graph)(req, res, next);
    res.status(200).json(profiloPubblico(p));
  });
  // The hub keeps no session: a logout has nothing to end, and says so as GovPay does, with 200.
  router.get('/logout', solo(TUTTI), (_req, res) => res.status(200).end());

  router.use((req, _res, next) => next(errors.notFound(`Risorsa ${req.method} ${req.path} inesistente.`)));
  return router;
}

/** GovPay's `+campo,-campo` as the graph's typed orderBy; a field it does not know is the caller's syntax error. */
function ordinamento(text: string | undefined) {
  if (!text) return undefined;
  return text.split(',').map((item) => {
    const direction = item.startsWith('-') ? 'DESC' : 'ASC';
    const name = item.replace(/^[+-]/, '');
    const field = ORDINAMENTO[name];
    if (!field) throw errors.syntax(`Il campo ${name} non e' ordinabile: usare ${Object.keys(ORDINAMENTO).join(', ')}.`);
    return { field, direction };
  });
}

/** The graph pages payments with cursors: the one before a GovPay page's first element. */
const cursorBefore = (offset: number): string | undefined => (offset > 0 ? encodeCursor(offset - 1) : undefined);

/** One session read by the path's `param` as `$id` (of type `variable`, the `field`'s argument's). */
function leggiPagamento(graph: GraphClient, variable: string, field: string, param: string): RequestHandler {
  return route(graph, async ({ req, principal }) => {
    const data = await graph.run<Record<string, GraphPagamento>>(
      `query (${variable}) { p: ${field} { ${PAGAMENTO_DETTAGLIO_FIELDS} } }`,
      { id: req.params[param] },
      principal,
    );
    return { status: 200, body: pagamentoDettaglio(data.p) };
  });
}
