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
import { MAX_PAGE_SIZE } from '../../core/paging';
import { allRows, listEnvelope, parsePaging, readGovPayPage, type GraphConnection } from '../shared/paging';
import { firstPageOf, nestedPages, type NestedList } from '../shared/nested-list';
import { lenientBoolean, list, mountTable, ordinamento, textParam } from '../shared/table';

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
 * list, detail and upsert, each mapped onto the graph field of the same meaning. The graph names
 * what serves an element after its `type`: the query field (`unitaOperativa`), the list's
 * `XFilter` and `XOrder`, the mutation `salvaX` and its `SalvaXInput`.
 */
interface Child {
  path: string;
  param: string;
  type: string;
  /** Field of Dominio listing the collection. */
  listField: string;
  /** The list's filter parameters, named as the graph's filter names them. */
  filters: { booleans: string[]; strings: string[] };
  /** GovPay's ordering fields as the graph's order field enum. */
  ordinamento: Record<string, string>;
  /** The element's key in the graph. */
  keyArg: string;
  fields: string;
  input: z.ZodType;
}

/** GovPay's ordering fields of a dominio's unità operative as the graph's UnitaOperativaOrderField. */
export const UNITA_ORDINAMENTO = { ragioneSociale: 'RAGIONE_SOCIALE', idUnita: 'ID_UNITA' };

const CHILDREN: Child[] = [
  {
    path: 'unitaOperative',
    param: 'idUnitaOperativa',
    type: 'UnitaOperativa',
    listField: 'unitaOperative',
    filters: { booleans: ['abilitato'], strings: ['ragioneSociale'] },
    ordinamento: UNITA_ORDINAMENTO,
    keyArg: 'idUnita',
    fields: UNITA_FIELDS,
    input: unitaOperativaInput,
  },
  {
    path: 'contiAccredito',
    param: 'ibanAccredito',
    type: 'ContoAccredito',
    listField: 'contiAccredito',
    filters: { booleans: ['abilitato'], strings: ['iban'] },
    ordinamento: { ibanAccredito: 'IBAN', iban: 'IBAN' },
    keyArg: 'iban',
    fields: CONTO_FIELDS,
    input: contoAccreditoInput,
  },
  {
    path: 'entrate',
    param: 'idEntrata',
    type: 'EntrataDominio',
    listField: 'entrate',
    filters: { booleans: ['abilitato'], strings: ['descrizione'] },
    ordinamento: { idEntrata: 'ID_ENTRATA', descrizione: 'DESCRIZIONE' },
    keyArg: 'idEntrata',
    fields: ENTRATA_FIELDS,
    input: entrataDominioInput,
  },
  {
    path: 'tipiPendenza',
    param: 'idTipoPendenza',
    type: 'TipoPendenzaDominio',
    listField: 'tipiPendenza',
    filters: { booleans: ['abilitato'], strings: ['descrizione'] },
    ordinamento: { descrizione: 'DESCRIZIONE', idTipoPendenza: 'ID_TIPO_PENDENZA' },
    keyArg: 'idTipoPendenza',
    fields: TIPO_PENDENZA_DOMINIO_FIELDS,
    input: tipoPendenzaDominioInput,
  },
];

/** GovPay's ordering fields of the domini as the graph's DominioOrderField. */
export const DOMINI_ORDINAMENTO = { ragioneSociale: 'RAGIONE_SOCIALE', idDominio: 'ID_DOMINIO' };

/** A collection as a list under its dominio. */
const nested = (c: Child): NestedList => ({
  parent: 'dominio(idDominio: $id)',
  parentVariables: '$id: ID!',
  field: c.listField,
  filterType: `${c.type}Filter`,
  orderType: `${c.type}Order`,
  selection: c.fields,
});

const fieldOf = (type: string) => `${type[0].toLowerCase()}${type.slice(1)}`;

