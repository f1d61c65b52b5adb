import { getNamedType, isObjectType, type GraphQLOutputType } from 'graphql';
import type { ComplexityEstimatorArgs } from 'graphql-query-complexity';

/**
 * What one field of the graph costs, in units of a plain field read from a row already loaded.
 * Rendering an Avviso pagoPA (pdfkit, QR code, Data Matrix) took about 36 ms, the time of
 * hundreds of plain fields (a ricevuta di pagamento is priced alike); a documento's PDF has a page per rata; an allegato's content and a
 * tracciato's upload or outcome are whole files or every row of a bulk load.
 */
export const PDF_COST = 250;

export const FIELD_COSTS: Readonly<Record<string, number>> = {
  'Pendenza.avvisoPdf': PDF_COST,
  'Rpp.ricevutaPdf': PDF_COST,
  'Query.documentoAvvisiPdf': 4 * PDF_COST,
  'FileAllegato.contenuto': 100,
  'TracciatoPendenze.richiesta': 1000,
  'TracciatoPendenze.esito': 1000,
};

/** The page a connection reads when the caller names no `first` (the graph's own default). */
export const DEFAULT_PAGE_SIZE = 25;

/**
 * The cost of a field: its own (FIELD_COSTS, else 1) plus what is selected under it, times the
 * page size for a connection (a type with `nodes`): `first` as the caller passed it, literal or
 * variable, else the default; times the number of ids for nodes(ids:). graphql-query-complexity calls this for every field it visits,
 * through fragments and aliases alike.
 */
export function fieldCost({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number {
  const own = FIELD_COSTS[`${type.name}.${field.name}`] ?? 1;
  // nodes(ids:) reads one object per id, each as dear as node(id:).
  if (type.name === 'Query' && field.name === 'nodes') return own + Math.max(1, idCount(args)) * childComplexity;
  if (!isConnection(field.type)) return own + childComplexity;
  return own + pageSize(args) * childComplexity;
}

function idCount(args: Record<string, unknown>): number {
  return Array.isArray(args.ids) ? args.ids.length : 1;
}

function isConnection(type: GraphQLOutputType): boolean {
  const named = getNamedType(type);
  return isObjectType(named) && 'nodes' in named.getFields();
}

function pageSize(args: Record<string, unknown>): number {
  const first = args.first;
  return typeof first === 'number' && Number.isFinite(first) ? Math.max(1, first) : DEFAULT_PAGE_SIZE;
}
