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
  .refine((q) => !q.idA2A === !q.idPendenza, "Per effettuare l'aggiornamento della pendenza sono obbligatori entrambi i paramentri 'idA2A' e 'idPendenza'.");

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
    const input = { ...(jsonBody(req) as Record<string, unknown>), idDominio, idTipoPendenza };
    const data = await graph.run<{ savePendenza: { created: boolean; node: GraphPendenza & { avvisoPdf?: string | null } } }>(
      `mutation ($idA2A: ID!, $idPendenza: ID!, $input: JSONObject!) {
        savePendenza(idA2A: $idA2A, idPendenza: $idPendenza, input: $input) { created node { ${PENDENZA_DETTAGLIO_FIELDS} avvisoPdf } } }`,
      { idA2A: q.idA2A ?? principal.id, idPendenza: q.idPendenza ?? randomBytes(16).toString('hex'), input },
      principal,
    );
    const { created, node } = data.savePendenza;
    return { status: created ? 201 : 200, body: stripNulls({ ...pendenzaDettaglio(node), pagamenti: [], pdf: node.avvisoPdf }) };
  });
}
