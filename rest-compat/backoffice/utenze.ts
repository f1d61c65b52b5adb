import type { Router } from 'express';
import { applicazioneInput, operatoreInput } from '../../subgraphs/anagrafica/services';
import { parseInput } from '../../core/validation';
import type { GraphClient } from '../shared/graph-client';
import { jsonBody, route, saved } from '../shared/http';
import { stripNulls } from '../../core/compact';
import { MAX_PAGE_SIZE } from '../../core/paging';
import { lenientBoolean, list, mountTable, textParam, type Operation } from '../shared/table';
import { patchOperation, RUOLO_FIELDS, ruoloJson, type GraphRuolo } from './ruoli';
import { aclDelGrafo, aclGovPay, type GraphAcl } from '../shared/acl';
import { connettoreDelGrafo, connettoreGovPay, type VersioneApiNome } from './versione-api';

export const SCOPE_FIELDS =
  'domini { idDominio ragioneSociale unitaOperative { idUnita ragioneSociale } } tipiPendenza { idTipoPendenza descrizione } acl { servizio autorizzazioni }';
const UTENZA_FIELDS = `principal password ${SCOPE_FIELDS} ruoliAssegnati { ${RUOLO_FIELDS} } abilitato`;
const APPLICAZIONE_FIELDS = `idA2A ${UTENZA_FIELDS} apiPagamenti apiPendenze apiRagioneria
  codificaAvvisi { codificaIuv regExpIuv generazioneIuvInterna } servizioIntegrazione { url versioneApi auth }`;
const OPERATORE_FIELDS = `ragioneSociale ${UTENZA_FIELDS}`;
const PROFILO_FIELDS = `nome autenticazione ${SCOPE_FIELDS}`;

type Node = Record<string, unknown> & {
  acl?: GraphAcl[];
  ruoliAssegnati?: GraphRuolo[];
  servizioIntegrazione?: { versioneApi?: VersioneApiNome | null } | null;
};

/** A profile or an utenza with its ACLs in GovPay's text, in their place (the JSON's order is GovPay's). */
export const conAclGovPay = <U extends { acl?: GraphAcl[] }>(u: U) => (u.acl ? { ...u, acl: aclGovPay(u.acl) } : u);

/** GovPay lists an utenza's roles as `ruolo` objects, each with its ACLs. */
const utenzaJson = ({ ruoliAssegnati, ...u }: Node) =>
  stripNulls({
    ...conAclGovPay(u),
    ...('servizioIntegrazione' in u ? { servizioIntegrazione: connettoreGovPay(u.servizioIntegrazione) } : {}),
    ...(ruoliAssegnati?.length ? { ruoli: ruoliAssegnati.map(ruoloJson) } : {}),
  });

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
    render: (payload: { profilo: Node }) => stripNulls(conAclGovPay(payload.profilo)),
  }),
];

/** Backoffice applicazioni and operatori. */
export function utenzeRoutes(router: Router, graph: GraphClient): void {
  mountTable(router, graph, [
    list({
      path: '/applicazioni',
      field: 'applicazioni',
      filterType: 'ApplicazioneFilter',
      orderType: 'ApplicazioneOrder',
      ordinamento: { idA2A: 'ID_A2A', principal: 'PRINCIPAL' },
      maxRisultatiPerPagina: MAX_PAGE_SIZE,
      query: { abilitato: lenientBoolean.optional(), idA2A: textParam.optional(), principal: textParam.optional() },
      selection: 'idA2A principal abilitato',
      filter: (q) => ({ abilitato: q.abilitato, idA2A: q.idA2A, principal: q.principal }),
      map: stripNulls,
    }),
    list({
      path: '/operatori',
      field: 'operatori',
      filterType: 'OperatoreFilter',
      orderType: 'OperatoreOrder',
      ordinamento: { ragioneSociale: 'RAGIONE_SOCIALE', principal: 'PRINCIPAL' },
      maxRisultatiPerPagina: MAX_PAGE_SIZE,
      query: { abilitato: lenientBoolean.optional() },
      selection: 'principal ragioneSociale abilitato',
      filter: (q) => ({ abilitato: q.abilitato }),
      map: stripNulls,
    }),
  ]);

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
      const data = await graph.run<{ salvaApplicazione: { created: boolean } }>(
        `mutation ($input: SalvaApplicazioneInput!) { salvaApplicazione(input: $input) { created } }`,
        {
          input: {
            ...input,
            acl: aclDelGrafo(input.acl),
            servizioIntegrazione: connettoreDelGrafo(input.servizioIntegrazione),
            idA2A: req.params.idA2A,
          },
        },
        principal,
      );
      return saved(data.salvaApplicazione.created);
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
      const data = await graph.run<{ salvaOperatore: { created: boolean } }>(
        `mutation ($input: SalvaOperatoreInput!) { salvaOperatore(input: $input) { created } }`,
        { input: { ...input, acl: aclDelGrafo(input.acl), principal: req.params.principal } },
        principal,
      );
      return saved(data.salvaOperatore.created);
    }),
  );
}
