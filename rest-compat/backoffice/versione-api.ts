import { VERSIONI_API_INTEGRAZIONE } from '../../subgraphs/anagrafica/services';
import { nomiDeiTesti } from '../shared/nomi';

/*
 * A connettore's versioneApi: the graph's VersioneApiIntegrazione names it (REST_V1), GovPay's
 * Backoffice writes and shows its text ("REST v1"); both from the anagrafica's one table.
 */

/** A connettore's versioneApi as the graph names it. */
export type VersioneApiNome = keyof typeof VERSIONI_API_INTEGRAZIONE;
type Testo = (typeof VERSIONI_API_INTEGRAZIONE)[VersioneApiNome];
type Connettore<V> = { versioneApi?: V | null } | null | undefined;

const NOMI = nomiDeiTesti(VERSIONI_API_INTEGRAZIONE);

/** A connettore of GovPay's body (its versioneApi already checked against GovPay's texts) as the graph's input takes it. */
export const connettoreDelGrafo = <C extends Connettore<Testo>>(c: C) => (c?.versioneApi ? { ...c, versioneApi: NOMI[c.versioneApi] } : c);

/** A connettore the graph shows, as GovPay's Backoffice shows it. */
export const connettoreGovPay = <C extends Connettore<VersioneApiNome>>(c: C) =>
  c?.versioneApi ? { ...c, versioneApi: VERSIONI_API_INTEGRAZIONE[c.versioneApi] } : c;
