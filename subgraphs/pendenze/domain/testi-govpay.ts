import type { StatoVoce } from '../../../schema/entities';
import type { TipologiaPendenza } from './views';

/*
 * GovPay's JSON (its REST APIs, and API Ente's notifications the hub sends) spells these closed sets
 * otherwise than the graph's enums and the tables: one map each, from the hub's value to GovPay's text.
 */

/** A pendenza's tipologia (GovPay's TipoPendenzaTipologia), in a pendenza and in a tipo pendenza. */
export const TIPOLOGIA_GOVPAY: Record<TipologiaPendenza, string> = { DOVUTO: 'dovuto', SPONTANEO: 'spontaneo' };

/** A voce's stato (GovPay's StatoVocePendenza). */
const STATO_VOCE_GOVPAY: Record<StatoVoce, string> = { ESEGUITO: 'Eseguito', NON_ESEGUITO: 'Non eseguito', ANOMALO: 'Anomalo' };

/** A voce with its stato in GovPay's text, in its place: the JSON's order is GovPay's. */
export const voceGovPay = <V extends { stato?: unknown }>(v: V): V => ({ ...v, stato: STATO_VOCE_GOVPAY[v.stato as StatoVoce] });
