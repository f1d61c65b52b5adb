import type { StatoVoce } from '../../schema/entities';
import type { TipologiaPendenza } from '../../subgraphs/pendenze/services';

/* GovPay's REST spells these closed sets otherwise than the graph's enums: one table each, graph value to GovPay's text. */

/** A pendenza's tipologia (GovPay's TipoPendenzaTipologia), in a pendenza and in a tipo pendenza. */
export const TIPOLOGIA: Record<TipologiaPendenza, string> = { DOVUTO: 'dovuto', SPONTANEO: 'spontaneo' };

/** A voce's stato (GovPay's StatoVocePendenza). */
const STATO_VOCE: Record<StatoVoce, string> = { ESEGUITO: 'Eseguito', NON_ESEGUITO: 'Non eseguito', ANOMALO: 'Anomalo' };

/** A voce as the graph read it, its stato in GovPay's text (in its place: the JSON's order is GovPay's). */
export const voceGovPay = <V extends { stato?: unknown }>(v: V): V => ({ ...v, stato: STATO_VOCE[v.stato as StatoVoce] });
