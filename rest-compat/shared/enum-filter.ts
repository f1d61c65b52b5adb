import type { GraphConnection, GraphPage } from './paging';

/**
 * A GovPay text filter the graph takes as an enum (a state). GovPay's lists, as the hub serves
 * them, answer a value outside the enum with no rows rather than refuse it, and an empty one
 * filters nothing: the value for the graph, undefined for no filter, null when no row can match.
 */
export function enumFilter<T extends string>(values: readonly T[], value: unknown): T | undefined | null {
  if (value === undefined || value === '') return undefined;
  return values.includes(value as T) ? (value as T) : null;
}

/**
 * A list's read when its filter can match no row: `read` asked for none (so the caller's rights
 * and scope are checked as for any list), and no rows.
 */
export function noRows<T>(read: (page: GraphPage) => Promise<GraphConnection<T>>): (page: GraphPage) => Promise<GraphConnection<T>> {
  return async (page) => {
    await read({ ...page, first: 0, withCount: false });
    return { nodes: [], totalCount: 0, pageInfo: { hasNextPage: false } };
  };
}
