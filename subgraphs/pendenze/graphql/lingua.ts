import { LINGUE_SECONDARIE, type LinguaSecondaria as Lingua } from '../avviso';
import { enumOfTexts } from '../../runtime/closed-set';

export const LinguaSecondaria = enumOfTexts(
  LINGUE_SECONDARIE,
  'LinguaSecondaria',
  "The avviso's second language: its labels are printed in Italian and in it (GovPay's linguaSecondaria, which its REST writes in lower case).",
  { DE: 'German.', EN: 'English.', FR: 'French.', SL: 'Slovenian.' },
);
export type LinguaSecondaria = Lingua;
