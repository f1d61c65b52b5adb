import type { Router } from 'express';
import { tipoEntrataInput, tipoPendenzaInput } from '../../subgraphs/anagrafica/services';
import { parseInput } from '../../core/validation';
import type { GraphClient } from '../shared/graph-client';
import { jsonBody, route, saved } from '../shared/http';
import { stripNulls } from '../../core/compact';
import { MAX_PAGE_SIZE } from '../../core/paging';
import { listEnvelope, parsePaging, readGovPayPage, type GraphConnection } from '../shared/paging';
import { lenientBoolean, list, mountTable, ordinamento, textParam } from '../shared/table';

const ENTRATA_FIELDS = 'idEntrata descrizione tipoContabilita codiceContabilita';
const TIPO_PENDENZA_FIELDS =
  'idTipoPendenza descrizione codificaIUV pagaTerzi abilitato portaleBackoffice portalePagamento avvisaturaMail avvisaturaAppIO visualizzazione tracciatoCsv';

type Node = Record<string, unknown>;

/** Backoffice catalogue: hub-wide entrate and tipi pendenza. */
export function catalogoRoutes(router: Router, graph: GraphClient): void {
  router.get(
    '/entrate',
    route(graph, async ({ req, principal }) => {
      const paging = parsePaging(req);
      const orderBy = ordinamento(paging.ordinamento, { idEntrata: 'ID_ENTRATA', descrizione: 'DESCRIZIONE' });
      const query = `query ($orderBy: [EntrataOrder!], $first: Int, $offset: Int, $withCount: Boolean, $countLimit: Int) {
        entrate(orderBy: $orderBy, first: $first, offset: $offset, withCount: $withCount, countLimit: $countLimit) {
          nodes { ${ENTRATA_FIELDS} } totalCount pageInfo { hasNextPage } } }`;
      const entrate = await readGovPayPage(
        paging,
        async (page) => (await graph.run<{ entrate: GraphConnection<Node> }>(query, { orderBy, ...page }, principal)).entrate,
      );
      return { status: 200, body: listEnvelope(req, paging, entrate, stripNulls) };
    }),
  );

  router.get(
    '/entrate/:idEntrata',
    route(graph, async ({ req, principal }) => {
      const data = await graph.run<{ entrata: Node }>(
        `query ($id: ID!) { entrata(idEntrata: $id) { ${ENTRATA_FIELDS} } }`,
        { id: req.params.idEntrata },
        principal,
      );
      return { status: 200, body: stripNulls(data.entrata) };
    }),
  );

  router.put(
    '/entrate/:idEntrata',
    route(graph, async ({ req, principal }) => {
      const input = parseInput(tipoEntrataInput, jsonBody(req));
      const data = await graph.run<{ salvaEntrata: { created: boolean } }>(
        `mutation ($input: SalvaEntrataInput!) { salvaEntrata(input: $input) { created } }`,
        { input: { ...input, idEntrata: req.params.idEntrata } },
        principal,
      );
      return saved(data.salvaEntrata.created);
    }),
  );

  mountTable(router, graph, [
    list({
      path: '/tipiPendenza',
      field: 'tipiPendenza',
      filterType: 'TipoPendenzaFilter',
      orderType: 'TipoPendenzaOrder',
      ordinamento: { idTipoPendenza: 'ID_TIPO_PENDENZA', idEntrata: 'ID_TIPO_PENDENZA', descrizione: 'DESCRIZIONE' },
      maxRisultatiPerPagina: MAX_PAGE_SIZE,
      query: {
        abilitato: lenientBoolean.optional(),
        associati: lenientBoolean.optional(),
        form: lenientBoolean.optional(),
        trasformazione: lenientBoolean.optional(),
        nonAssociati: lenientBoolean.optional(),
        idTipoPendenza: textParam.optional(),
        descrizione: textParam.optional(),
      },
      selection: TIPO_PENDENZA_FIELDS,
      filter: ({ abilitato, idTipoPendenza, descrizione }) => ({ abilitato, idTipoPendenza, descrizione }),
      map: stripNulls,
    }),
  ]);

  router.get(
    '/tipiPendenza/:idTipoPendenza',
    route(graph, async ({ req, principal }) => {
      const data = await graph.run<{ tipoPendenza: Node }>(
        `query ($id: ID!) { tipoPendenza(idTipoPendenza: $id) { ${TIPO_PENDENZA_FIELDS} } }`,
        { id: req.params.idTipoPendenza },
        principal,
      );
      return { status: 200, body: stripNulls(data.tipoPendenza) };
    }),
  );

  router.put(
    '/tipiPendenza/:idTipoPendenza',
    route(graph, async ({ req, principal }) => {
      const input = parseInput(tipoPendenzaInput, jsonBody(req));
      const data = await graph.run<{ salvaTipoPendenza: { created: boolean } }>(
        `mutation ($input: SalvaTipoPendenzaInput!) { salvaTipoPendenza(input: $input) { created } }`,
        { input: { ...input, idTipoPendenza: req.params.idTipoPendenza } },
        principal,
      );
      return saved(data.salvaTipoPendenza.created);
    }),
  );
}
