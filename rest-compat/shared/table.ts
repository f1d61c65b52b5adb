import type { Request, RequestHandler, Router } from 'express';
import { z } from 'zod';
import { errors } from '../../core/errors';
import type { Principal } from '../../core/principal';
import { parseInput } from '../../core/validation';
import type { GraphClient } from './graph-client';
import { route, type RestResult } from './http';
import { noRows } from './enum-filter';
import { listEnvelope, parsePaging, readGovPayPage, type GraphConnection, type GraphPage } from './paging';

/**
 * A REST API as a table (DESIGN §4b): each operation is declared once — method, path, who may call
 * it, its query parameters with their parsing, the graph operation and the mapper to GovPay's JSON —
 * and `mountTable` serves them all with one engine: GovPay's lenient parameters, the Lista envelope,
 * ordering, 404 for a missing resource, and the FaultBean (through the router's fault handler).
 */

/** The table's name for the one boolean parser of GovPay's query parameters (params.ts). */
export { booleanParam as lenientBoolean, dateTimeParam } from './params';

/** A text parameter, bounded. */
export const textParam = z.string().max(1024);

/** A list parameter GovPay takes repeated (`tipo=A&tipo=B`) or comma-separated (`tipo=A,B`). */
export function listParam<T extends z.ZodType>(item: T, min = 0) {
  return z
    .union([z.string().max(1024), z.array(z.string().max(1024)).max(100)])
    .transform((v) =>
      (Array.isArray(v) ? v : [v])
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(min).max(100) as unknown as z.ZodType<z.output<T>[], string[]>);
}

export interface TableCall<Q> {
  req: Request;
  /** The path's parameters, decoded. */
  params: Record<string, string>;
  principal: Principal;
  graph: GraphClient;
  /** The parsed query parameters. */
  query: Q;
}

interface Common<Q extends z.ZodRawShape> {
  method: 'get' | 'post' | 'put' | 'patch';
  /** Express path, relative to the API's base. */
  path: string;
  /** Who may call it beyond the graph's own rights (the API flag, the kinds of caller), checked first. */
  guard?: RequestHandler;
  /** Its query parameters and their parsing; unknown parameters are ignored, as GovPay does. */
  query?: Q;
}

/** A GovPay list: paging and ordering by the engine, the rest declared. */
export interface ListOperation<Q extends z.ZodRawShape, N> extends Common<Q> {
  kind: 'list';
  /** The graph's list field, the type names of its filter and order inputs, and the node selection. */
  field: string;
  filterType: string;
  orderType?: string;
  selection: string;
  /** GovPay's ordering fields (`+campo,-campo`) as the graph's order field enum. */
  ordinamento?: Record<string, string>;
  /** GovPay's largest page for this list where its API documents one above the default 100 (Backoffice: 5000). */
  maxRisultatiPerPagina?: number;
  /**
   * The graph filter from the parsed parameters (undefined fields are left out), or null when no
   * row can match (a state the graph's enum does not hold): the list is then answered empty.
   */
  filter(q: z.output<z.ZodObject<Q>>, req: Request): Record<string, unknown> | null;
  map(node: N, req: Request): unknown;
}

/** Any other operation: one graph call (or more) written as a function of the parsed call. */
export interface CustomOperation<Q extends z.ZodRawShape> extends Common<Q> {
  kind: 'custom';
  run(call: TableCall<z.output<z.ZodObject<Q>>>): Promise<RestResult>;
}

/** An operation shared with another API, already written as a handler over the graph (GET /profilo). */
export interface HandlerOperation extends Common<{}> {
  kind: 'handler';
  handler(graph: GraphClient): RequestHandler;
}

export type Operation = ListOperation<any, any> | CustomOperation<any> | HandlerOperation;

/** Declares a list (its query's and nodes' types inferred for the filter and the mapper). */
export const list = <Q extends z.ZodRawShape, N>(op: Omit<ListOperation<Q, N>, 'kind' | 'method'>): Operation => ({
  kind: 'list',
  method: 'get',
  ...op,
});

/** Declares any other operation (its query's type inferred for `run`). */
export const custom = <Q extends z.ZodRawShape = {}>(op: Omit<CustomOperation<Q>, 'kind'>): Operation => ({ kind: 'custom', ...op });

/** GovPay's largest page for most lists (the graph caps its own at GRAPH_PAGE). */
const MAX_PAGE = 100;

