import type { Router } from 'express';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { romeDate } from '../../core/rome-time';
import { parseInput } from '../../core/validation';
import { pendenzaIds } from '../../subgraphs/pendenze/services';
import {
  getAllegato,
  getAvviso,
  getDocumentoAvvisi,
  getPendenza,
  getPendenzaByAvviso,
  pendenzeList,
  patchPendenza,
  putPendenza,
  putQuery,
  savePendenza,
  type CampoCreata,
} from '../pendenze';
import { STATI_AVVISO_BACKOFFICE } from '../pendenze/avviso';
import { euro, type GraphPendenza, type PendenzaAdapt } from '../pendenze/mapping';
import { PENDENZE_SHAPE, type PendenzaShape } from '../pendenze/shape';
import type { GraphClient } from '../shared/graph-client';
import { jsonBody, route } from '../shared/http';
import { mountTable } from '../shared/table';
import { DOMINIO_FIELDS, dominioIndex, type GraphDominio } from './domini';
import { stampeTracciato } from './stampe';

/** The graph fields only the Backoffice's pendenza shows. */
const CAMPI = `anomalo verificato dataUltimoAggiornamento importoPagato importoIncassato iuvPagamento
  tipoPendenza { idTipoPendenza descrizione visualizzazione }`;

/**
 * GovPay's Backoffice stato: an anomalous pendenza is ANOMALA, a paid one whose receipts a
 * riconciliazione has wholly covered is INCASSATA (PendenzeConverter).
 */
function statoBackoffice(p: GraphPendenza): unknown {
  if (p.anomalo) return 'ANOMALA';
  const incassato = Number(p.importoIncassato);
  return p.stato === 'ESEGUITA' && incassato > 0 && incassato >= Number(p.importoPagato) ? 'INCASSATA' : p.stato;
}

/**
 * GovPay's Backoffice Pendenza and PendenzaIndex from the common mapping: the tipo pendenza as an
 * object (TipoPendenzaIndex) instead of API Pendenze's idTipoPendenza, and the fields GovPay's
 * converter always sets. iuvPagamento is the latest receipt's IUV, the avviso's before any payment
 * (the IUV a payment of it carries). The operators' notes stay in the graph: the spec has no place for them.
 */
const adapt: PendenzaAdapt = (json, p) => {
  const {
    idTipoPendenza: _id,
    note: _note,
    tipoPendenza,
    importoPagato,
    importoIncassato,
    iuvPagamento,
    dataUltimoAggiornamento,
    ...rest
  } = json;
  return {
    ...rest,
    stato: statoBackoffice(p),
    tipoPendenza: { ...(tipoPendenza as object), tipo: rest.tipo },
    importoPagato: euro(String(importoPagato)),
    importoIncassato: euro(String(importoIncassato)),
    iuvPagamento: iuvPagamento ?? p.iuvAvviso,
    dataUltimoAggiornamento: romeDate(String(dataUltimoAggiornamento)),
  };
};

/**
 * GET /pendenze?stato= as the Backoffice shows the stato (statoBackoffice): ANOMALA is any anomalous
 * pendenza, INCASSATA a paid one wholly cashed, and every other stato leaves both out.
 */
function statoFiltroBackoffice(stato: string | undefined): Record<string, unknown> | null {
  if (stato === 'ANOMALA') return { anomalo: true };
  const filter = PENDENZE_SHAPE.statoFiltro(stato === 'INCASSATA' ? 'ESEGUITA' : stato);
  if (!filter?.stato) return filter;
  return { ...filter, anomalo: false, ...(filter.stato === 'ESEGUITA' ? { incassata: stato === 'INCASSATA' } : {}) };
}

/** The Backoffice embeds the pendenza's whole dominio, as in its own dominio lists. */
export const BACKOFFICE_PENDENZA: PendenzaShape = {
  dominioFields: DOMINIO_FIELDS,
  campi: CAMPI,
  dominio: (d) => dominioIndex(d as unknown as GraphDominio),
  adapt,
  // Portal payment sessions arrive with API Pagamento; until then a pendenza has none.
  dettaglio: { pagamenti: [] },
  // Every attempt the hub records today is a receipt for an avviso paid at a PSP.
  rpp: { modello: 'Pagamento ad iniziativa PSP' },
  statoFiltro: statoFiltroBackoffice,
};

