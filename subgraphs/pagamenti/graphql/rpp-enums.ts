import { STATI_RPP } from '../../../schema/entities';
import { enumOf } from '../../runtime/closed-set';
import { ESITI_RPP } from '../domain/rpp';

export const EsitoRpp = enumOf(
  ESITI_RPP,
  'EsitoRpp',
  "GovPay's EsitoRpp, the outcome of a payment attempt: the hub's receipts are ESEGUITO or NON_ESEGUITO.",
);
export type EsitoRpp = (typeof ESITI_RPP)[number];

export const StatoRpp = enumOf(STATI_RPP, 'StatoRpp', "A payment attempt's state: the hub records one when its receipt is accepted.");
export type StatoRpp = (typeof STATI_RPP)[number];
