import type { Router } from 'express';
import { applicazioneInput, operatoreInput } from '../../subgraphs/anagrafica/services';
import { parseInput } from '../../core/validation';
import type { GraphClient } from '../shared/graph-client';
import { filters, jsonBody, route, saved } from '../shared/http';
import { stripNulls } from '../../core/compact';
import { listEnvelope, PAGE, PAGE_ARGS, pageVariables, parsePaging, type GraphConnection } from '../shared/paging';
import type { Operation } from '../shared/table';
import { patchOperation, RUOLO_FIELDS, ruoloJson, type GraphRuolo } from './ruoli';

export const SCOPE_FIELDS =
  'domini { idDominio ragioneSociale unitaOperative { idUnita ragioneSociale } } tipiPendenza { idTipoPendenza descrizione } acl { servizio autorizzazioni }';
const UTENZA_FIELDS = `principal password ${SCOPE_FIELDS} ruoliAssegnati { ${RUOLO_FIELDS} } abilitato`;
const APPLICAZIONE_FIELDS = `idA2A ${UTENZA_FIELDS} apiPagamenti apiPendenze apiRagioneria
  codificaAvvisi { codificaIuv regExpIuv generazioneIuvInterna } servizioIntegrazione { url versioneApi auth }`;
const OPERATORE_FIELDS = `ragioneSociale ${UTENZA_FIELDS}`;
const PROFILO_FIELDS = `nome autenticazione ${SCOPE_FIELDS}`;

type Node = Record<string, unknown> & { ruoliAssegnati?: GraphRuolo[] };

/** GovPay lists an utenza's roles as `ruolo` objects, each with its ACLs. */
const utenzaJson = ({ ruoliAssegnati, ...u }: Node) =>
  stripNulls({ ...u, ...(ruoliAssegnati?.length ? { ruoli: ruoliAssegnati.map(ruoloJson) } : {}) });

/**
 * GovPay's PATCH of applicazioni, operatori and the caller's profile (JSON-patch operations, see
 * the anagrafica's patchUtenza for the paths each accepts), answering the resource as GET does.
 */
export const BACKOFFICE_UTENZE_PATCH: readonly Operation[] = [
  patchOperation({
    path: '/applicazioni/:idA2A',
    mutation: 'modificaApplicazione',
    selection: `applicazione { ${APPLICAZIONE_FIELDS} }`,
    input: (params) => ({ idA2A: params.idA2A }),
    render: (payload: { applicazione: Node }) => utenzaJson(payload.applicazione),
  }),
  patchOperation({
    path: '/operatori/:principal',
    mutation: 'modificaOperatore',
    selection: `operatore { ${OPERATORE_FIELDS} }`,
    input: (params) => ({ principal: params.principal }),
    render: (payload: { operatore: Node }) => utenzaJson(payload.operatore),
  }),
  patchOperation({
    path: '/profilo',
    mutation: 'modificaProfilo',
    selection: `profilo { ${PROFILO_FIELDS} }`,
    input: () => ({}),
    render: (payload: { profilo: Record<string, unknown> }) => stripNulls(payload.profilo),
  }),
];

/** Backoffice applicazioni and operatori. */
export function utenzeRoutes(router: Router, graph: GraphClient): void {
  router.get(
    '/applicazioni',
    route(graph, async ({ req, principal }) => {
      const paging = parsePaging(req);
      const f = filters(req, ['abilitato'], ['idA2A', 'principal']);
      const data = await graph.run<{ applicazioni: GraphConnection<Node> }>(
        `query ($abilitato: Boolean, $idA2A: String, $principal: String, ${PAGE}) {
          applicazioni(abilitato: $abilitato, idA2A: $idA2A, principal: $principal, ${PAGE_ARGS}) {
            nodes { idA2A principal abilitato } totalCount pageInfo { hasNextPage } } }`,
        { abilitato: f.abilitato, idA2A: f.idA2A, principal: f.principal, ...pageVariables(paging) },
        principal,
      );
      return { status: 200, body: listEnvelope(req, paging, data.applicazioni, stripNulls) };
    }),
  );

  router.get(
    '/applicazioni/:idA2A',
    route(graph, async ({ req, principal }) => {
      const data = await graph.run<{ applicazione: Node }>(
        `query ($id: ID!) { applicazione(idA2A: $id) { ${APPLICAZIONE_FIELDS} } }`,
        { id: req.params.idA2A },
        principal,
      );
      return { status: 200, body: utenzaJson(data.applicazione) };
    }),
  );

  router.put(
    '/applicazioni/:idA2A',
    route(graph, async ({ req, principal }) => {
      const input = parseInput(applicazioneInput, jsonBody(req));
      const data = await graph.run<{ saveApplicazione: { created: boolean } }>(
        `mutation ($id: ID!, $input: ApplicazioneInput!) { saveApplicazione(idA2A: $id, input: $input) { created } }`,
        { id: req.params.idA2A, input },
        principal,
      );
      return saved(data.saveApplicazione.created);
    }),
  );

  router.get(
    '/operatori',
    route(graph, async ({ req, principal }) => {
      const paging = parsePaging(req);
      const { abilitato } = filters(req, ['abilitato']);
      const data = await graph.run<{ operatori: GraphConnection<Node> }>(
        `query ($abilitato: Boolean, ${PAGE}) { operatori(abilitato: $abilitato, ${PAGE_ARGS}) {
          nodes { principal ragioneSociale abilitato } totalCount pageInfo { hasNextPage } } }`,
        { abilitato, ...pageVariables(paging) },
        principal,
      );
      return { status: 200, body: listEnvelope(req, paging, data.operatori, stripNulls) };
    }),
  );

  router.get(
    '/operatori/:principal',
    route(graph, async ({ req, principal }) => {
      const data = await graph.run<{ operatore: Node }>(
        `query ($id: ID!) { operatore(principal: $id) { ${OPERATORE_FIELDS} } }`,
        { id: req.params.principal },
        principal,
      );
      return { status: 200, body: utenzaJson(data.operatore) };
    }),
  );

  router.put(
    '/operatori/:principal',
    route(graph, async ({ req, principal }) => {
      const input = parseInput(operatoreInput, jsonBody(req));
      const data = await graph.run<{ saveOperatore: { created: boolean } }>(
        `mutation ($id: ID!, $input: OperatoreInput!) { saveOperatore(principal: $id, input: $input) { created } }`,
        { id: req.params.principal, input },
        principal,
      );
      return saved(data.saveOperatore.created);
    }),
  );
}
