import type { RequestHandler, Router } from 'express';
import { stripNulls } from '../../core/compact';
import { errors } from '../../core/errors';
import type { Principal } from '../../core/principal';
import { parseInput } from '../../core/validation';
import { pendenzaIds, TIPOLOGIA_GOVPAY } from '../../subgraphs/pendenze/services';
import type { GraphClient } from '../shared/graph-client';
import { route } from '../shared/http';
import { allRows, GRAPH_PAGE, listEnvelope, parsePaging, readGovPayPage, type GraphConnection } from '../shared/paging';
import { nestedPages, type NestedList } from '../shared/nested-list';
import { ordinamento } from '../shared/table';
import { DOMINI_ORDINAMENTO, UNITA_ORDINAMENTO } from '../backoffice/domini';

const RECAPITI = 'indirizzo civico cap localita provincia nazione email pec tel fax web';
const DOMINIO = `idDominio ragioneSociale ${RECAPITI} gln cbill`;
const UNITA = `idUnita ragioneSociale ${RECAPITI} area`;

type Dominio = Record<string, unknown> & { idDominio: string };

/** The lists of a dominio a portal reads. */
const TIPI_PENDENZA: NestedList = {
  parent: 'dominio(idDominio: $id)',
  parentVariables: '$id: ID!',
  field: 'tipiPendenza',
  filterType: 'TipoPendenzaDominioFilter',
  orderType: 'TipoPendenzaDominioOrder',
  selection: 'idTipoPendenza descrizione',
};
const UNITA_OPERATIVE: NestedList = {
  ...TIPI_PENDENZA,
  field: 'unitaOperative',
  filterType: 'UnitaOperativaFilter',
  orderType: 'UnitaOperativaOrder',
  selection: UNITA,
};

/**
 * The catalogue a portal shows (GovPay's API Pagamento: domini, their tipi pendenza and unità
 * operative, logos) is public information, open to every caller of the API, citizens and
 * anonymous visitors included. It is read with the caller's own identity and scope and only the
 * right to read the Ente's registry, which the API's callers otherwise lack.
 */
const lettoreCatalogo = (p: Principal): Principal => ({ ...p, acl: [{ servizio: 'Anagrafica Creditore', autorizzazioni: ['R'] }] });

const dominioJson = (d: Dominio) => {
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
      const orderBy = ordinamento(paging.ordinamento, DOMINI_ORDINAMENTO);
      const query = `query ($orderBy: [DominioOrder!], $first: Int, $offset: Int, $withCount: Boolean, $countLimit: Int) {
        domini(filter: { abilitato: true }, orderBy: $orderBy, first: $first, offset: $offset, withCount: $withCount, countLimit: $countLimit) {
          nodes { ${DOMINIO} } totalCount pageInfo { hasNextPage } } }`;
      const domini = await readGovPayPage(
        paging,
        async (page) =>
          (await graph.run<{ domini: GraphConnection<Dominio> }>(query, { orderBy, ...page }, lettoreCatalogo(principal))).domini,
      );
      return { status: 200, body: listEnvelope(req, paging, domini, dominioJson) };
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
      const read = nestedPages<Record<string, unknown>>(graph, lettoreCatalogo(principal), TIPI_PENDENZA, {
        id: idDominio(req.params),
        filter: { abilitato: true },
      });
      // The spec's list of a dominio's tipi pendenza is never paged: all of them, by descrizione. The hub
      // keeps no portal form for a tipo pendenza, so a portal has none to offer as spontaneo: each is a dovuto.
      const all = await allRows(await read({ first: GRAPH_PAGE, offset: 0, withCount: false }), read);
      const tipi = all.map((t) => stripNulls({ ...t, tipo: TIPOLOGIA_GOVPAY.DOVUTO }));
      return {
        status: 200,
        body: { numRisultati: tipi.length, numPagine: 1, risultatiPerPagina: tipi.length, pagina: 1, risultati: tipi },
      };
    }),
  );

  router.get(
    '/domini/:idDominio/unitaOperative',
    permesso,
    route(graph, async ({ req, principal }) => {
      const paging = parsePaging(req);
      const orderBy = ordinamento(paging.ordinamento, UNITA_ORDINAMENTO);
      const read = nestedPages<Record<string, unknown>>(graph, lettoreCatalogo(principal), UNITA_OPERATIVE, {
        id: idDominio(req.params),
        filter: { abilitato: true },
        orderBy,
      });
      return { status: 200, body: listEnvelope(req, paging, await readGovPayPage(paging, read), unitaJson) };
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
