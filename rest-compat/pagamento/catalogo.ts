import type { RequestHandler, Router } from 'express';
import { stripNulls } from '../../core/compact';
import { errors } from '../../core/errors';
import type { Principal } from '../../core/principal';
import { parseInput } from '../../core/validation';
import { pendenzaIds } from '../../subgraphs/pendenze/services';
import type { GraphClient } from '../shared/graph-client';
import { route } from '../shared/http';
import { listEnvelope, PAGE, PAGE_ARGS, pageVariables, parsePaging, type GraphConnection } from '../shared/paging';

const RECAPITI = 'indirizzo civico cap localita provincia nazione email pec tel fax web';
const DOMINIO = `idDominio ragioneSociale ${RECAPITI} gln cbill`;
const UNITA = `idUnita ragioneSociale ${RECAPITI} area`;

/**
 * The catalogue a portal shows (GovPay's API Pagamento: domini, their tipi pendenza and unità
 * operative, logos) is public information, open to every caller of the API, citizens and
 * anonymous visitors included. It is read with the caller's own identity and scope and only the
 * right to read the Ente's registry, which the API's callers otherwise lack.
 */
const lettoreCatalogo = (p: Principal): Principal => ({ ...p, acl: [{ servizio: 'Anagrafica Creditore', autorizzazioni: ['R'] }] });

const dominioJson = (d: Record<string, unknown> & { idDominio: string }) => {
  const base = `/domini/${d.idDominio}`;
  return stripNulls({ ...d, logo: `${base}/logo`, unitaOperative: `${base}/unitaOperative`, tipiPendenza: `${base}/tipiPendenza` });
};

const unitaJson = ({ idUnita, ...u }: Record<string, unknown>) => stripNulls({ idUnitaOperativa: idUnita, ...u });

const idDominio = (params: Record<string, unknown>) => parseInput(pendenzaIds.idDominio, params.idDominio, 'idDominio');

/** GET /domini, /domini/{idDominio}, its logo, tipi pendenza and unità operative. */
export function catalogoRoutes(router: Router, graph: GraphClient, permesso: RequestHandler): void {
  router.get(
    '/domini',
    permesso,
    route(graph, async ({ req, principal }) => {
      const paging = parsePaging(req);
      const data = await graph.run<{ domini: GraphConnection<Record<string, unknown> & { idDominio: string }> }>(
        `query (${PAGE}) { domini(abilitato: true, ${PAGE_ARGS}) { nodes { ${DOMINIO} } totalCount pageInfo { hasNextPage } } }`,
        pageVariables(paging),
        lettoreCatalogo(principal),
      );
      return { status: 200, body: listEnvelope(req, paging, data.domini, dominioJson) };
    }),
  );

  router.get(
    '/domini/:idDominio',
    permesso,
    route(graph, async ({ req, principal }) => {
      const data = await graph.run<{ dominio: Record<string, unknown> & { idDominio: string } }>(
        `query ($id: ID!) { dominio(idDominio: $id) { ${DOMINIO} } }`,
        { id: idDominio(req.params) },
        lettoreCatalogo(principal),
      );
      return { status: 200, body: dominioJson(data.dominio) };
    }),
  );

  router.get(
    '/domini/:idDominio/logo',
    permesso,
    route(graph, async ({ req, principal }) => {
      const data = await graph.run<{ dominio: { logo?: string | null } }>(
        'query ($id: ID!) { dominio(idDominio: $id) { logo } }',
        { id: idDominio(req.params) },
        lettoreCatalogo(principal),
      );
      if (!data.dominio.logo) throw errors.notFound(`Il dominio ${req.params.idDominio} non ha un logo.`);
      const { type, bytes } = immagine(data.dominio.logo);
      return { status: 200, contentType: type, body: bytes };
    }),
  );

  router.get(
    '/domini/:idDominio/tipiPendenza',
    permesso,
    route(graph, async ({ req, principal }) => {
      const data = await graph.run<{ dominio: { tipiPendenza: GraphConnection<Record<string, unknown>> } }>(
        `query ($id: ID!) { dominio(idDominio: $id) { tipiPendenza(abilitato: true, first: 5000, withCount: true) {
          nodes { idTipoPendenza descrizione } totalCount pageInfo { hasNextPage } } } }`,
        { id: idDominio(req.params) },
        lettoreCatalogo(principal),
      );
      // The spec's list of a dominio's tipi pendenza is never paged: all of them, by descrizione. The hub
      // keeps no portal form for a tipo pendenza, so a portal has none to offer as spontaneo: each is a dovuto.
      const tipi = data.dominio.tipiPendenza.nodes.map((t) => stripNulls({ ...t, tipo: 'dovuto' }));
      return { status: 200, body: { numRisultati: tipi.length, numPagine: 1, risultatiPerPagina: tipi.length, pagina: 1, risultati: tipi } };
    }),
  );

  router.get(
    '/domini/:idDominio/unitaOperative',
    permesso,
    route(graph, async ({ req, principal }) => {
      const paging = parsePaging(req);
      const data = await graph.run<{ dominio: { unitaOperative: GraphConnection<Record<string, unknown>> } }>(
        `query ($id: ID!, ${PAGE}) { dominio(idDominio: $id) { unitaOperative(abilitato: true, ${PAGE_ARGS}) {
          nodes { ${UNITA} } totalCount pageInfo { hasNextPage } } } }`,
        { id: idDominio(req.params), ...pageVariables(paging) },
        lettoreCatalogo(principal),
      );
      return { status: 200, body: listEnvelope(req, paging, data.dominio.unitaOperative, unitaJson) };
    }),
  );
}

/** A stored logo (base64, or a data: URI) as bytes with the image type its first bytes show; anything else is served as bytes. */
function immagine(logo: string): { type: string; bytes: Buffer } {
  const comma = logo.startsWith('data:') ? logo.indexOf(',') : -1;
  const bytes = Buffer.from(comma >= 0 ? logo.slice(comma + 1) : logo, 'base64');
  const head = bytes.subarray(0, 8);
  if (head.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))) return { type: 'image/png', bytes };
  if (head.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return { type: 'image/jpeg', bytes };
  if (head.subarray(0, 4).toString('latin1') === 'GIF8') return { type: 'image/gif', bytes };
  return { type: 'application/octet-stream', bytes };
}
