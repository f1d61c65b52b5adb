/** Drops null and undefined fields, so that absent optional fields stay absent in every edge's output. */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as T;
}

/** `compact`, all the way down: GovPay leaves optional fields out rather than sending null, so the graph's nulls are dropped. */
export function stripNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map(stripNulls) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return compact(Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stripNulls(v)]))) as T;
  }
  return value;
}