/** Serves every operation of `table` on `router`. */
export function mountTable(router: Router, graph: GraphClient, table: readonly Operation[]): void {
  for (const op of table) {
    const handler = op.kind === 'list' ? listHandler(graph, op) : op.kind === 'custom' ? customHandler(graph, op) : op.handler(graph);
    router[op.method](op.path, ...(op.guard ? [op.guard] : []), handler);
  }
}

function parseQuery<Q extends z.ZodRawShape>(req: Request, shape: Q | undefined) {
  return parseInput(z.object(shape ?? {}), { ...(req.query as Record<string, unknown>) }) as z.output<z.ZodObject<Q>>;
}

function customHandler(graph: GraphClient, op: CustomOperation<any>): RequestHandler {
  return route(graph, ({ req, principal }) =>
    op.run({ req, params: req.params as Record<string, string>, principal, graph, query: parseQuery(req, op.query) }),
  );
}

function listHandler(graph: GraphClient, op: ListOperation<any, any>): RequestHandler {
  return route(graph, async ({ req, principal }) => {
    const paging = parsePaging(req);
    const max = op.maxRisultatiPerPagina ?? MAX_PAGE;
    if (paging.risultatiPerPagina > max) throw errors.syntax(`Il parametro risultatiPerPagina deve essere al massimo ${max}.`);
    const q = parseQuery(req, op.query);
    const orderBy = op.ordinamento ? ordinamento(paging.ordinamento, op.ordinamento) : undefined;
    const orderVar = op.orderType ? `, $orderBy: [${op.orderType}!]` : '';
    const orderArg = op.orderType ? ', orderBy: $orderBy' : '';
    const query = `query ($filter: ${op.filterType}${orderVar}, $first: Int, $offset: Int, $withCount: Boolean, $countLimit: Int) {
        list: ${op.field}(filter: $filter${orderArg}, first: $first, offset: $offset, withCount: $withCount, countLimit: $countLimit) {
          nodes { ${op.selection} } totalCount pageInfo { hasNextPage } } }`;
    const filter = op.filter(q, req);
    const fixed = { filter: defined(filter ?? {}), ...(op.orderType ? { orderBy } : {}) };
    const read = async (page: GraphPage) =>
      (await graph.run<Record<string, GraphConnection<unknown>>>(query, { ...fixed, ...page }, principal)).list;
    const list = await readGovPayPage(paging, filter === null ? noRows(read) : read);
    return { status: 200, body: listEnvelope(req, paging, list, (n) => op.map(n, req)) };
  });
}

const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** GovPay's `+campo,-campo` as the graph's typed orderBy; a field it does not know is the caller's syntax error. */
export function ordinamento(text: string | undefined, fields: Record<string, string>) {
  if (!text) return undefined;
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item) => {
      const direction = item.startsWith('-') ? 'DESC' : 'ASC';
      const name = item.replace(/^[+-]/, '');
      const field = Object.hasOwn(fields, name) ? fields[name] : undefined;
      if (!field) throw errors.syntax(`Il campo ${name} non e' ordinabile: usare ${Object.keys(fields).join(', ')}.`);
      return { field, direction };
    });
}

/** A detail the graph answered null for: GovPay's 404. */
export function found<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw errors.notFound(`${what} inesistente.`);
  return value;
}

/**
 * A list the graph answers whole (an aggregation's groups) read page by page as the caller's Lista:
 * `fetch(first, offset)` is called until a short page, then GovPay's page is cut from it.
 */
export async function listaCompleta<T>(req: Request, fetch: (first: number, offset: number) => Promise<T[]>, map: (t: T) => unknown) {
  const paging = parsePaging(req);
  if (paging.risultatiPerPagina > MAX_PAGE) throw errors.syntax(`Il parametro risultatiPerPagina deve essere al massimo ${MAX_PAGE}.`);
  const all: T[] = [];
  for (let page: T[] = []; all.length < MAX_GROUPS; ) {
    page = await fetch(MAX_PAGE, all.length);
    all.push(...page);
    if (page.length < MAX_PAGE) break;
  }
  const offset = (paging.pagina - 1) * paging.risultatiPerPagina;
  const nodes = all.slice(offset, offset + paging.risultatiPerPagina);
  const connection = { nodes, totalCount: all.length, pageInfo: { hasNextPage: offset + nodes.length < all.length } };
  return listEnvelope(req, paging, connection, map);
}

/** The most groups an aggregation lists (GovPay's quadrature have a handful: domini, tipi, uffici). */
const MAX_GROUPS = 10_000;
