import type { GraphPendenza } from './mapping';

/**
 * How an API shows a pendenza's dominio: API Pendenze with its name only, the Backoffice with the
 * whole dominio (GovPay embeds its index there).
 */
export interface PendenzaShape {
  dominioFields: string;
  /** Graph fields of the pendenza only this API shows (the Backoffice's anomalo). */
  campi: string;
  dominio: (d: GraphPendenza['dominio']) => unknown;
  /** Collections the API's detail adds (the Backoffice lists the portal payments too). */
  dettaglio: Record<string, unknown>;
  /** Fields the API's Rpp adds (the Backoffice's modello). */
  rpp: Record<string, unknown>;
}

export const PENDENZE_SHAPE: PendenzaShape = { dominioFields: 'idDominio', campi: '', dominio: (d) => d, dettaglio: {}, rpp: {} };
