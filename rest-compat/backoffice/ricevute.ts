import type { Request } from 'express';
import { z } from 'zod';
import { DomainError, errors } from '../../core/errors';
import { requireRight, type Principal } from '../../core/principal';
import { parseInput } from '../../core/validation';
import { rppJsonOf, type RppWithPendenza } from '../pendenze/rpp';
import type { PendenzaShape } from '../pendenze/shape';
import type { GraphClient } from '../shared/graph-client';
import { patchBody } from '../shared/http';
import { custom, type Operation } from '../shared/table';

/**
 * Receipts handed in by operators: POST /ricevute (a receipt of a payment made outside the
 * station, as pagoPA's XML) and PATCH /rpp/{idDominio}/{iuv}/{ccp} (GovPay's /rt replacement,
 * base64, and /bloccante). Both record the receipt through the station's own service.
 */

/** The content types POST /ricevute takes as the receipt itself. */
export const RICEVUTA_TYPES = ['text/xml', 'application/xml'];

const patchOp = z.object({
  op: z.enum(['ADD', 'DELETE', 'REPLACE'], "Il campo op non e' valido."),
  path: z.string().max(255),
  value: z.unknown(),
});

/** A receipt's XML as base64, as GovPay's /rt value carries it. */
const isBase64 = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= 2_000_000 && /^[A-Za-z0-9+/=\s]+$/.test(v);

export function ricevuteOperations(shape: PendenzaShape): Operation[] {
  const { withPendenza, toJson } = rppJsonOf(shape);

  async function carica(graph: GraphClient, principal: Principal, xml: string, key?: Record<string, string>) {
    const data = await graph.run<{ caricaRicevuta: { rpp: RppWithPendenza } }>(
      `mutation ($input: CaricaRicevutaInput!) { caricaRicevuta(input: $input) { rpp { ${withPendenza} } } }`,
      { input: { xml, ...key } },
      principal,
    );
    return toJson(data.caricaRicevuta.rpp);
  }

  async function leggi(graph: GraphClient, principal: Principal, key: Record<string, string>) {
    const data = await graph.run<{ rpp: RppWithPendenza }>(
      `query ($idDominio: ID!, $iuv: ID!, $ccp: ID!) { rpp(idDominio: $idDominio, iuv: $iuv, ccp: $ccp) { ${withPendenza} } }`,
      key,
      principal,
    );
    return toJson(data.rpp);
  }

  return [
    custom({
      method: 'post',
      path: '/ricevute',
      async run({ req, principal, graph }) {
        return { status: 201, body: await carica(graph, principal, xmlOf(req)) };
      },
    }),
    custom({
      method: 'patch',
      path: '/rpp/:idDominio/:iuv/:ccp',
      async run({ req, params, principal, graph }) {
        requireRight(principal, 'Pagamenti', 'W');
        const key = { idDominio: params.idDominio, iuv: params.iuv, ccp: params.ccp };
        const ops = patchBody(req).map((raw) => parseInput(patchOp, raw));
        if (!ops.length) throw errors.syntax('Nessuna operazione indicata.');
        // Checked in full before any is applied: a bad operation changes nothing.
        for (const op of ops) {
          if (op.path !== '/bloccante' && op.path !== '/rt') throw errors.syntax(`Path '${op.path}' non valido`);
          if (op.op !== 'REPLACE') throw errors.syntax(`Op '${op.op}' non valido per il path '${op.path}'`);
          const valid = op.path === '/bloccante' ? typeof op.value === 'boolean' : isBase64(op.value);
          if (!valid) throw errors.syntax(`Value non valido per il path '${op.path}'`);
          // Every attempt the hub holds is concluded (its receipt arrived): none blocks a new one, none can be made to.
          if (op.path === '/bloccante' && op.value === true) {
            throw new DomainError(422, {
              categoria: 'RICHIESTA',
              codice: '422000',
              descrizione: 'Richiesta non processabile',
              dettaglio: `Il tentativo di pagamento [idDominio:${key.idDominio}, IUV:${key.iuv}, CCP:${key.ccp}] e' concluso: non puo' bloccare nuovi tentativi.`,
            });
          }
        }
        let body = await leggi(graph, principal, key);
        for (const op of ops) {
          if (op.path === '/rt') body = await carica(graph, principal, Buffer.from(String(op.value), 'base64').toString('utf8'), key);
        }
        return { status: 200, body };
      },
    }),
  ];
}

/** The receipt an operatore uploads, as text; GovPay's spec also lists multipart, which the hub does not read (415). */
function xmlOf(req: Request): string {
  if (!req.is(RICEVUTA_TYPES)) {
    throw new DomainError(415, {
      ...errors.syntax('Formato non supportato: caricare la ricevuta come XML (Content-Type: text/xml o application/xml).').fault,
    });
  }
  if (typeof req.body !== 'string' || !req.body.trim())
    throw errors.syntax('Il corpo della richiesta deve contenere la ricevuta in formato XML.');
  return req.body;
}
