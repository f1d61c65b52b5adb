/** Rows per IN (…) list: well below every database's limit on bound parameters. */
export const IN_LIST_CHUNK = 1000;

/** `items` in consecutive slices of at most `size`, for statements that bind one parameter per item. */
export function* chunks<T>(items: T[], size = IN_LIST_CHUNK): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
