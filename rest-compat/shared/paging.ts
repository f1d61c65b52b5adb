import type { Request } from 'express';
import { z } from 'zod';
import { MAX_PAGE_SIZE } from '../../core/paging';
import { parseInput } from '../../core/validation';
import { booleanParam } from './params';

export { booleanParam, dateTimeParam } from './params';

const pagingQuery = z.object({
  pagina: z.coerce.number().int().min(1).max(1_000_000).default(1),
  risultatiPerPagina: z.coerce.number().int().min(0).max(MAX_PAGE_SIZE).default(25),
  ordinamento: z.string().max(1024).optional(),
  campi: z.string().max(4096).optional(),
  metadatiPaginazione: booleanParam.default(true),
  maxRisultati: booleanParam.default(true),
});

export type PagingQuery = z.output<typeof pagingQuery>;

export function parsePaging(req: Request): PagingQuery {
  return parseInput(pagingQuery, { ...(req.query as Record<string, unknown>) });
}

/** The paging variables and arguments every list query of the graph takes. */
export const PAGE = '$first: Int, $offset: Int, $orderBy: String, $withCount: Boolean, $countLimit: Int';
export const PAGE_ARGS = 'first: $first, offset: $offset, orderBy: $orderBy, withCount: $withCount, countLimit: $countLimit';

/** The paging variables and arguments of a list with a typed orderBy (its GraphPage), read with readGovPayPage. */
export const LIST_PAGE = '$first: Int, $offset: Int, $withCount: Boolean, $countLimit: Int';
export const LIST_PAGE_ARGS = 'first: $first, offset: $offset, withCount: $withCount, countLimit: $countLimit';

/**
 * GovPay's `it.govpay.api.find.maxRisultati`: with `maxRisultati=true` (the default) a list counts
 * at most this many matches, and `numRisultati` says 10000 when there are more.
 */
export const MAX_RISULTATI = 10_000;

/** The count limit a GovPay list asks for. */
export const countLimitOf = (p: PagingQuery): number | undefined => (p.maxRisultati ? MAX_RISULTATI : undefined);

/** Graph variables for one GovPay page. */
export function pageVariables(p: PagingQuery): Record<string, unknown> {
  return {
    first: p.risultatiPerPagina,
    offset: (p.pagina - 1) * p.risultatiPerPagina,
    orderBy: p.ordinamento,
    withCount: p.metadatiPaginazione,
    countLimit: countLimitOf(p),
  };
}

export interface GraphConnection<T> {
  nodes: T[];
  totalCount?: number | null;
  pageInfo: { hasNextPage: boolean };
}

/** The graph's largest page (DESIGN.md §4b): a larger GovPay page is read as consecutive graph pages. */
export const GRAPH_PAGE = 100;

/** The paging arguments of one graph page. */
export interface GraphPage {
  first: number;
  offset: number;
  withCount: boolean;
  countLimit?: number;
}

/**
 * GovPay's page `p` read from the graph in pages of at most GRAPH_PAGE rows, until it is full or
 * the list ends: the count comes from the first graph page, `hasNextPage` from the last.
 * A count-only page (risultatiPerPagina=0) is one graph page of no rows that counts.
 */
export async function readGovPayPage<T>(
  p: PagingQuery,
  read: (page: GraphPage) => Promise<GraphConnection<T>>,
): Promise<GraphConnection<T>> {
  const start = (p.pagina - 1) * p.risultatiPerPagina;
  const withCount = p.metadatiPaginazione || p.risultatiPerPagina === 0;
  const head = await read({ first: Math.min(p.risultatiPerPagina, GRAPH_PAGE), offset: start, withCount, countLimit: countLimitOf(p) });
  return readOn(head, start, p.risultatiPerPagina, read);
}

/**
 * Every row of a list a GovPay resource embeds whole (a dominio's unità operative, an
 * intermediario's stazioni), up to MAX_PAGE_SIZE, from the first graph page its query read.
 */
export async function allRows<T>(head: GraphConnection<T>, read: (page: GraphPage) => Promise<GraphConnection<T>>): Promise<T[]> {
  return (await readOn(head, 0, MAX_PAGE_SIZE, read)).nodes;
}

/** `head`, read from `start`, followed by the graph pages after it until `want` rows or the list's end. */
async function readOn<T>(
  head: GraphConnection<T>,
  start: number,
  want: number,
  read: (page: GraphPage) => Promise<GraphConnection<T>>,
): Promise<GraphConnection<T>> {
  const nodes = [...head.nodes];
  let last = head;
  while (nodes.length < want && last.pageInfo.hasNextPage) {
    last = await read({ first: Math.min(want - nodes.length, GRAPH_PAGE), offset: start + nodes.length, withCount: false });
    nodes.push(...last.nodes);
  }
  return { nodes, totalCount: head.totalCount, pageInfo: last.pageInfo };
}

/**
 * GovPay's list envelope (`Lista`): counts only when asked, `risultatiPerPagina=0` as a pure
 * count, and `prossimiRisultati` as the request's own URI moved to the next page.
 */
export function listEnvelope<T, U>(req: Request, p: PagingQuery, c: GraphConnection<T>, toItem: (t: T) => U) {
  const risultati = c.nodes.map(toItem).map((item) => project(item, p.campi));
  if (p.risultatiPerPagina === 0) {
    return { numRisultati: c.totalCount ?? 0, risultatiPerPagina: 0, pagina: p.pagina, risultati: [] };
  }
  const next = nextPageUri(req, p);
  if (!p.metadatiPaginazione) {
    return { risultatiPerPagina: p.risultatiPerPagina, pagina: p.pagina, prossimiRisultati: next, risultati };
  }
  const numRisultati = c.totalCount ?? 0;
  const numPagine = Math.max(1, Math.ceil(numRisultati / p.risultatiPerPagina));
  return {
    numRisultati,
    numPagine,
    risultatiPerPagina: p.risultatiPerPagina,
    pagina: p.pagina,
    ...(p.pagina < numPagine ? { prossimiRisultati: next } : {}),
    risultati,
  };
}

function nextPageUri(req: Request, p: PagingQuery): string {
  const url = new URL(req.originalUrl, 'http://hub.local');
  url.searchParams.set('pagina', String(p.pagina + 1));
  url.searchParams.set('risultatiPerPagina', String(p.risultatiPerPagina));
  return `${url.pathname}${url.search}`;
}

/** `campi`: keep only the listed top-level fields of each result. */
function project<U>(item: U, campi: string | undefined): U {
  if (!campi || !item || typeof item !== 'object') return item;
  const keep = new Set(
    campi
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean),
  );
  return Object.fromEntries(Object.entries(item).filter(([k]) => keep.has(k))) as U;
}
