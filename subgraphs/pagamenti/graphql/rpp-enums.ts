import { STATI_RPP, VERSIONI_RICEVUTA } from '../../../schema/entities';
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

export const VersioneRicevuta = enumOf(VERSIONI_RICEVUTA, 'VersioneRicevuta', 'Which primitive of the Nodo delivered a receipt.', {
  V1: 'paSendRT (ctReceipt).',
  V2: 'paSendRTV2 (ctReceiptV2).',
});
export type VersioneRicevuta = (typeof VERSIONI_RICEVUTA)[number];
