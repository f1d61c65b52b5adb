import type { Router } from 'express';
import type { z } from 'zod';
import {
  contoAccreditoInput,
  dominioInput,
  entrataDominioInput,
  tipoPendenzaDominioInput,
  unitaOperativaInput,
} from '../../subgraphs/anagrafica/services';
import { parseInput } from '../../core/validation';
import type { GraphClient } from '../shared/graph-client';
import { filters, jsonBody, route, saved } from '../shared/http';
import { stripNulls } from '../../core/compact';
import { listEnvelope, PAGE, PAGE_ARGS, pageVariables, parsePaging, type GraphConnection } from '../shared/paging';

const RECAPITI = 'indirizzo civico cap localita provincia nazione email pec tel fax web';
export const DOMINIO_FIELDS = `idDominio ragioneSociale ${RECAPITI} gln cbill iuvPrefix idStazione auxDigit segregationCode abilitato autStampaPosteItaliane area intermediato scaricaFr`;
const UNITA_FIELDS = `idUnita ragioneSociale ${RECAPITI} area abilitato`;
const CONTO_FIELDS = 'iban bic postale mybank abilitato descrizione intestatario autStampaPosteItaliane';
const ENTRATA_FIELDS =
  'idEntrata ibanAccredito ibanAppoggio tipoContabilita codiceContabilita abilitato tipoEntrata { idEntrata descrizione tipoContabilita codiceContabilita }';
const LAYOUT = 'portaleBackoffice portalePagamento avvisaturaMail avvisaturaAppIO visualizzazione tracciatoCsv';
const TIPO_PENDENZA_DOMINIO_FIELDS = `idTipoPendenza descrizione codificaIUV pagaTerzi abilitato ${LAYOUT} valori { codificaIUV pagaTerzi abilitato ${LAYOUT} }`;

export type GraphDominio = Record<string, unknown> & { idDominio: string; idStazione: string };

/** GovPay names the dominio's station `stazione`. */
const dominioJson = ({ idStazione, ...d }: GraphDominio) => stripNulls({ ...d, stazione: idStazione });

export const dominioIndex = (d: GraphDominio) => {
  const base = `/domini/${d.idDominio}`;
  return {
    ...dominioJson(d),
    unitaOperative: `${base}/unitaOperative`,
    contiAccredito: `${base}/contiAccredito`,
    entrate: `${base}/entrate`,
    tipiPendenza: `${base}/tipiPendenza`,
  };
};

/**
 * One of a dominio's configuration collections (unità operative, conti, entrate, tipi pendenza):
 * list, detail and upsert, each mapped onto the graph field of the same meaning.
 */
interface Child {
  path: string;
  param: string;
  /** Field of Dominio listing the collection, with its filter arguments. */
  listField: string;
  filters: { booleans: string[]; strings: Record<string, string> };
  /** Query field reading one element, and its key argument. */
  getField: string;
  keyArg: string;
  fields: string;
  mutation: string;
  inputType: string;
  input: z.ZodType;
}

const CHILDREN: Child[] = [
  {
    path: 'unitaOperative',
    param: 'idUnitaOperativa',
    listField: 'unitaOperative',
    filters: { booleans: ['abilitato'], strings: { ragioneSociale: 'ragioneSociale' } },
    getField: 'unitaOperativa',
    keyArg: 'idUnita',
    fields: UNITA_FIELDS,
    mutation: 'saveUnitaOperativa',
    inputType: 'UnitaOperativaInput',
    input: unitaOperativaInput,
  },
  {
    path: 'contiAccredito',
    param: 'ibanAccredito',
    listField: 'contiAccredito',
    filters: { booleans: ['abilitato'], strings: { iban: 'iban' } },
    getField: 'contoAccredito',
    keyArg: 'iban',
    fields: CONTO_FIELDS,
    mutation: 'saveContoAccredito',
    inputType: 'ContoAccreditoInput',
    input: contoAccreditoInput,
  },
  {
    path: 'entrate',
    param: 'idEntrata',
    listField: 'entrate',
    filters: { booleans: ['abilitato'], strings: { descrizione: 'descrizione' } },
    getField: 'entrataDominio',
    keyArg: 'idEntrata',
    fields: ENTRATA_FIELDS,
    mutation: 'saveEntrataDominio',
    inputType: 'EntrataDominioInput',
    input: entrataDominioInput,
  },
  {
    path: 'tipiPendenza',
    param: 'idTipoPendenza',
    listField: 'tipiPendenza',
    filters: { booleans: ['abilitato'], strings: { descrizione: 'descrizione' } },
    getField: 'tipoPendenzaDominio',
    keyArg: 'idTipoPendenza',
    fields: TIPO_PENDENZA_DOMINIO_FIELDS,
    mutation: 'saveTipoPendenzaDominio',
    inputType: 'TipoPendenzaDominioInput',
    input: tipoPendenzaDominioInput,
  },
];

