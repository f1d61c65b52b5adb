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
}

export const PENDENZE_SHAPE: PendenzaShape = {
  dominioFields: 'idDominio',
  campi: '',
  dominio: (d) => d,
  adapt: (json) => json,
  dettaglio: {},
  rpp: {},
};
