import type { Router } from 'express';
import { intermediarioInput, stazioneInput } from '../../subgraphs/anagrafica/services';
import { MAX_PAGE_SIZE } from '../../core/paging';
import { parseInput } from '../../core/validation';
import type { GraphClient } from '../shared/graph-client';
import { filters, jsonBody, route, saved } from '../shared/http';
import { stripNulls } from '../../core/compact';
import { allRows, listEnvelope, parsePaging, readGovPayPage, type GraphConnection } from '../shared/paging';
import { firstPageOf, nestedPages, type NestedList } from '../shared/nested-list';
import { lenientBoolean, list, mountTable, ordinamento } from '../shared/table';
import { dominioIndex, DOMINIO_FIELDS, type GraphDominio } from './domini';

const INTERMEDIARIO_FIELDS = 'idIntermediario denominazione principalPagoPa servizioPagoPa altriServizi abilitato';
const STAZIONE_FIELDS = 'idStazione versione abilitato';

interface GraphIntermediario {
  idIntermediario: string;
  denominazione: string;
  principalPagoPa: string;
  servizioPagoPa: Record<string, unknown>;
  altriServizi: Record<string, unknown>;
  abilitato: boolean;
  stazioni: GraphConnection<GraphStazione>;
}

interface GraphStazione {
  idStazione: string;
  versione: string;
  abilitato: boolean;
}

/** An intermediario's stazioni, in GovPay's order fields. */
const STAZIONI: NestedList = {
  parent: 'intermediario(idIntermediario: $id)',
  parentVariables: '$id: ID!',
  field: 'stazioni',
  filterType: 'StazioneFilter',
  orderType: 'StazioneOrder',
  selection: STAZIONE_FIELDS,
};
const STAZIONI_ORDINAMENTO = { idStazione: 'ID_STAZIONE' };

/** The domini a stazione serves. */
const STAZIONE_DOMINI: NestedList = {
  parent: 'stazione(idIntermediario: $id, idStazione: $idStazione)',
  parentVariables: '$id: ID!, $idStazione: ID!',
  field: 'domini',
  orderType: 'DominioOrder',
  selection: DOMINIO_FIELDS,
};

const stazioneIndex = (s: GraphStazione) => ({
  idStazione: s.idStazione,
  abilitato: s.abilitato,
  versione: s.versione,
  domini: `/domini?idStazione=${s.idStazione}`,
});

/** Backoffice "Anagrafica PagoPA": intermediari and their stazioni. */
export function intermediariRoutes(router: Router, graph: GraphClient): void {
  mountTable(router, graph, [
    list({
      path: '/intermediari',
      field: 'intermediari',
      filterType: 'IntermediarioFilter',
      orderType: 'IntermediarioOrder',
      ordinamento: { denominazione: 'DENOMINAZIONE', idIntermediario: 'ID_INTERMEDIARIO' },
      maxRisultatiPerPagina: MAX_PAGE_SIZE,
      query: { abilitato: lenientBoolean.optional() },
      selection: 'idIntermediario denominazione abilitato',
      filter: (q) => ({ abilitato: q.abilitato }),
      map: stripNulls,
    }),
  ]);

  router.get(
    '/intermediari/:idIntermediario',
    route(graph, async ({ req, principal }) => {
      const variables = { id: req.params.idIntermediario };
      const data = await graph.run<{ intermediario: GraphIntermediario }>(
        `query ($id: ID!) { intermediario(idIntermediario: $id) { ${INTERMEDIARIO_FIELDS} ${firstPageOf(STAZIONI)} } }`,
        variables,
        principal,
      );
      const { altriServizi, stazioni, ...i } = data.intermediario;
      const tutte = await allRows(stazioni, nestedPages<GraphStazione>(graph, principal, STAZIONI, variables));
      return { status: 200, body: stripNulls({ ...i, ...altriServizi, stazioni: tutte.map(stazioneIndex) }) };
    }),
  );

  router.put(
    '/intermediari/:idIntermediario',
    route(graph, async ({ req, principal }) => {
      const input = parseInput(intermediarioInput, jsonBody(req));
      const data = await graph.run<{ salvaIntermediario: { created: boolean } }>(
        `mutation ($input: SalvaIntermediarioInput!) { salvaIntermediario(input: $input) { created } }`,
        { input: { ...input, idIntermediario: req.params.idIntermediario } },
        principal,
      );
      return saved(data.salvaIntermediario.created);
    }),
  );

  router.get(
    '/intermediari/:idIntermediario/stazioni',
    route(graph, async ({ req, principal }) => {
      const paging = parsePaging(req);
      const { abilitato } = filters(req, ['abilitato']);
      const orderBy = ordinamento(paging.ordinamento, STAZIONI_ORDINAMENTO);
      const read = nestedPages<GraphStazione>(graph, principal, STAZIONI, {
        id: req.params.idIntermediario,
        filter: { abilitato },
        orderBy,
      });
      return { status: 200, body: listEnvelope(req, paging, await readGovPayPage(paging, read), stazioneIndex) };
    }),
  );

  router.get(
    '/intermediari/:idIntermediario/stazioni/:idStazione',
    route(graph, async ({ req, principal }) => {
      const variables = { id: req.params.idIntermediario, idStazione: req.params.idStazione };
      const data = await graph.run<{ stazione: GraphStazione & { domini: GraphConnection<GraphDominio> } }>(
        `query ($id: ID!, $idStazione: ID!) { stazione(idIntermediario: $id, idStazione: $idStazione) { ${STAZIONE_FIELDS}
          ${firstPageOf(STAZIONE_DOMINI)} } }`,
        variables,
        principal,
      );
      const { domini, ...s } = data.stazione;
      const tutti = await allRows(domini, nestedPages<GraphDominio>(graph, principal, STAZIONE_DOMINI, variables));
      return { status: 200, body: stripNulls({ ...s, domini: tutti.map(dominioIndex) }) };
    }),
  );

  router.put(
    '/intermediari/:idIntermediario/stazioni/:idStazione',
    route(graph, async ({ req, principal }) => {
      const input = parseInput(stazioneInput, jsonBody(req));
      const data = await graph.run<{ salvaStazione: { created: boolean } }>(
        `mutation ($input: SalvaStazioneInput!) { salvaStazione(input: $input) { created } }`,
        { input: { ...input, idIntermediario: req.params.idIntermediario, idStazione: req.params.idStazione } },
        principal,
      );
      return saved(data.salvaStazione.created);
    }),
  );
}