/** Backoffice "Anagrafica Creditore": domini and their configuration. */
export function dominiRoutes(router: Router, graph: GraphClient): void {
  router.get(
    '/domini',
    route(graph, async ({ req, principal }) => {
      const paging = parsePaging(req);
      const f = filters(req, ['abilitato', 'intermediato', 'associati', 'form'], ['idStazione', 'idDominio', 'ragioneSociale']);
      const data = await graph.run<{ domini: GraphConnection<GraphDominio> }>(
        `query ($abilitato: Boolean, $intermediato: Boolean, $idStazione: String, $idDominio: String, $ragioneSociale: String, ${PAGE}) {
          domini(abilitato: $abilitato, intermediato: $intermediato, idStazione: $idStazione, idDominio: $idDominio,
            ragioneSociale: $ragioneSociale, ${PAGE_ARGS}) { nodes { ${DOMINIO_FIELDS} } totalCount pageInfo { hasNextPage } } }`,
        {
          abilitato: f.abilitato,
          intermediato: f.intermediato,
          idStazione: f.idStazione,
          idDominio: f.idDominio,
          ragioneSociale: f.ragioneSociale,
          ...pageVariables(paging),
        },
        principal,
      );
      return { status: 200, body: listEnvelope(req, paging, data.domini, dominioIndex) };
    }),
  );

  router.get(
    '/domini/:idDominio',
    route(graph, async ({ req, principal }) => {
      const all = '(first: 5000, withCount: false)';
      const data = await graph.run<{ dominio: GraphDominio & Record<string, { nodes: Record<string, unknown>[] }> }>(
        `query ($id: ID!) { dominio(idDominio: $id) { ${DOMINIO_FIELDS} logo
          unitaOperative${all} { nodes { ${UNITA_FIELDS} } }
          contiAccredito${all} { nodes { ${CONTO_FIELDS} } }
          entrate${all} { nodes { ${ENTRATA_FIELDS} } }
          tipiPendenza${all} { nodes { ${TIPO_PENDENZA_DOMINIO_FIELDS} } } } }`,
        { id: req.params.idDominio },
        principal,
      );
      const { unitaOperative, contiAccredito, entrate, tipiPendenza, ...d } = data.dominio;
      return {
        status: 200,
        body: {
          ...dominioJson(d as GraphDominio),
          unitaOperative: unitaOperative.nodes.map(stripNulls),
          contiAccredito: contiAccredito.nodes.map(stripNulls),
          entrate: entrate.nodes.map(stripNulls),
          tipiPendenza: tipiPendenza.nodes.map(stripNulls),
        },
      };
    }),
  );

  router.put(
    '/domini/:idDominio',
    route(graph, async ({ req, principal }) => {
      const input = parseInput(dominioInput, jsonBody(req));
      const data = await graph.run<{ saveDominio: { created: boolean } }>(
        `mutation ($id: ID!, $input: DominioInput!) { saveDominio(idDominio: $id, input: $input) { created } }`,
        { id: req.params.idDominio, input },
        principal,
      );
      return saved(data.saveDominio.created);
    }),
  );

  for (const child of CHILDREN) childRoutes(router, graph, child);
}

function childRoutes(router: Router, graph: GraphClient, c: Child): void {
  const filterNames = Object.keys(c.filters.strings);
  router.get(
    `/domini/:idDominio/${c.path}`,
    route(graph, async ({ req, principal }) => {
      const paging = parsePaging(req);
      const f = filters(req, [...c.filters.booleans, 'associati'], filterNames);
      const vars = [...c.filters.booleans.map((b) => `$${b}: Boolean`), ...filterNames.map((s) => `$${s}: String`)];
      const args = [...c.filters.booleans, ...filterNames].map((n) => `${n}: $${n}`);
      const data = await graph.run<{ dominio: Record<string, GraphConnection<Record<string, unknown>>> }>(
        `query ($id: ID!, ${vars.join(', ')}, ${PAGE}) { dominio(idDominio: $id) {
          ${c.listField}(${args.join(', ')}, ${PAGE_ARGS}) { nodes { ${c.fields} } totalCount pageInfo { hasNextPage } } } }`,
        { id: req.params.idDominio, ...f, ...pageVariables(paging) },
        principal,
      );
      return { status: 200, body: listEnvelope(req, paging, data.dominio[c.listField], stripNulls) };
    }),
  );

  router.get(
    `/domini/:idDominio/${c.path}/:${c.param}`,
    route(graph, async ({ req, principal }) => {
      const data = await graph.run<Record<string, Record<string, unknown>>>(
        `query ($id: ID!, $key: ID!) { ${c.getField}(idDominio: $id, ${c.keyArg}: $key) { ${c.fields} } }`,
        { id: req.params.idDominio, key: req.params[c.param] },
        principal,
      );
      return { status: 200, body: stripNulls(data[c.getField]) };
    }),
  );

  router.put(
    `/domini/:idDominio/${c.path}/:${c.param}`,
    route(graph, async ({ req, principal }) => {
      const input = parseInput(c.input, jsonBody(req));
      const data = await graph.run<Record<string, { created: boolean }>>(
        `mutation ($id: ID!, $key: ID!, $input: ${c.inputType}!) {
          ${c.mutation}(idDominio: $id, ${c.keyArg}: $key, input: $input) { created } }`,
        { id: req.params.idDominio, key: req.params[c.param], input },
        principal,
      );
      return saved(data[c.mutation].created);
    }),
  );
}
