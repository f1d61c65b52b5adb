import type { Router } from 'express';
import { intermediarioInput, stazioneInput } from '../../subgraphs/anagrafica/services';
import { parseInput } from '../../core/validation';
import type { GraphClient } from '../shared/graph-client';
import { filters, jsonBody, route, saved } from '../shared/http';
import { stripNulls } from '../../core/compact';
import { listEnvelope, PAGE, PAGE_ARGS, pageVariables, parsePaging, type GraphConnection } from '../shared/paging';
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
  stazioni?: { nodes: GraphStazione[] };
}

interface GraphStazione {
  idStazione: string;
  versione: string;
  abilitato: boolean;
  domini?: { nodes: GraphDominio[] };
}

const stazioneIndex = (s: GraphStazione) => ({
  idStazione: s.idStazione,
  abilitato: s.abilitato,
  versione: s.versione,
  domini: `/domini?idStazione=${s.idStazione}`,
});

/** Backoffice "Anagrafica PagoPA": intermediari and their stazioni. */
export function intermediariRoutes(router: Router, graph: GraphClient): void {
  router.get(
    '/intermediari',
    route(graph, async ({ req, principal }) => {
      const paging = parsePaging(req);
      const { abilitato } = filters(req, ['abilitato']);
      const data = await graph.run<{ intermediari: GraphConnection<GraphIntermediario> }>(
        `query ($abilitato: Boolean, ${PAGE}) { intermediari(abilitato: $abilitato, ${PAGE_ARGS}) {
          nodes { idIntermediario denominazione abilitato } totalCount pageInfo { hasNextPage } } }`,
        { abilitato, ...pageVariables(paging) },
        principal,
      );
      return { status: 200, body: listEnvelope(req, paging, data.intermediari, stripNulls) };
    }),
  );

  router.get(
    '/intermediari/:idIntermediario',
    route(graph, async ({ req, principal }) => {
      const data = await graph.run<{ intermediario: GraphIntermediario }>(
        `query ($id: ID!) { intermediario(idIntermediario: $id) { ${INTERMEDIARIO_FIELDS}
          stazioni(first: 5000, withCount: false) { nodes { ${STAZIONE_FIELDS} } } } }`,
        { id: req.params.idIntermediario },
        principal,
      );
      const { altriServizi, stazioni, ...i } = data.intermediario;
      return { status: 200, body: stripNulls({ ...i, ...altriServizi, stazioni: stazioni?.nodes.map(stazioneIndex) ?? [] }) };
    }),
  );

  router.put(
    '/intermediari/:idIntermediario',
    route(graph, async ({ req, principal }) => {
      const input = parseInput(intermediarioInput, jsonBody(req));
      const data = await graph.run<{ saveIntermediario: { created: boolean } }>(
        `mutation ($id: ID!, $input: IntermediarioInput!) { saveIntermediario(idIntermediario: $id, input: $input) { created } }`,
        { id: req.params.idIntermediario, input },
        principal,
      );
      return saved(data.saveIntermediario.created);
    }),
  );

  router.get(
    '/intermediari/:idIntermediario/stazioni',
    route(graph, async ({ req, principal }) => {
      const paging = parsePaging(req);
      const { abilitato } = filters(req, ['abilitato']);
      const data = await graph.run<{ intermediario: { stazioni: GraphConnection<GraphStazione> } }>(
        `query ($id: ID!, $abilitato: Boolean, ${PAGE}) { intermediario(idIntermediario: $id) {
          stazioni(abilitato: $abilitato, ${PAGE_ARGS}) { nodes { ${STAZIONE_FIELDS} } totalCount pageInfo { hasNextPage } } } }`,
        { id: req.params.idIntermediario, abilitato, ...pageVariables(paging) },
        principal,
      );
      return { status: 200, body: listEnvelope(req, paging, data.intermediario.stazioni, stazioneIndex) };
    }),
  );

  router.get(
    '/intermediari/:idIntermediario/stazioni/:idStazione',
    route(graph, async ({ req, principal }) => {
      const data = await graph.run<{ stazione: GraphStazione }>(
        `query ($id: ID!, $idStazione: ID!) { stazione(idIntermediario: $id, idStazione: $idStazione) { ${STAZIONE_FIELDS}
          domini(first: 5000, withCount: false) { nodes { ${DOMINIO_FIELDS} } } } }`,
        { id: req.params.idIntermediario, idStazione: req.params.idStazione },
        principal,
      );
      const { domini, ...s } = data.stazione;
      return { status: 200, body: stripNulls({ ...s, domini: domini?.nodes.map(dominioIndex) ?? [] }) };
    }),
  );

  router.put(
    '/intermediari/:idIntermediario/stazioni/:idStazione',
    route(graph, async ({ req, principal }) => {
      const input = parseInput(stazioneInput, jsonBody(req));
      const data = await graph.run<{ saveStazione: { created: boolean } }>(
        `mutation ($id: ID!, $idStazione: ID!, $input: StazioneInput!) {
          saveStazione(idIntermediario: $id, idStazione: $idStazione, input: $input) { created } }`,
        { id: req.params.idIntermediario, idStazione: req.params.idStazione, input },
        principal,
      );
      return saved(data.saveStazione.created);
    }),
  );
}