/** The Backoffice's PendenzaCreata: the keys of the pendenza too. */
const CREATA: readonly CampoCreata[] = ['idA2A', 'idPendenza', 'idDominio', 'idUnitaOperativa', 'numeroAvviso', 'UUID', 'pdf'];

const customPath = z.object({ idDominio: pendenzaIds.idDominio, idTipoPendenza: pendenzaIds.idTipoPendenza });
const customQuery = putQuery.extend({ idUnitaOperativa: z.string().max(35).optional() });

const postKeys = z.object({ idA2A: pendenzaIds.idA2A, idPendenza: pendenzaIds.idPendenza });

/** A pendenzaPost's keys (idA2A, idPendenza, or the defaults given) and the pendenza itself. */
function split(body: Record<string, unknown>, defaults: { idA2A?: string; idPendenza?: string }) {
  const { idA2A, idPendenza, ...input } = body;
  return { key: parseInput(postKeys, { idA2A: idA2A ?? defaults.idA2A, idPendenza: idPendenza ?? defaults.idPendenza }), input };
}

/** GovPay's Backoffice pendenza operations: reads, writes, avvisi and the avvisi of a tracciato as a ZIP. */
export function pendenzeRoutes(router: Router, graph: GraphClient): void {
  mountTable(router, graph, [pendenzeList(BACKOFFICE_PENDENZA)]);
  router.get('/pendenze/byAvviso/:idDominio/:numeroAvviso', getPendenzaByAvviso(graph, BACKOFFICE_PENDENZA));
  router.get('/pendenze/tracciati/:id/stampe', stampeTracciato(graph));
  router.get('/pendenze/:idA2A/:idPendenza', getPendenza(graph, BACKOFFICE_PENDENZA));
  router.put(
    '/pendenze/:idA2A/:idPendenza',
    putPendenza(
      graph,
      CREATA.filter((c) => c !== 'idA2A' && c !== 'idPendenza'),
    ),
  );
  router.patch('/pendenze/:idA2A/:idPendenza', patchPendenza(graph));

  // pendenzaPost: a PUT's pendenza with its idA2A and idPendenza in the body.
  router.post(
    '/pendenze',
    route(graph, async ({ req, principal }) => {
      const { stampaAvviso } = parseInput(putQuery, { ...(req.query as Record<string, unknown>) });
      const { key, input } = split(jsonBody(req) as Record<string, unknown>, {});
      return savePendenza(graph, principal, key, input, stampaAvviso, CREATA);
    }),
  );

  /*
   * A pendenza of a tipo pendenza loaded from the console's form. GovPay runs the tipo's form
   * transformation; the hub has none (as API Pagamento's spontaneous pendenze): the body is the
   * pendenza itself, with the path's dominio and tipo. An applicazione loads under its own idA2A; an
   * operatore names the idA2A in the body; idPendenza is generated when missing.
   */
  router.post(
    '/pendenze/:idDominio/:idTipoPendenza',
    route(graph, async ({ req, principal }) => {
      const { idDominio, idTipoPendenza } = parseInput(customPath, { ...req.params });
      const { stampaAvviso, idUnitaOperativa } = parseInput(customQuery, { ...(req.query as Record<string, unknown>) });
      const own = principal.kind === 'applicazione' ? principal.id : undefined;
      const { key, input } = split(jsonBody(req) as Record<string, unknown>, { idA2A: own, idPendenza: randomBytes(16).toString('hex') });
      const pendenza = { ...input, idDominio, idTipoPendenza, ...(idUnitaOperativa ? { idUnitaOperativa } : {}) };
      return savePendenza(graph, principal, key, pendenza, stampaAvviso, CREATA);
    }),
  );

  router.get('/avvisi/:idDominio/:numeroAvviso', getAvviso(graph, false, STATI_AVVISO_BACKOFFICE));
  router.get('/documenti/:idA2A/:idDominio/:numeroDocumento/avvisi', getDocumentoAvvisi(graph));
  router.get('/allegati/:id', getAllegato(graph));
}
