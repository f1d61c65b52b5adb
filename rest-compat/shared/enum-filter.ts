import type { GraphConnection, GraphPage } from './paging';

/**
 * A GovPay text filter the graph takes as an enum (a state). GovPay's lists, as the hub serves
 * them, answer a value outside the enum with no rows rather than refuse it, and an empty one
 * filters nothing: `value` is what the graph is given, `none` that no row can match.
 */
export function enumFilter<T extends string>(values: readonly T[], value: unknown): { value?: T; none: boolean } {
  if (value === undefined || value === '') return { none: false };
  return values.includes(value as T) ? { value: value as T, none: false } : { none: true };
}

/**
 * `read`, or when the filter can match no row, `read` asked for none (so the caller's rights and
 * scope are checked as for any list) and no rows.
 */
export function orNoRows<T>(
  none: boolean,
  read: (page: GraphPage) => Promise<GraphConnection<T>>,
): (page: GraphPage) => Promise<GraphConnection<T>> {
  if (!none) return read;
  return async (page) => {
    await read({ ...page, first: 0, withCount: false });
    return { nodes: [], totalCount: 0, pageInfo: { hasNextPage: false } };
  };
}
