/** Drops null and undefined fields, so that absent optional fields stay absent in every edge's output. */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as T;
}
