import { VERSIONI_STAZIONE } from '../../../schema/entities';
import { enumOf, enumOfTexts } from '../../runtime/closed-set';
import { VERSIONI_API_INTEGRAZIONE } from '../domain/inputs';

export const VersioneStazione = enumOf(VERSIONI_STAZIONE, 'VersioneStazione', 'The pagoPA interface a stazione speaks.', {
  V1: 'paGetPayment and paSendRT.',
  V2: 'paGetPaymentV2 and paSendRTV2.',
});
export type VersioneStazione = (typeof VERSIONI_STAZIONE)[number];

export const VersioneApiIntegrazione = enumOfTexts(
  VERSIONI_API_INTEGRAZIONE,
  'VersioneApiIntegrazione',
  "The version of API Ente the hub speaks to the Ente's system (GovPay's versioneApi).",
  {
    REST_V1: 'GovPay\'s "REST v1": API Applicazioni v1.',
    REST_V2: 'GovPay\'s "REST v2": API Notifica e Verifica v2.',
  },
);
export type VersioneApiIntegrazione = (typeof VERSIONI_API_INTEGRAZIONE)[keyof typeof VERSIONI_API_INTEGRAZIONE];
