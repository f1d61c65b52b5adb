import { STATI_PENDENZA } from '../../subgraphs/pendenze/services';
import { enumFilter } from '../shared/enum-filter';
import type { GraphPendenza, PendenzaAdapt } from './mapping';

/**
 * How an API shows a pendenza beyond the common mapping (mapping.ts): API Pendenze as it is, with
 * its dominio's name only; the Backoffice with the whole dominio (GovPay embeds its index there) and
 * fields of its own (rest-compat/backoffice/pendenze.ts).
 */
export interface PendenzaShape {
  dominioFields: string;
  /** Graph fields of the pendenza only this API shows (the Backoffice's anomalo, amounts paid…). */
  campi: string;
  dominio: (d: GraphPendenza['dominio']) => unknown;
  /** The API's own JSON from the common one (the Backoffice's tipoPendenza object instead of idTipoPendenza). */
  adapt: PendenzaAdapt;
  /** Collections the API's detail adds (the Backoffice lists the portal payments too). */
  dettaglio: Record<string, unknown>;
  /** Fields the API's Rpp adds (the Backoffice's modello). */
  rpp: Record<string, unknown>;
  /**
   * GET /pendenze's `stato` as the graph's PendenzaFilter fields, matching the stato the API shows;
   * null when no pendenza can match (a value the API never shows, which GovPay's list answers empty).
   */
  statoFiltro: (stato: string | undefined) => Record<string, unknown> | null;
}

/** The stato a pendenza shows in API Pendenze and API Pagamento: the graph's own. */
const statoFiltro = (stato: string | undefined) => {
  const s = enumFilter(STATI_PENDENZA, stato);
  return s === null ? null : { stato: s };
};

export const PENDENZE_SHAPE: PendenzaShape = {
  dominioFields: 'idDominio',
  campi: '',
  dominio: (d) => d,
  adapt: (json) => json,
  dettaglio: {},
  rpp: {},
  statoFiltro,
};