/** Backoffice "Anagrafica Creditore": domini and their configuration. */
export function dominiRoutes(router: Router, graph: GraphClient): void {
  mountTable(router, graph, [
    list({
      path: '/domini',
      field: 'domini',
      filterType: 'DominioFilter',
      orderType: 'DominioOrder',
      ordinamento: DOMINI_ORDINAMENTO,
      maxRisultatiPerPagina: MAX_PAGE_SIZE,
      query: {
        abilitato: lenientBoolean.optional(),
        intermediato: lenientBoolean.optional(),
        associati: lenientBoolean.optional(),
        form: lenientBoolean.optional(),
        idStazione: textParam.optional(),
        idDominio: textParam.optional(),
        ragioneSociale: textParam.optional(),
      },
      selection: DOMINIO_FIELDS,
      filter: ({ abilitato, intermediato, idStazione, idDominio, ragioneSociale }) => ({
        abilitato,
        intermediato,
        idStazione,
        idDominio,
        ragioneSociale,
      }),
      map: dominioIndex,
    }),
  ]);

  router.get(
    '/domini/:idDominio',
    route(graph, async ({ req, principal }) => {
      const variables = { id: req.params.idDominio };
      const data = await graph.run<{ dominio: GraphDominio & Record<string, GraphConnection<Record<string, unknown>>> }>(
        `query ($id: ID!) { dominio(idDominio: $id) { ${DOMINIO_FIELDS} logo ${CHILDREN.map((c) => firstPageOf(nested(c))).join(' ')} } }`,
        variables,
        principal,
      );
      const d = { ...data.dominio };
      const collezioni: Record<string, unknown[]> = {};
      for (const c of CHILDREN) {
        const rows = await allRows(data.dominio[c.listField], nestedPages<Record<string, unknown>>(graph, principal, nested(c), variables));
        collezioni[c.listField] = rows.map(stripNulls);
        delete d[c.listField];
      }
      return { status: 200, body: { ...dominioJson(d), ...collezioni } };
    }),
  );

  router.put(
    '/domini/:idDominio',
    route(graph, async ({ req, principal }) => {
      const input = parseInput(dominioInput, jsonBody(req));
      const data = await graph.run<{ salvaDominio: { created: boolean } }>(
        `mutation ($input: SalvaDominioInput!) { salvaDominio(input: $input) { created } }`,
        { input: { ...input, idDominio: req.params.idDominio } },
        principal,
      );
      return saved(data.salvaDominio.created);
    }),
  );

  for (const child of CHILDREN) childRoutes(router, graph, child);
}

function childRoutes(router: Router, graph: GraphClient, c: Child): void {
  const getField = fieldOf(c.type);
  const mutation = `salva${c.type}`;
  router.get(
    `/domini/:idDominio/${c.path}`,
    route(graph, async ({ req, principal }) => {
      const paging = parsePaging(req);
      const given = filters(req, [...c.filters.booleans, 'associati'], c.filters.strings);
      const filter = Object.fromEntries([...c.filters.booleans, ...c.filters.strings].map((n) => [n, given[n]]));
      const orderBy = ordinamento(paging.ordinamento, c.ordinamento);
      const read = nestedPages<Record<string, unknown>>(graph, principal, nested(c), { id: req.params.idDominio, filter, orderBy });
      return { status: 200, body: listEnvelope(req, paging, await readGovPayPage(paging, read), stripNulls) };
    }),
  );

  router.get(
    `/domini/:idDominio/${c.path}/:${c.param}`,
    route(graph, async ({ req, principal }) => {
      const data = await graph.run<Record<string, Record<string, unknown>>>(
        `query ($id: ID!, $key: ID!) { ${getField}(idDominio: $id, ${c.keyArg}: $key) { ${c.fields} } }`,
        { id: req.params.idDominio, key: req.params[c.param] },
        principal,
      );
      return { status: 200, body: stripNulls(data[getField]) };
    }),
  );

  router.put(
    `/domini/:idDominio/${c.path}/:${c.param}`,
    route(graph, async ({ req, principal }) => {
      const input = parseInput(c.input, jsonBody(req)) as Record<string, unknown>;
      const data = await graph.run<Record<string, { created: boolean }>>(
        `mutation ($input: Salva${c.type}Input!) { ${mutation}(input: $input) { created } }`,
        { input: { ...input, idDominio: req.params.idDominio, [c.keyArg]: req.params[c.param] } },
        principal,
      );
      return saved(data[mutation].created);
    }),
  );
}
