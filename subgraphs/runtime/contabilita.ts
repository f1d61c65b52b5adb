import { TIPI_CONTABILITA, type TipoContabilita as Tipo } from '../../schema/entities';
import { enumOf } from './closed-set';

/** One enum for the anagrafica's entrate and the pendenze's voci: a value type two subgraphs show must be the same in both. */
export const TipoContabilita = enumOf(
  TIPI_CONTABILITA,
  'TipoContabilita',
  "How a revenue is accounted (GovPay's tipoContabilita, pagoPA's transferCategory).",
);
export type TipoContabilita = Tipo;
