import { errors } from './errors';

export type SortDirection = 'ASC' | 'DESC';

/** A page of a list: by offset (GovPay's `pagina`) or after an opaque cursor (the graph's `after`). */
export interface PageRequest {
  offset: number;
  limit: number;
  /** Count every match as well (skipped when the caller does not need it: it costs a second query). */
  withCount: boolean;
  /**
   * Count at most this many matches (GovPay's `maxRisultati`): past it, the count is this number and
   * reading every match to count it (a second per list at a million rows) is spared.
   */
  countLimit?: number;
  /** Field names with a direction, already checked against what the list allows. */
  orderBy: Array<[string, SortDirection]>;
}

export interface Page<T> {
  items: T[];
  total?: number;
  offset: number;
  hasNextPage: boolean;
}

export const MAX_PAGE_SIZE = 5000;

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const m = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw errors.syntax(`Il cursore '${cursor}' non e' valido.`);
  return Number(m[1]);
}

/**
 * Parses an ordering like `+ragioneSociale,-idDominio` against the fields a list can be sorted
 * by (public name → entity property), falling back to the list's default.
 */
export function parseOrdering(
  spec: string | undefined | null,
  allowed: Record<string, string>,
  fallback: string,
): Array<[string, SortDirection]> {
  const source = spec && spec.trim() ? spec : fallback;
  return source.split(',').map((raw) => {
    const term = raw.trim();
    const desc = term.startsWith('-');
    const name = term.replace(/^[+-]/, '');
    const field = allowed[name];
    if (!field) {
      throw errors.syntax(`Il campo di ordinamento '${name}' non e' supportato: ammessi ${Object.keys(allowed).join(', ')}.`);
    }
    return [field, desc ? 'DESC' : 'ASC'];
  });
}

/** `rows` may hold one row past the page: its presence is what tells that another page follows. */
export function pageOf<T>(rows: T[], req: PageRequest, total?: number): Page<T> {
  const items = rows.slice(0, req.limit);
  // A count stopped at its limit does not say where the list ends; the extra row does.
  const exact = total !== undefined && (req.countLimit === undefined || total < req.countLimit);
  const hasNextPage = exact ? req.offset + items.length < total : rows.length > req.limit;
  return { items, total, offset: req.offset, hasNextPage };
}

export function mapPage<T, U>(page: Page<T>, fn: (t: T) => U): Page<U> {
  return { ...page, items: page.items.map(fn) };
}
