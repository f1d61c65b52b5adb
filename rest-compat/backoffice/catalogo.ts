import type { Router } from 'express';
import { tipoEntrataInput, tipoPendenzaInput } from '../../subgraphs/anagrafica/services';
import { parseInput } from '../../core/validation';
import type { GraphClient } from '../shared/graph-client';
import { filters, jsonBody, route, saved } from '../shared/http';
import { stripNulls } from '../../core/compact';
import { listEnvelope, PAGE, PAGE_ARGS, pageVariables, parsePaging, type GraphConnection } from '../shared/paging';

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
      const data = await graph.run<{ entrate: GraphConnection<Node> }>(
        `query (${PAGE}) { entrate(${PAGE_ARGS}) { nodes { ${ENTRATA_FIELDS} } totalCount pageInfo { hasNextPage } } }`,
        pageVariables(paging),
        principal,
      );
      return { status: 200, body: listEnvelope(req, paging, data.entrate, stripNulls) };
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
      const data = await graph.run<{ saveEntrata: { created: boolean } }>(
        `mutation ($id: ID!, $input: EntrataInput!) { saveEntrata(idEntrata: $id, input: $input) { created } }`,
        { id: req.params.idEntrata, input },
        principal,
      );
      return saved(data.saveEntrata.created);
    }),
  );

  router.get(
    '/tipiPendenza',
    route(graph, async ({ req, principal }) => {
      const paging = parsePaging(req);
      const f = filters(req, ['abilitato', 'associati', 'form', 'trasformazione', 'nonAssociati'], ['idTipoPendenza', 'descrizione']);
      const data = await graph.run<{ tipiPendenza: GraphConnection<Node> }>(
        `query ($abilitato: Boolean, $idTipoPendenza: String, $descrizione: String, ${PAGE}) {
          tipiPendenza(abilitato: $abilitato, idTipoPendenza: $idTipoPendenza, descrizione: $descrizione, ${PAGE_ARGS}) {
            nodes { ${TIPO_PENDENZA_FIELDS} } totalCount pageInfo { hasNextPage } } }`,
        { abilitato: f.abilitato, idTipoPendenza: f.idTipoPendenza, descrizione: f.descrizione, ...pageVariables(paging) },
        principal,
      );
      return { status: 200, body: listEnvelope(req, paging, data.tipiPendenza, stripNulls) };
    }),
  );

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
      const data = await graph.run<{ saveTipoPendenza: { created: boolean } }>(
        `mutation ($id: ID!, $input: TipoPendenzaInput!) { saveTipoPendenza(idTipoPendenza: $id, input: $input) { created } }`,
        { id: req.params.idTipoPendenza, input },
        principal,
      );
      return saved(data.saveTipoPendenza.created);
    }),
  );
}
