import type { RequestHandler } from 'express';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { stripNulls } from '../../core/compact';
import { parseInput } from '../../core/validation';
import { pendenzaIds } from '../../subgraphs/pendenze/services';
import { pendenzaDettaglio, PENDENZA_DETTAGLIO_FIELDS, type GraphPendenza } from '../pendenze/mapping';
import type { GraphClient } from '../shared/graph-client';
import { jsonBody, route } from '../shared/http';

const query = z
  .object({ idA2A: pendenzaIds.idA2A.optional(), idPendenza: pendenzaIds.idPendenza.optional() })
  .refine(
    (q) => !q.idA2A === !q.idPendenza,
    "Per effettuare l'aggiornamento della pendenza sono obbligatori entrambi i paramentri 'idA2A' e 'idPendenza'.",
  );

const path = z.object({ idDominio: pendenzaIds.idDominio, idTipoPendenza: pendenzaIds.idTipoPendenza });

/**
 * POST /pendenze/{idDominio}/{idTipoPendenza}: a portal loads a spontaneous pendenza of a tipo
 * pendenza. GovPay runs the tipo pendenza's form and transformation; the hub has none, so the body
 * is read as GovPay reads it for a tipo pendenza without them: the NuovaPendenza itself, with the
 * dominio and tipo of the path. A new one gets the portal's idA2A and a fresh idPendenza; with
 * `idA2A` and `idPendenza` it updates that one. Loaded with the rules of a PUT of API Pendenze.
 */
export function postPendenzaSpontanea(graph: GraphClient): RequestHandler {
  return route(graph, async ({ req, principal }) => {
    const { idDominio, idTipoPendenza } = parseInput(path, { ...req.params });
    const q = parseInput(query, { ...(req.query as Record<string, unknown>) });
    const pendenza = { ...(jsonBody(req) as Record<string, unknown>), idDominio, idTipoPendenza };
    const data = await graph.run<{ caricaPendenza: { created: boolean; pendenza: GraphPendenza & { avvisoPdf?: string | null } } }>(
      `mutation ($input: CaricaPendenzaInput!) {
        caricaPendenza(input: $input) { created pendenza { ${PENDENZA_DETTAGLIO_FIELDS} avvisoPdf } } }`,
      { input: { idA2A: q.idA2A ?? principal.id, idPendenza: q.idPendenza ?? randomBytes(16).toString('hex'), pendenza } },
      principal,
    );
    const { created, pendenza: p } = data.caricaPendenza;
    return { status: created ? 201 : 200, body: stripNulls({ ...pendenzaDettaglio(p), pagamenti: [], pdf: p.avvisoPdf }) };
  });
}
