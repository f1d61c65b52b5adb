import type { Router } from 'express';
import { z } from 'zod';
import { ESITI_RPP } from '../../subgraphs/pagamenti/services';
import type { Principal } from '../../core/principal';
import type { GraphClient } from '../shared/graph-client';
import { route, type RestResult } from '../shared/http';
import { MAX_PAGE_SIZE } from '../../core/paging';
import { dateTimeParam } from '../shared/paging';
import { list, mountTable, textParam } from '../shared/table';
import type { PendenzaShape } from './shape';
import { PENDENZA_FIELDS, pendenzaIndex, rppJson, RPP_FIELDS, type GraphPendenza, type GraphRpp } from './mapping';

const text = textParam.optional();
const oneOrMany = z
  .union([z.string().max(1024), z.array(z.string().max(1024)).max(100)])
  .optional()
  .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]));
const esito = z.enum(ESITI_RPP).optional();
const dataDa = dateTimeParam().optional();
const dataA = dateTimeParam(true).optional();

/** GET /rpp's filters: API Pendenze names the outcome esitoPagamento, the Backoffice esito and adds the pendenza's. */
const RPP_QUERY = {
  ...{ idDominio: text, iuv: text, ccp: text, idA2A: text, idPendenza: text, idDebitore: text, idPagamento: text },
  ...{ idTipoPendenza: text, idUnita: text, tassonomia: text, direzione: oneOrMany, divisione: oneOrMany },
  ...{ esitoPagamento: esito, esito, dataRptDa: dataDa, dataRptA: dataA, dataRtDa: dataDa, dataRtA: dataA },
};

/** GovPay's ordering fields of GET /rpp as the graph's RppOrderField. */
const ORDINAMENTO_RPP = {
  dataRichiesta: 'DATA_RICHIESTA',
  dataRicevuta: 'DATA_RICEVUTA',
  stato: 'STATO',
  esito: 'ESITO',
  iuv: 'IUV',
  importo: 'IMPORTO',
};

export type RppWithPendenza = GraphRpp & { pendenza: GraphPendenza | null };

const KEY = 'idDominio: $idDominio, iuv: $iuv, ccp: $ccp';
const KEY_VARS = '$idDominio: ID!, $iuv: ID!, $ccp: ID!';

/** An API's Rpp: the graph selection of an attempt with its pendenza, and its JSON in the API's shape. */
export function rppJsonOf(shape: PendenzaShape) {
  const withPendenza = `${RPP_FIELDS} pendenza { ${PENDENZA_FIELDS} ${shape.campi} dominio { ${shape.dominioFields} } }`;
  const toJson = (r: RppWithPendenza) =>
    rppJson(
      r,
      r.pendenza
        ? pendenzaIndex({ ...r.pendenza, dominio: shape.dominio(r.pendenza.dominio) as GraphPendenza['dominio'] }, shape.adapt)
        : undefined,
      shape.rpp,
    );
  return { withPendenza, toJson };
}

/** GovPay's /rpp operations (list, detail, request, receipt), shared by API Pendenze and the Backoffice. */
export function rppRoutes(router: Router, graph: GraphClient, shape: PendenzaShape): void {
  const { withPendenza, toJson } = rppJsonOf(shape);

  mountTable(router, graph, [
    list({
      path: '/rpp',
      field: 'rpps',
      filterType: 'RppFilter',
      orderType: 'RppOrder',
      ordinamento: ORDINAMENTO_RPP,
      maxRisultatiPerPagina: MAX_PAGE_SIZE,
      query: RPP_QUERY,
      selection: withPendenza,
      filter: ({ esitoPagamento, esito: esitoBackoffice, ...f }) => ({ ...f, esito: esitoPagamento ?? esitoBackoffice }),
      map: toJson,
    }),
  ]);

  router.get(
    '/rpp/:idDominio/:iuv/:ccp',
    route(graph, async ({ req, principal }) => {
      const data = await graph.run<{ rpp: RppWithPendenza }>(
        `query (${KEY_VARS}) { rpp(${KEY}) { ${withPendenza} } }`,
        keyOf(req.params),
        principal,
      );
      return { status: 200, body: toJson(data.rpp) };
    }),
  );

  // The request: pagoPA's JSON, or the XML when the caller prefers it.
  router.get(
    '/rpp/:idDominio/:iuv/:ccp/rpt',
    route(graph, async ({ req, principal }) => {
      const field = req.accepts(['application/json', 'application/xml']) === 'application/xml' ? 'rptXml' : 'rpt';
      return document(field, await rppField(graph, req.params, field, principal));
    }),
  );

  // The receipt: pagoPA's JSON, the XML as received, or the ricevuta di pagamento for people as a PDF.
  router.get(
    '/rpp/:idDominio/:iuv/:ccp/rt',
    route(graph, async ({ req, principal }) => {
      const format = req.accepts(['application/json', 'application/xml', 'application/pdf']);
      if (format === 'application/pdf') {
        const pdf = await rppField(graph, req.params, 'ricevutaPdf', principal);
        const { idDominio, iuv, ccp } = req.params;
        return {
          status: 200,
          contentType: 'application/pdf',
          body: Buffer.from(String(pdf), 'base64'),
          filename: `${idDominio}_${iuv}_${ccp}.pdf`,
        };
      }
      const field = format === 'application/xml' ? 'rtXml' : 'rt';
      return document(field, await rppField(graph, req.params, field, principal));
    }),
  );
}

/** One field of an attempt, read through the graph as the caller. */
async function rppField(graph: GraphClient, params: Record<string, unknown>, field: string, principal: Principal): Promise<unknown> {
  const data = await graph.run<{ rpp: Record<string, unknown> }>(
    `query (${KEY_VARS}) { rpp(${KEY}) { ${field} } }`,
    keyOf(params),
    principal,
  );
  return data.rpp[field];
}

/** A request or receipt as JSON, or as the XML document it was. */
const document = (field: string, value: unknown): RestResult =>
  field.endsWith('Xml') ? { status: 200, contentType: 'application/xml', body: value } : { status: 200, body: value };

const keyOf = (p: Record<string, unknown>) => ({ idDominio: p.idDominio, iuv: p.iuv, ccp: p.ccp });
