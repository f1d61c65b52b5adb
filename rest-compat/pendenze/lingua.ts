import { z } from 'zod';
import { LINGUE_SECONDARIE } from '../../subgraphs/pendenze/services';
import { nomiDeiTesti } from '../shared/nomi';

const NOMI = nomiDeiTesti(LINGUE_SECONDARIE);
const CODICI = Object.values(LINGUE_SECONDARIE);

/**
 * GovPay's `?linguaSecondaria=`: `false` (the default) or a second language for the avviso in its
 * code (de), as the graph's LinguaSecondaria names it (DE); any other value is GovPay's 400.
 */
export const linguaSecondaria = z
  .enum(['false', ...CODICI])
  .optional()
  .transform((v) => (v && v !== 'false' ? NOMI[v as (typeof CODICI)[number]] : undefined));
