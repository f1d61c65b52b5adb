import type { Principal } from '../../core/principal';
import type { GraphClient } from './graph-client';
import { GRAPH_PAGE, type GraphConnection, type GraphPage } from './paging';

/**
 * A list the graph keeps under a parent object (a dominio's entrate, an intermediario's stazioni),
 * which the table engine's top-level lists do not reach: read one graph page at a time.
 */
export interface NestedList {
  /** The parent's query field with its arguments, e.g. `dominio(idDominio: $id)`. */
  parent: string;
  /** The variables the parent's arguments use, e.g. `$id: ID!`. */
  parentVariables: string;
  /** The parent's list field. */
  field: string;
  /** The type names of the list's order input and, when it has one, of its filter input. */
  orderType: string;
  filterType?: string;
  selection: string;
}

/**
 * A reader of the pages of `list` for `readGovPayPage` and `allRows`, with the parent's variables
 * and the list's `filter` and `orderBy` in `variables`.
 */
export function nestedPages<T>(graph: GraphClient, principal: Principal, list: NestedList, variables: Record<string, unknown>) {
  const filterVariable = list.filterType ? `, $filter: ${list.filterType}` : '';
  const filterArgument = list.filterType ? 'filter: $filter, ' : '';
  const query = `query (${list.parentVariables}${filterVariable}, $orderBy: [${list.orderType}!], $first: Int, $offset: Int, $withCount: Boolean, $countLimit: Int) {
    parent: ${list.parent} { list: ${list.field}(${filterArgument}orderBy: $orderBy, first: $first, offset: $offset, withCount: $withCount, countLimit: $countLimit) {
      nodes { ${list.selection} } totalCount pageInfo { hasNextPage } } } }`;
  return async (page: GraphPage): Promise<GraphConnection<T>> =>
    (await graph.run<{ parent: { list: GraphConnection<T> } }>(query, { ...variables, ...page }, principal)).parent.list;
}

/** The first page of `list` (GRAPH_PAGE rows, not counted) as a selection inside the parent's own query. */
export const firstPageOf = (list: NestedList) =>
  `${list.field}(first: ${GRAPH_PAGE}, withCount: false) { nodes { ${list.selection} } pageInfo { hasNextPage } }`;
