import { AUTENTICAZIONI, DIRITTI, SERVIZI_ACL, type Servizio } from '../../../core/principal';
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

export const ServizioAcl = enumOfTexts(
  SERVIZI_ACL,
  'ServizioAcl',
  'A service of GovPay\'s ACLs, what a right is granted on; GovPay\'s REST spells it in words ("Anagrafica PagoPA").',
);
export type ServizioAcl = Servizio;

export const Diritto = enumOf(DIRITTI, 'Diritto', 'A right on a servizio.', {
  R: "Lettura: read it (GovPay's REST also takes the word).",
  W: "Scrittura: change it (GovPay's REST also takes the word).",
});
export type Diritto = (typeof DIRITTI)[number];

export const ModalitaAutenticazione = enumOf(AUTENTICAZIONI, 'ModalitaAutenticazione', 'How the caller proved who it is.', {
  BASIC: 'HTTP Basic, with its password.',
  HEADER: 'A trusted proxy authenticated it and forwards its principal in a header.',
  FORM: "The Backoffice's login form (a session).",
  SPID: 'A citizen, whom a trusted SPID proxy asserts.',
  PUBLIC: "No one: API Pagamento's public mode.",
});
export type ModalitaAutenticazione = (typeof AUTENTICAZIONI)[number];
