/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
  /** An amount in euro, as a string with exactly two decimals, e.g. "100.99". */
  Importo: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: unknown; output: unknown; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
};

export type AclInput = {
  autorizzazioni: Array<Diritto>;
  servizio: ServizioAcl;
};

/** What an operatore changes on a payment (GovPay's PATCH /pagamenti/{id}): at least one of the two. */
export type AnnotaPagamentoInput = {
  /** The payment (its global id, Pagamento.id). */
  id: Scalars['ID']['input'];
  nota?: InputMaybe<NotaPagamentoInput>;
  /** Marks the payment as checked, or not. */
  verificato?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A note to add to a pendenza; its oggetto becomes the descrizioneStato, as in GovPay. */
export type AnnotaPendenzaInput = {
  idA2A: Scalars['ID']['input'];
  idPendenza: Scalars['ID']['input'];
  oggetto: Scalars['String']['input'];
  testo?: InputMaybe<Scalars['String']['input']>;
  tipo?: InputMaybe<Scalars['String']['input']>;
};

/** The pendenza to cancel, and why. */
export type AnnullaPendenzaInput = {
  /** Why it is cancelled (its descrizioneStato). */
  descrizioneStato?: InputMaybe<Scalars['String']['input']>;
  idA2A: Scalars['ID']['input'];
  idPendenza: Scalars['ID']['input'];
};

/** Which applicazioni to list (all given conditions hold). */
export type ApplicazioneFilter = {
  abilitato?: InputMaybe<Scalars['Boolean']['input']>;
  idA2A?: InputMaybe<Scalars['String']['input']>;
  principal?: InputMaybe<Scalars['String']['input']>;
};

/** One sort key of applicazioni. */
export type ApplicazioneOrder = {
  /** The direction. */
  direction: OrderDirection;
  /** The field. */
  field: ApplicazioneOrderField;
};

/** What applicazioni can be sorted by. */
export type ApplicazioneOrderField =
  | 'ID_A2A'
  | 'PRINCIPAL';

/** How the versante was authenticated (GovPay's N/A is N_A). */
export type AutenticazioneSoggetto =
  | 'CNS'
  | 'N_A'
  | 'OTH'
  | 'USR';

/** A portal's request to pay a cart (GovPay's NuovoPagamento). */
export type AvviaPagamentoInput = {
  autenticazioneSoggetto?: InputMaybe<AutenticazioneSoggetto>;
  contoAddebito?: InputMaybe<ContoAddebitoInput>;
  credenzialiPagatore?: InputMaybe<Scalars['String']['input']>;
  /** yyyy-MM-dd, from today to 30 days ahead. */
  dataEsecuzionePagamento?: InputMaybe<Scalars['String']['input']>;
  idSessionePortale?: InputMaybe<Scalars['String']['input']>;
  lingua?: InputMaybe<LinguaPagamento>;
  /** 1 to 5 pendenze. */
  pendenze: Array<PendenzaDaPagareInput>;
  soggettoVersante?: InputMaybe<SoggettoVersanteInput>;
  /** http(s) address the browser returns to, with idSession and esito; omitted: the applicazione's configured one. */
  urlRitorno?: InputMaybe<Scalars['String']['input']>;
};

/** A pendenza to load, or to load again under the same keys. */
export type CaricaPendenzaInput = {
  idA2A: Scalars['ID']['input'];
  idPendenza: Scalars['ID']['input'];
  /** API Pendenze v2's NuovaPendenza, importo as a JSON number. */
  pendenza: Scalars['JSONObject']['input'];
};

/** A receipt of a payment made outside the station, as pagoPA's XML (paSendRTV2Request or paSendRTReq, in a SOAP envelope or alone, or base64). */
export type CaricaRicevutaInput = {
  ccp?: InputMaybe<Scalars['ID']['input']>;
  /** With iuv and ccp: the attempt the receipt must belong to. */
  idDominio?: InputMaybe<Scalars['ID']['input']>;
  iuv?: InputMaybe<Scalars['ID']['input']>;
  xml: Scalars['String']['input'];
};

/** A tracciato to upload. */
export type CaricaTracciatoPendenzeInput = {
  /** Overrides the tracciato's idDominio. */
  idDominio?: InputMaybe<Scalars['String']['input']>;
  /** The tipo pendenza of rows that name none. */
  idTipoPendenza?: InputMaybe<Scalars['String']['input']>;
  nomeFile?: InputMaybe<Scalars['String']['input']>;
  stampaAvvisi?: InputMaybe<Scalars['Boolean']['input']>;
  /** GovPay's tracciatoPendenzePost. */
  tracciato: Scalars['JSONObject']['input'];
};

/** GovPay's categories of event; the hub records its exchanges, all INTERFACCIA. */
export type CategoriaEvento =
  | 'INTERFACCIA'
  | 'INTERNO'
  | 'UTENTE';

export type CodificaAvvisiInput = {
  codificaIuv?: InputMaybe<Scalars['String']['input']>;
  generazioneIuvInterna?: InputMaybe<Scalars['Boolean']['input']>;
  regExpIuv?: InputMaybe<Scalars['String']['input']>;
};

/** The part of the hub whose exchange it is (GovPay's componenteEvento). */
export type ComponenteEvento =
  /** GovPay's API Backoffice. */
  | 'API_BACKOFFICE'
  /** API Ente: the hub's calls to the Ente's systems. */
  | 'API_ENTE'
  /** GovPay's API Pagamento (the citizens' portals). */
  | 'API_PAGAMENTO'
  /** pagoPA: the station's services the Nodo calls, and the hub's calls to pagoPA (the Nodo, Checkout, the reporting flows). */
  | 'API_PAGOPA'
  /** GovPay's API Pendenze. */
  | 'API_PENDENZE'
  /** GovPay's API Ragioneria. */
  | 'API_RAGIONERIA';

/** Which of a dominio's conti di accredito to list. */
export type ContoAccreditoFilter = {
  abilitato?: InputMaybe<Scalars['Boolean']['input']>;
  /** Contains, case-insensitive. */
  iban?: InputMaybe<Scalars['String']['input']>;
};

/** One sort key of conti di accredito. */
export type ContoAccreditoOrder = {
  /** The direction. */
  direction: OrderDirection;
  /** The field. */
  field: ContoAccreditoOrderField;
};

/** What conti di accredito can be sorted by. */
export type ContoAccreditoOrderField =
  | 'IBAN';

export type ContoAddebitoInput = {
  bic?: InputMaybe<Scalars['String']['input']>;
  iban: Scalars['String']['input'];
};

/** A right on a servizio. */
export type Diritto =
  /** Lettura: read it (GovPay's REST also takes the word). */
  | 'R'
  /** Scrittura: change it (GovPay's REST also takes the word). */
  | 'W';

export type DominioAutorizzatoInput = {
  /** idDominio, or '*' for all */
  idDominio: Scalars['String']['input'];
  unitaOperative?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Which domini to list (all given conditions hold). */
export type DominioFilter = {
  abilitato?: InputMaybe<Scalars['Boolean']['input']>;
  idDominio?: InputMaybe<Scalars['String']['input']>;
  idStazione?: InputMaybe<Scalars['String']['input']>;
  intermediato?: InputMaybe<Scalars['Boolean']['input']>;
  /** Contains, case-insensitive. */
  ragioneSociale?: InputMaybe<Scalars['String']['input']>;
};

/** One sort key of domini. */
export type DominioOrder = {
  /** The direction. */
  direction: OrderDirection;
  /** The field. */
  field: DominioOrderField;
};

/** What domini can be sorted by. */
export type DominioOrderField =
  | 'ID_DOMINIO'
  | 'RAGIONE_SOCIALE';

/** Which of a dominio's entrate to list. */
export type EntrataDominioFilter = {
  abilitato?: InputMaybe<Scalars['Boolean']['input']>;
  /** The entrata's descrizione contains it, case-insensitive. */
  descrizione?: InputMaybe<Scalars['String']['input']>;
};

/** One sort key of a dominio's entrate. */
export type EntrataDominioOrder = {
  /** The direction. */
  direction: OrderDirection;
  /** The field. */
  field: EntrataDominioOrderField;
};

/** What a dominio's entrate can be sorted by. */
export type EntrataDominioOrderField =
  | 'DESCRIZIONE'
  | 'ID_ENTRATA';

/** One sort key of entrate. */
export type EntrataOrder = {
  /** The direction. */
  direction: OrderDirection;
  /** The field. */
  field: EntrataOrderField;
};

/** What entrate can be sorted by. */
export type EntrataOrderField =
  | 'DESCRIZIONE'
  | 'ID_ENTRATA';

/** OK, KO (refused: a 4xx, a pagoPA fault) or FAIL (a 5xx, no answer). */
export type EsitoEvento =
  | 'FAIL'
  | 'KO'
  | 'OK';

/** A row's outcome, as GovPay names it: its tipo and OK or KO, or NON_VALIDA. */
export type EsitoOperazioneTracciato =
  | 'ADD_KO'
  | 'ADD_OK'
  | 'DEL_KO'
  | 'DEL_OK'
  | 'NON_VALIDA';

/** The outcome of one pendenza of a payment's cart. */
export type EsitoPendenzaPagamento =
  | 'ESEGUITO'
  | 'IN_CORSO'
  | 'NON_ESEGUITO';

/** A line's outcome (codiceEsitoSingoloPagamento 0, 3, 4, 8, 9): paid, revoked, paid in stand-in, paid without RPT, stand-in without RPT. */
export type EsitoRendicontazione =
  | 'ESEGUITO'
  | 'ESEGUITO_SENZA_RPT'
  | 'REVOCATO'
  | 'STANDIN'
  | 'STANDIN_SENZA_RPT';

/** Whether the PSP took the money (ESEGUITO) or the payment failed. */
export type EsitoRicevuta =
  | 'ESEGUITO'
  | 'NON_ESEGUITO';

/** What the portal was told when the citizen came back from pagoPA: paid, not paid, cancelled by the citizen at Checkout, or not known yet (no receipt yet). */
export type EsitoRitorno =
  | 'CANCEL'
  | 'DIFFERITO'
  | 'ERROR'
  | 'OK';

/** GovPay's EsitoRpp, the outcome of a payment attempt: the hub's receipts are ESEGUITO or NON_ESEGUITO. */
export type EsitoRpp =
  | 'DECORRENZA'
  | 'DECORRENZA_PARZIALE'
  | 'ESEGUITO'
  | 'ESEGUITO_PARZIALE'
  | 'IN_CORSO'
  | 'NON_ESEGUITO'
  | 'RIFIUTATO';

/** Which events to list (all given conditions hold). */
export type EventoFilter = {
  categoriaEvento?: InputMaybe<CategoriaEvento>;
  ccp?: InputMaybe<Scalars['String']['input']>;
  componente?: InputMaybe<ComponenteEvento>;
  /** Until this instant. */
  dataA?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** From this instant. */
  dataDa?: InputMaybe<Scalars['DateTimeISO']['input']>;
  esito?: InputMaybe<EsitoEvento>;
  idA2A?: InputMaybe<Scalars['String']['input']>;
  idDominio?: InputMaybe<Scalars['String']['input']>;
  idPendenza?: InputMaybe<Scalars['String']['input']>;
  idSessione?: InputMaybe<Scalars['String']['input']>;
  iuv?: InputMaybe<Scalars['String']['input']>;
  /** Not a condition: load the requests and responses kept (parametriRichiesta/Risposta), null otherwise. */
  messaggi?: InputMaybe<Scalars['Boolean']['input']>;
  ruolo?: InputMaybe<RuoloEvento>;
  severitaA?: InputMaybe<Scalars['Int']['input']>;
  severitaDa?: InputMaybe<Scalars['Int']['input']>;
  sottotipoEvento?: InputMaybe<Scalars['String']['input']>;
  tipoEvento?: InputMaybe<Scalars['String']['input']>;
};

/** One sort key of events. */
export type EventoOrder = {
  /** The direction. */
  direction: OrderDirection;
  /** The field. */
  field: EventoOrderField;
};

/** What events can be sorted by. */
export type EventoOrderField =
  | 'DATA'
  | 'ID';

/** Which flows to list; every condition given must hold. */
export type FlussoRendicontazioneFilter = {
  /** on dataFlusso */
  dataA?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** on dataFlusso */
  dataDa?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Any of these domini (within the caller's). */
  idDominio?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** This identificativoFlusso. */
  idFlusso?: InputMaybe<Scalars['String']['input']>;
  /** Compare idFlusso ignoring case. */
  idFlussoCaseInsensitive?: InputMaybe<Scalars['Boolean']['input']>;
  /** Published by this PSP. */
  idPsp?: InputMaybe<Scalars['String']['input']>;
  /** default false: only the latest revision of each flow (GovPay's escludiObsoleti=true) */
  incluseObsolete?: InputMaybe<Scalars['Boolean']['input']>;
  /** flows that report this IUV */
  iuv?: InputMaybe<Scalars['String']['input']>;
  /** In any of these states. */
  stato?: InputMaybe<Array<StatoFlussoRendicontazione>>;
  /** The bank transfer's reference. */
  trn?: InputMaybe<Scalars['String']['input']>;
};

/** One sort key of flows. */
export type FlussoRendicontazioneOrder = {
  /** The direction. */
  direction: OrderDirection;
  /** The field. */
  field: FlussoRendicontazioneOrderField;
};

/** What flows can be sorted by. */
export type FlussoRendicontazioneOrderField =
  | 'DATA_FLUSSO'
  | 'DATA_REGOLAMENTO'
  | 'ID_FLUSSO'
  | 'IMPORTO_TOTALE';

/** How lines are totalled: per flow, or per the paid pendenza's divisione / direzione. */
export type GruppoQuadraturaRendicontazioni =
  | 'DIREZIONE'
  | 'DIVISIONE'
  | 'FLUSSO_RENDICONTAZIONE';

/** What a quadratura groups riscossioni by: their dominio or an attribute of the pendenza they paid. */
export type GruppoQuadraturaRiscossioni =
  | 'APPLICAZIONE'
  | 'DIREZIONE'
  | 'DIVISIONE'
  | 'DOMINIO'
  | 'TASSONOMIA'
  | 'TIPO_PENDENZA'
  | 'UNITA_OPERATIVA';

/** Which intermediari to list. */
export type IntermediarioFilter = {
  abilitato?: InputMaybe<Scalars['Boolean']['input']>;
};

/** One sort key of intermediari. */
export type IntermediarioOrder = {
  /** The direction. */
  direction: OrderDirection;
  /** The field. */
  field: IntermediarioOrderField;
};

/** What intermediari can be sorted by. */
export type IntermediarioOrderField =
  | 'DENOMINAZIONE'
  | 'ID_INTERMEDIARIO';

/** The language of the pages of pagoPA Checkout. */
export type LinguaPagamento =
  | 'DE'
  | 'EN'
  | 'FR'
  | 'IT'
  | 'SL';

/** The avviso's second language: its labels are printed in Italian and in it (GovPay's linguaSecondaria, which its REST writes in lower case). */
export type LinguaSecondaria =
  /** German. */
  | 'DE'
  /** English. */
  | 'EN'
  /** French. */
  | 'FR'
  /** Slovenian. */
  | 'SL';

/** How the caller proved who it is. */
export type ModalitaAutenticazione =
  /** HTTP Basic, with its password. */
  | 'BASIC'
  /** The Backoffice's login form (a session). */
  | 'FORM'
  /** A trusted proxy authenticated it and forwards its principal in a header. */
  | 'HEADER'
  /** No one: API Pagamento's public mode. */
  | 'PUBLIC'
  /** A citizen, whom a trusted SPID proxy asserts. */
  | 'SPID';

/** Changes to an applicazione: /acl, /domini, /tipiPendenza, /password, /ruoli, /abilitato. */
export type ModificaApplicazioneInput = {
  idA2A: Scalars['ID']['input'];
  operazioni: Array<PatchOpInput>;
};

/** Changes to apply together. */
export type ModificaConfigurazioneInput = {
  operazioni: Array<OperazioneConfigurazione>;
};

/** Changes to an operatore: /acl, /domini, /tipiPendenza, /password, /ruoli, /abilitato. */
export type ModificaOperatoreInput = {
  operazioni: Array<PatchOpInput>;
  principal: Scalars['ID']['input'];
};

/** GovPay's JSON-patch of a pendenza. */
export type ModificaPendenzaInput = {
  idA2A: Scalars['ID']['input'];
  idPendenza: Scalars['ID']['input'];
  /** [{op, path, value}] on /stato (ANNULLATA, NON_ESEGUITA), /descrizioneStato, /ack or /nota, applied in order. */
  operazioni: Array<Scalars['JSONObject']['input']>;
};

/** Changes an operatore makes to itself: only /password, as in GovPay. */
export type ModificaProfiloInput = {
  operazioni: Array<PatchOpInput>;
};

/** Changes to a role's ACLs: /acl with ADD (a servizio's rights) or DELETE (a servizio). */
export type ModificaRuoloInput = {
  idRuolo: Scalars['ID']['input'];
  operazioni: Array<PatchOpInput>;
};

/** An operatore's note on a payment: it becomes the payment's descrizioneStato ("oggetto: testo"). */
export type NotaPagamentoInput = {
  oggetto: Scalars['String']['input'];
  testo?: InputMaybe<Scalars['String']['input']>;
};

export type NotificaFilter = {
  /** Created at or before. */
  dataA?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Created at or after. */
  dataDa?: InputMaybe<Scalars['DateTimeISO']['input']>;
  stato?: InputMaybe<Array<StatoNotifica>>;
  tipo?: InputMaybe<Array<TipoNotifica>>;
};

/** One sort key of notifications. */
export type NotificaOrder = {
  /** The direction. */
  direction: OrderDirection;
  /** The field. */
  field: NotificaOrderField;
};

/** What notifications can be sorted by. */
export type NotificaOrderField =
  | 'DATA_CREAZIONE'
  | 'DATA_PROSSIMA_SPEDIZIONE';

/** Which operatori to list. */
export type OperatoreFilter = {
  abilitato?: InputMaybe<Scalars['Boolean']['input']>;
};

/** One sort key of operatori. */
export type OperatoreOrder = {
  /** The direction. */
  direction: OrderDirection;
  /** The field. */
  field: OperatoreOrderField;
};

/** What operatori can be sorted by. */
export type OperatoreOrderField =
  | 'PRINCIPAL'
  | 'RAGIONE_SOCIALE';

/** One change of a configuration (GovPay patchOp). */
export type OperazioneConfigurazione = {
  op: PatchOperation;
  /** Where, from the section: /giornaleEventi/interfacce/apiPagoPA. */
  path: Scalars['String']['input'];
  /** The value, wrapped: {"value": …}. */
  value?: InputMaybe<Scalars['JSONObject']['input']>;
};

/** Which rows of a tracciato. */
export type OperazioneTracciatoFilter = {
  /** Rows with this outcome. */
  esito?: InputMaybe<EsitoOperazioneTracciato>;
  /** Rows asking for this. */
  tipoOperazione?: InputMaybe<TipoOperazioneTracciato>;
};

/** One sort key of a tracciato's rows. */
export type OperazioneTracciatoOrder = {
  /** The direction. */
  direction: OrderDirection;
  /** The field. */
  field: OperazioneTracciatoOrderField;
};

/** What a tracciato's rows can be sorted by. */
export type OperazioneTracciatoOrderField =
  | 'NUMERO';

/** Ascending or descending. */
export type OrderDirection =
  | 'ASC'
  | 'DESC';

export type PagamentiFilter = {
  dataRichiestaA?: InputMaybe<Scalars['DateTimeISO']['input']>;
  dataRichiestaDa?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** The applicazione of any pendenza of the cart. */
  idA2A?: InputMaybe<Scalars['ID']['input']>;
  /** The debtor of any pendenza of the cart. */
  idDebitore?: InputMaybe<Scalars['String']['input']>;
  /** The dominio of any pendenza of the cart. */
  idDominio?: InputMaybe<Scalars['String']['input']>;
  /** With idA2A: a pendenza of the cart. */
  idPendenza?: InputMaybe<Scalars['ID']['input']>;
  idSession?: InputMaybe<Scalars['ID']['input']>;
  idSessionePortale?: InputMaybe<Scalars['String']['input']>;
  /** The versante's codice fiscale. */
  idVersante?: InputMaybe<Scalars['String']['input']>;
  /** The IUV of any pendenza of the cart. */
  iuv?: InputMaybe<Scalars['String']['input']>;
  stato?: InputMaybe<StatoPagamento>;
  verificato?: InputMaybe<Scalars['Boolean']['input']>;
};

/** One sort key of payment sessions. */
export type PagamentoOrder = {
  /** The direction. */
  direction: OrderDirection;
  /** The field. */
  field: PagamentoOrderField;
};

/** What payment sessions can be sorted by. */
export type PagamentoOrderField =
  | 'DATA_RICHIESTA'
  | 'IMPORTO'
  | 'STATO';

/** One of GovPay's JSON-patch operations: which paths and values a resource accepts is the mutation's to say. */
export type PatchOpInput = {
  op: PatchOperation;
  /** e.g. /acl, /domini, /tipiPendenza, /password, /ruoli, /abilitato */
  path: Scalars['String']['input'];
  value?: InputMaybe<Scalars['JSON']['input']>;
};

/** GovPay's JSON-patch operations. */
export type PatchOperation =
  | 'ADD'
  | 'DELETE'
  | 'REPLACE';

/** One pendenza of the cart: exactly one of the three forms. */
export type PendenzaDaPagareInput = {
  avviso?: InputMaybe<RiferimentoAvvisoInput>;
  /** A spontaneous pendenza, loaded with the rules of a PUT: API Pagamento's NuovaPendenza (API Pendenze's, with idA2A and idPendenza). */
  nuova?: InputMaybe<Scalars['JSONObject']['input']>;
  riferimento?: InputMaybe<RiferimentoPendenzaInput>;
};

/** Which pendenze: GovPay's filters, each narrowing the caller's own scope. */
export type PendenzaFilter = {
  /** Flagged anomalo (paid after its cancellation, or otherwise than asked). */
  anomalo?: InputMaybe<Scalars['Boolean']['input']>;
  /** Contains, case-insensitive. */
  causale?: InputMaybe<Scalars['String']['input']>;
  /** Loaded at or before. */
  dataA?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Loaded at or after. */
  dataDa?: InputMaybe<Scalars['DateTimeISO']['input']>;
  direzione?: InputMaybe<Scalars['String']['input']>;
  divisione?: InputMaybe<Scalars['String']['input']>;
  /** An applicazione lists its own pendenze whatever it names here, as in GovPay. */
  idA2A?: InputMaybe<Scalars['String']['input']>;
  /** The debtor's codice fiscale. */
  idDebitore?: InputMaybe<Scalars['String']['input']>;
  idDominio?: InputMaybe<Scalars['String']['input']>;
  idPendenza?: InputMaybe<Scalars['String']['input']>;
  idTipoPendenza?: InputMaybe<Scalars['String']['input']>;
  /** Wholly cashed: paid, and riconciliazioni cover all of it (GovPay's INCASSATA; the Backoffice shows it so). */
  incassata?: InputMaybe<Scalars['Boolean']['input']>;
  iuv?: InputMaybe<Scalars['String']['input']>;
  numeroAvviso?: InputMaybe<Scalars['String']['input']>;
  /** As the pendenza shows it: NON_ESEGUITA excludes SCADUTA. */
  stato?: InputMaybe<StatoPendenza>;
};

/** One sort key of pendenze. */
export type PendenzaOrder = {
  /** The direction. */
  direction: OrderDirection;
  /** The field. */
  field: PendenzaOrderField;
};

/** What pendenze can be sorted by. */
export type PendenzaOrderField =
  | 'DATA_CARICAMENTO'
  | 'DATA_SCADENZA'
  | 'DATA_VALIDITA'
  | 'ID_PENDENZA'
  | 'IMPORTO'
  | 'STATO';

/** Which riscossioni a quadratura counts. */
export type QuadraturaRiscossioniFilter = {
  /** Paid until. */
  dataA?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Paid from. */
  dataDa?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Whose pendenza is of these direzioni. */
  direzione?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Whose pendenza is of these divisioni. */
  divisione?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Whose pendenza is of these applicazioni. */
  idA2A?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Of these domini (within the caller's). */
  idDominio?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Whose pendenza is of these tipi. */
  idTipoPendenza?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Whose pendenza is of these unità operative. */
  idUnita?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Whose pendenza has these tassonomie. */
  tassonomia?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Of these kinds. */
  tipo?: InputMaybe<Array<TipoRiscossione>>;
};

/** Which lines to list; every condition given must hold. */
export type RendicontazioneFilter = {
  /** on the line's data */
  dataA?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** on the line's data */
  dataDa?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** on the flow's dataFlusso */
  dataFlussoA?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** on the flow's dataFlusso */
  dataFlussoDa?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** With any of these outcomes. */
  esito?: InputMaybe<Array<EsitoRendicontazione>>;
  /** Any of these domini (within the caller's). */
  idDominio?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Lines of the flow with this identificativoFlusso. */
  idFlusso?: InputMaybe<Scalars['String']['input']>;
  /** default false: lines of the latest revision of each flow only (ignored for a flow's own lines). */
  incluseObsolete?: InputMaybe<Scalars['Boolean']['input']>;
  /** This IUR. */
  iur?: InputMaybe<Scalars['String']['input']>;
  /** This IUV. */
  iuv?: InputMaybe<Scalars['String']['input']>;
  /** In any of these states. */
  stato?: InputMaybe<Array<StatoRendicontazione>>;
};

/** One sort key of lines. */
export type RendicontazioneOrder = {
  /** The direction. */
  direction: OrderDirection;
  /** The field. */
  field: RendicontazioneOrderField;
};

/** What lines can be sorted by. */
export type RendicontazioneOrderField =
  | 'DATA'
  | 'IMPORTO'
  | 'IUV';

/** A bank entry to reconcile: exactly one of causale, iuv, idFlusso. */
export type RiconciliaInput = {
  /** exactly one of causale, iuv, idFlusso. The bank's description (max 512): /RFB/<iuv>, /RFS/<RF…> or /PUR/LGPE-RIVERSAMENTO/URI/<idFlusso> anywhere in it. */
  causale?: InputMaybe<Scalars['String']['input']>;
  /** The IBAN credited. */
  contoAccredito?: InputMaybe<Scalars['String']['input']>;
  /** yyyy-MM-dd */
  dataContabile?: InputMaybe<Scalars['String']['input']>;
  /** yyyy-MM-dd */
  dataValuta?: InputMaybe<Scalars['String']['input']>;
  /** The Ente whose account was credited. */
  idDominio: Scalars['ID']['input'];
  /** The reporting flow the entry pays. */
  idFlusso?: InputMaybe<Scalars['String']['input']>;
  /** Find the flow whatever the case of idFlusso. */
  idFlussoCaseInsensitive?: InputMaybe<Scalars['Boolean']['input']>;
  /** client-chosen id (API Ragioneria v1 / v3 style); default derived from sct */
  idRiconciliazione?: InputMaybe<Scalars['ID']['input']>;
  /** The entry's amount: must equal what it pays, to the cent. */
  importo: Scalars['Importo']['input'];
  /** The IUV the entry pays. */
  iuv?: InputMaybe<Scalars['String']['input']>;
  /** The bank's Sepa Credit Transfer id. */
  sct: Scalars['String']['input'];
};

/** Which riconciliazioni to list. */
export type RiconciliazioneFilter = {
  /** Posted until. */
  dataA?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Posted from. */
  dataDa?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Only these domini (within the caller's). */
  idDominio?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** With this sct. */
  sct?: InputMaybe<Scalars['String']['input']>;
  /** In these states. */
  stato?: InputMaybe<Array<StatoRiconciliazione>>;
};

/** One sort key of riconciliazioni. */
export type RiconciliazioneOrder = {
  /** The direction. */
  direction: OrderDirection;
  /** The field. */
  field: RiconciliazioneOrderField;
};

/** What riconciliazioni can be sorted by. */
export type RiconciliazioneOrderField =
  | 'DATA_RICHIESTA'
  | 'IMPORTO';

/** A pendenza by its avviso (asked of the Ente that issued it when the hub holds none). */
export type RiferimentoAvvisoInput = {
  idDebitore?: InputMaybe<Scalars['String']['input']>;
  idDominio: Scalars['ID']['input'];
  numeroAvviso: Scalars['String']['input'];
};

/** A pendenza the hub holds, by its key. */
export type RiferimentoPendenzaInput = {
  idA2A: Scalars['ID']['input'];
  idPendenza: Scalars['ID']['input'];
};

/** Which riscossioni to list. */
export type RiscossioneFilter = {
  /** on data, until */
  dataA?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** on data, from */
  dataDa?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Paying a pendenza of this applicazione. */
  idA2A?: InputMaybe<Scalars['String']['input']>;
  /** Only these domini (within the caller's). */
  idDominio?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Reported by this flow. */
  idFlusso?: InputMaybe<Scalars['String']['input']>;
  /** Paying this pendenza (with idA2A, or of any applicazione). */
  idPendenza?: InputMaybe<Scalars['String']['input']>;
  /** Reconciled by this riconciliazione. */
  idRiconciliazione?: InputMaybe<Scalars['ID']['input']>;
  /** Of this IUR. */
  iur?: InputMaybe<Scalars['String']['input']>;
  /** Of this IUV. */
  iuv?: InputMaybe<Scalars['String']['input']>;
  /** In these states. */
  stato?: InputMaybe<Array<StatoRiscossione>>;
  /** Of these kinds. */
  tipo?: InputMaybe<Array<TipoRiscossione>>;
};

/** One sort key of riscossioni. */
export type RiscossioneOrder = {
  /** The direction. */
  direction: OrderDirection;
  /** The field. */
  field: RiscossioneOrderField;
};

/** What riscossioni can be sorted by. */
export type RiscossioneOrderField =
  | 'DATA'
  | 'IMPORTO'
  | 'IUV';

/** Which payment attempts: GovPay's filters, each narrowing the caller's own scope. */
export type RppFilter = {
  ccp?: InputMaybe<Scalars['String']['input']>;
  /** The payment's time, to. */
  dataRptA?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** The payment's time, from. */
  dataRptDa?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** The receipt's arrival, to. */
  dataRtA?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** The receipt's arrival, from. */
  dataRtDa?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Any of these direzioni. */
  direzione?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Any of these divisioni. */
  divisione?: InputMaybe<Array<Scalars['String']['input']>>;
  esito?: InputMaybe<EsitoRpp>;
  /** The pendenza's applicazione. */
  idA2A?: InputMaybe<Scalars['String']['input']>;
  /** The pendenza's debtor. */
  idDebitore?: InputMaybe<Scalars['String']['input']>;
  idDominio?: InputMaybe<Scalars['String']['input']>;
  /** A portal payment session. */
  idPagamento?: InputMaybe<Scalars['String']['input']>;
  idPendenza?: InputMaybe<Scalars['String']['input']>;
  idTipoPendenza?: InputMaybe<Scalars['String']['input']>;
  idUnita?: InputMaybe<Scalars['String']['input']>;
  iuv?: InputMaybe<Scalars['String']['input']>;
  tassonomia?: InputMaybe<Scalars['String']['input']>;
};

/** One sort key of payment attempts. */
export type RppOrder = {
  /** The direction. */
  direction: OrderDirection;
  /** The field. */
  field: RppOrderField;
};

/** What payment attempts can be sorted by. */
export type RppOrderField =
  | 'DATA_RICEVUTA'
  | 'DATA_RICHIESTA'
  | 'ESITO'
  | 'IMPORTO'
  | 'IUV'
  | 'STATO';

/** SERVER (the hub was called) or CLIENT (it called). */
export type RuoloEvento =
  | 'CLIENT'
  | 'SERVER';

/** Which roles to list. */
export type RuoloFilter = {
  /** The role of this name. */
  idRuolo?: InputMaybe<Scalars['ID']['input']>;
};

/** One sort key of roles. */
export type RuoloOrder = {
  /** The direction. */
  direction: OrderDirection;
  /** The field. */
  field: RuoloOrderField;
};

/** What roles can be sorted by. */
export type RuoloOrderField =
  | 'ID_RUOLO';

/** An applicazione to create or replace. */
export type SalvaApplicazioneInput = {
  abilitato?: InputMaybe<Scalars['Boolean']['input']>;
  acl?: InputMaybe<Array<AclInput>>;
  apiPagamenti?: InputMaybe<Scalars['Boolean']['input']>;
  apiPendenze?: InputMaybe<Scalars['Boolean']['input']>;
  apiRagioneria?: InputMaybe<Scalars['Boolean']['input']>;
  codificaAvvisi?: InputMaybe<CodificaAvvisiInput>;
  domini?: InputMaybe<Array<DominioAutorizzatoInput>>;
  idA2A: Scalars['ID']['input'];
  /** HTTP Basic password; stored hashed, kept when omitted. */
  password?: InputMaybe<Scalars['String']['input']>;
  principal: Scalars['String']['input'];
  ruoli?: InputMaybe<Array<Scalars['String']['input']>>;
  servizioIntegrazione?: InputMaybe<ServizioIntegrazioneInput>;
  /** idTipoPendenza values, or '*' */
  tipiPendenza?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Where the browser returns from pagoPA for payments this portal starts without a urlRitorno; omitted: kept, null: removed. */
  urlRitorno?: InputMaybe<Scalars['String']['input']>;
};

/** The whole configuration to store. */
export type SalvaConfigurazioneInput = {
  /** GovPay's Configurazione, every required section. */
  configurazione: Scalars['JSONObject']['input'];
};

/** A conto di accredito of a dominio to create or replace. */
export type SalvaContoAccreditoInput = {
  abilitato?: InputMaybe<Scalars['Boolean']['input']>;
  autStampaPosteItaliane?: InputMaybe<Scalars['String']['input']>;
  bic?: InputMaybe<Scalars['String']['input']>;
  descrizione?: InputMaybe<Scalars['String']['input']>;
  iban: Scalars['ID']['input'];
  idDominio: Scalars['ID']['input'];
  intestatario?: InputMaybe<Scalars['String']['input']>;
  mybank?: InputMaybe<Scalars['Boolean']['input']>;
  postale?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A dominio to create or replace. */
export type SalvaDominioInput = {
  abilitato: Scalars['Boolean']['input'];
  area?: InputMaybe<Scalars['String']['input']>;
  autStampaPosteItaliane?: InputMaybe<Scalars['String']['input']>;
  auxDigit?: InputMaybe<Scalars['String']['input']>;
  cap?: InputMaybe<Scalars['String']['input']>;
  cbill?: InputMaybe<Scalars['String']['input']>;
  civico?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  fax?: InputMaybe<Scalars['String']['input']>;
  gln: Scalars['String']['input'];
  idDominio: Scalars['ID']['input'];
  indirizzo?: InputMaybe<Scalars['String']['input']>;
  intermediato?: InputMaybe<Scalars['Boolean']['input']>;
  iuvPrefix?: InputMaybe<Scalars['String']['input']>;
  localita?: InputMaybe<Scalars['String']['input']>;
  /** Base64 logo. */
  logo?: InputMaybe<Scalars['String']['input']>;
  nazione?: InputMaybe<Scalars['String']['input']>;
  pec?: InputMaybe<Scalars['String']['input']>;
  provincia?: InputMaybe<Scalars['String']['input']>;
  ragioneSociale: Scalars['String']['input'];
  scaricaFr: Scalars['Boolean']['input'];
  segregationCode?: InputMaybe<Scalars['String']['input']>;
  /** idStazione */
  stazione: Scalars['String']['input'];
  tel?: InputMaybe<Scalars['String']['input']>;
  /** Where the browser returns from pagoPA for payments of this Ente's pendenze when neither the request nor its portal names an address; omitted: kept, null: removed. */
  urlRitorno?: InputMaybe<Scalars['String']['input']>;
  web?: InputMaybe<Scalars['String']['input']>;
};

/** An entrata enabled for a dominio, to create or replace. */
export type SalvaEntrataDominioInput = {
  abilitato?: InputMaybe<Scalars['Boolean']['input']>;
  codiceContabilita?: InputMaybe<Scalars['String']['input']>;
  ibanAccredito: Scalars['String']['input'];
  ibanAppoggio?: InputMaybe<Scalars['String']['input']>;
  idDominio: Scalars['ID']['input'];
  idEntrata: Scalars['ID']['input'];
  tipoContabilita?: InputMaybe<TipoContabilita>;
};

/** A hub-wide entrata to create or replace. */
export type SalvaEntrataInput = {
  codiceContabilita: Scalars['String']['input'];
  descrizione: Scalars['String']['input'];
  idEntrata: Scalars['ID']['input'];
  tipoContabilita: TipoContabilita;
};

/** An intermediario to create or replace. */
export type SalvaIntermediarioInput = {
  abilitato?: InputMaybe<Scalars['Boolean']['input']>;
  denominazione: Scalars['String']['input'];
  idIntermediario: Scalars['ID']['input'];
  principalPagoPa: Scalars['String']['input'];
  servizioFtp?: InputMaybe<Scalars['JSONObject']['input']>;
  /** { urlRPT, auth?, subscriptionKey? } */
  servizioPagoPa: Scalars['JSONObject']['input'];
  servizioPagoPaACA?: InputMaybe<Scalars['JSONObject']['input']>;
  servizioPagoPaBackofficeEC?: InputMaybe<Scalars['JSONObject']['input']>;
  servizioPagoPaFR?: InputMaybe<Scalars['JSONObject']['input']>;
  servizioPagoPaGPD?: InputMaybe<Scalars['JSONObject']['input']>;
  servizioPagoPaRecuperoRT?: InputMaybe<Scalars['JSONObject']['input']>;
};

/** An operatore to create or replace. */
export type SalvaOperatoreInput = {
  abilitato?: InputMaybe<Scalars['Boolean']['input']>;
  acl?: InputMaybe<Array<AclInput>>;
  domini?: InputMaybe<Array<DominioAutorizzatoInput>>;
  /** HTTP Basic password; stored hashed, kept when omitted. */
  password?: InputMaybe<Scalars['String']['input']>;
  principal: Scalars['ID']['input'];
  ragioneSociale: Scalars['String']['input'];
  ruoli?: InputMaybe<Array<Scalars['String']['input']>>;
  /** idTipoPendenza values, or '*' */
  tipiPendenza?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** A role to create or replace. */
export type SalvaRuoloInput = {
  /** Every right it grants (replacing the ones it had). */
  acl: Array<AclInput>;
  /** Its name: letters, digits, - and _, at most 255. */
  idRuolo: Scalars['ID']['input'];
};

/** A stazione of an intermediario to create or replace. */
export type SalvaStazioneInput = {
  abilitato: Scalars['Boolean']['input'];
  idIntermediario: Scalars['ID']['input'];
  idStazione: Scalars['ID']['input'];
  /** Password the Nodo sends; stored hashed. */
  password?: InputMaybe<Scalars['String']['input']>;
  versione: VersioneStazione;
};

/** A dominio's own settings for a tipo pendenza, to create or replace. */
export type SalvaTipoPendenzaDominioInput = {
  abilitato?: InputMaybe<Scalars['Boolean']['input']>;
  avvisaturaAppIO?: InputMaybe<Scalars['JSONObject']['input']>;
  avvisaturaMail?: InputMaybe<Scalars['JSONObject']['input']>;
  codificaIUV?: InputMaybe<Scalars['String']['input']>;
  idDominio: Scalars['ID']['input'];
  idTipoPendenza: Scalars['ID']['input'];
  pagaTerzi?: InputMaybe<Scalars['Boolean']['input']>;
  portaleBackoffice?: InputMaybe<Scalars['JSONObject']['input']>;
  portalePagamento?: InputMaybe<Scalars['JSONObject']['input']>;
  tracciatoCsv?: InputMaybe<Scalars['JSONObject']['input']>;
  visualizzazione?: InputMaybe<Scalars['JSONObject']['input']>;
};

/** A hub-wide tipo pendenza to create or replace. */
export type SalvaTipoPendenzaInput = {
  abilitato?: InputMaybe<Scalars['Boolean']['input']>;
  avvisaturaAppIO?: InputMaybe<Scalars['JSONObject']['input']>;
  avvisaturaMail?: InputMaybe<Scalars['JSONObject']['input']>;
  codificaIUV?: InputMaybe<Scalars['String']['input']>;
  descrizione: Scalars['String']['input'];
  idTipoPendenza: Scalars['ID']['input'];
  pagaTerzi?: InputMaybe<Scalars['Boolean']['input']>;
  portaleBackoffice?: InputMaybe<Scalars['JSONObject']['input']>;
  portalePagamento?: InputMaybe<Scalars['JSONObject']['input']>;
  tracciatoCsv?: InputMaybe<Scalars['JSONObject']['input']>;
  visualizzazione?: InputMaybe<Scalars['JSONObject']['input']>;
};

/** An unità operativa of a dominio to create or replace. */
export type SalvaUnitaOperativaInput = {
  abilitato?: InputMaybe<Scalars['Boolean']['input']>;
  area?: InputMaybe<Scalars['String']['input']>;
  cap?: InputMaybe<Scalars['String']['input']>;
  civico?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  fax?: InputMaybe<Scalars['String']['input']>;
  idDominio: Scalars['ID']['input'];
  idUnita: Scalars['ID']['input'];
  indirizzo?: InputMaybe<Scalars['String']['input']>;
  localita?: InputMaybe<Scalars['String']['input']>;
  nazione?: InputMaybe<Scalars['String']['input']>;
  pec?: InputMaybe<Scalars['String']['input']>;
  provincia?: InputMaybe<Scalars['String']['input']>;
  ragioneSociale: Scalars['String']['input'];
  tel?: InputMaybe<Scalars['String']['input']>;
  web?: InputMaybe<Scalars['String']['input']>;
};

/** A service of GovPay's ACLs, what a right is granted on; GovPay's REST spells it in words ("Anagrafica PagoPA"). */
export type ServizioAcl =
  | 'ANAGRAFICA_APPLICAZIONI'
  | 'ANAGRAFICA_CREDITORE'
  | 'ANAGRAFICA_PAGOPA'
  | 'ANAGRAFICA_RUOLI'
  | 'CONFIGURAZIONE_E_MANUTENZIONE'
  | 'GIORNALE_DEGLI_EVENTI'
  | 'PAGAMENTI'
  | 'PENDENZE'
  | 'RENDICONTAZIONI_E_INCASSI';

export type ServizioIntegrazioneInput = {
  auth?: InputMaybe<Scalars['JSONObject']['input']>;
  url: Scalars['String']['input'];
  versioneApi?: InputMaybe<VersioneApiIntegrazione>;
};

export type SoggettoVersanteInput = {
  anagrafica?: InputMaybe<Scalars['String']['input']>;
  cap?: InputMaybe<Scalars['String']['input']>;
  cellulare?: InputMaybe<Scalars['String']['input']>;
  civico?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  identificativo: Scalars['String']['input'];
  indirizzo?: InputMaybe<Scalars['String']['input']>;
  localita?: InputMaybe<Scalars['String']['input']>;
  nazione?: InputMaybe<Scalars['String']['input']>;
  provincia?: InputMaybe<Scalars['String']['input']>;
  tipo: TipoSoggetto;
};

/** Where the flow was acquired: the Nodo's SOAP operations or pagoPA's FdR REST API. */
export type SorgenteFlussoRendicontazione =
  | 'FDR'
  | 'NODO';

/** Stored without anomalies, stored with anomalies (of the flow or of a line), or unreadable. */
export type StatoFlussoRendicontazione =
  | 'ACQUISITO'
  | 'ANOMALO'
  | 'RIFIUTATO';

/** DA_SPEDIRE: waiting for its (next) attempt; SPEDITA: done; ANNULLATA: given up (the hub never gives up one). */
export type StatoNotifica =
  | 'ANNULLATA'
  | 'DA_SPEDIRE'
  | 'SPEDITA';

/** How a row of a tracciato ended. */
export type StatoOperazioneTracciato =
  | 'ESEGUITO'
  | 'NON_VALIDO'
  | 'SCARTATO';

/** A payment session's state (GovPay's StatoPagamento). */
export type StatoPagamento =
  | 'ANNULLATO'
  | 'ESEGUITO'
  | 'ESEGUITO_PARZIALE'
  | 'FALLITO'
  | 'IN_CORSO'
  | 'NON_ESEGUITO';

/** A pendenza's state (GovPay's StatoPendenza). */
export type StatoPendenza =
  | 'ANNULLATA'
  | 'ESEGUITA'
  /** Paid in part. */
  | 'ESEGUITA_PARZIALE'
  /** Not paid, and not past its dataScadenza. */
  | 'NON_ESEGUITA'
  /** Not paid and past its dataScadenza (stored as NON_ESEGUITA). */
  | 'SCADUTA';

/** Matched without anomalies, with anomalies, or a payment of a dominio/IUV another intermediario handles. */
export type StatoRendicontazione =
  | 'ALTRO_INTERMEDIARIO'
  | 'ANOMALA'
  | 'OK';

/** A riconciliazione is recorded whole (ACQUISITO) or refused and not recorded; ERRORE is kept for GovPay's reads. */
export type StatoRiconciliazione =
  | 'ACQUISITO'
  | 'ERRORE';

/** RISCOSSA once its receipt is accepted, INCASSATA once a riconciliazione matched it to a bank entry. */
export type StatoRiscossione =
  | 'INCASSATA'
  | 'RISCOSSA';

/** A payment attempt's state: the hub records one when its receipt is accepted. */
export type StatoRpp =
  | 'RT_ACCETTATA_PA';

/** A tracciato's progress. */
export type StatoTracciato =
  | 'ESEGUITO'
  /** Processed; some rows failed. */
  | 'ESEGUITO_CON_ERRORI'
  /** Uploaded, waiting for a worker. */
  | 'IN_ATTESA'
  | 'IN_ELABORAZIONE'
  /** Refused as a whole. */
  | 'SCARTATO';

/** A voce's state: paid with its pendenza, or not. */
export type StatoVocePendenza =
  /** GovPay's; the hub does not set it (a receipt for a cancelled pendenza marks the pendenza anomalo). */
  | 'ANOMALO'
  | 'ESEGUITO'
  | 'NON_ESEGUITO';

/** Which of an intermediario's stazioni to list. */
export type StazioneFilter = {
  abilitato?: InputMaybe<Scalars['Boolean']['input']>;
};

/** One sort key of stazioni. */
export type StazioneOrder = {
  /** The direction. */
  direction: OrderDirection;
  /** The field. */
  field: StazioneOrderField;
};

/** What stazioni can be sorted by. */
export type StazioneOrderField =
  | 'ID_STAZIONE';

/** How a revenue is accounted (GovPay's tipoContabilita, pagoPA's transferCategory). */
export type TipoContabilita =
  | 'ALTRO'
  | 'CAPITOLO'
  | 'SIOPE'
  | 'SPECIALE';

/** GovPay's kinds of notification; the hub sends RICEVUTA only. */
export type TipoNotifica =
  | 'ANNULLAMENTO'
  | 'ATTIVAZIONE'
  | 'FALLIMENTO'
  | 'RICEVUTA';

/** What a row of a tracciato asks for. */
export type TipoOperazioneTracciato =
  /** Load (create or replace) a pendenza. */
  | 'ADD'
  /** Cancel a pendenza. */
  | 'DEL'
  /** Neither: the row names no pendenza. */
  | 'NON_VALIDA';

/** Which of a dominio's tipi pendenza to list. */
export type TipoPendenzaDominioFilter = {
  abilitato?: InputMaybe<Scalars['Boolean']['input']>;
  /** The tipo pendenza's descrizione contains it, case-insensitive. */
  descrizione?: InputMaybe<Scalars['String']['input']>;
};

/** One sort key of a dominio's tipi pendenza. */
export type TipoPendenzaDominioOrder = {
  /** The direction. */
  direction: OrderDirection;
  /** The field. */
  field: TipoPendenzaDominioOrderField;
};

/** What a dominio's tipi pendenza can be sorted by. */
export type TipoPendenzaDominioOrderField =
  | 'DESCRIZIONE'
  | 'ID_TIPO_PENDENZA';

/** Which tipi pendenza to list (all given conditions hold). */
export type TipoPendenzaFilter = {
  abilitato?: InputMaybe<Scalars['Boolean']['input']>;
  descrizione?: InputMaybe<Scalars['String']['input']>;
  idTipoPendenza?: InputMaybe<Scalars['String']['input']>;
};

/** One sort key of tipi pendenza. */
export type TipoPendenzaOrder = {
  /** The direction. */
  direction: OrderDirection;
  /** The field. */
  field: TipoPendenzaOrderField;
};

/** What tipi pendenza can be sorted by. */
export type TipoPendenzaOrderField =
  | 'DESCRIZIONE'
  | 'ID_TIPO_PENDENZA';

/** What a receipt's transfer is: money for an Ente the hub intermediates (ENTRATA), a marca da bollo (MBT), for an Ente it knows but does not intermediate, or for a creditor it does not know (ALTRO_INTERMEDIARIO). */
export type TipoRiscossione =
  | 'ALTRO_INTERMEDIARIO'
  | 'ENTRATA'
  | 'ENTRATA_PA_NON_INTERMEDIATA'
  | 'MBT';

/** F: a natural person (persona fisica), G: a legal person (giuridica). */
export type TipoSoggetto =
  | 'F'
  | 'G';

/** Who started a payment (GovPay's TipoUtenza). */
export type TipoUtenza =
  /** An anonymous caller of API Pagamento's public mode. */
  | 'ANONIMO'
  /** An Ente's portal (an applicazione). */
  | 'APPLICAZIONE'
  /** A citizen authenticated by SPID, on API Pagamento. */
  | 'CITTADINO'
  /** An Ente's operatore. */
  | 'OPERATORE';

/** GovPay's tipologia of a pendenza. */
export type TipologiaPendenza =
  /** Owed: loaded by the Ente (every pendenza the hub holds today). */
  | 'DOVUTO'
  /** Asked for by the citizen (a spontaneous payment). */
  | 'SPONTANEO';

/** Which tracciati: within the caller's domini. */
export type TracciatoPendenzeFilter = {
  idDominio?: InputMaybe<Scalars['String']['input']>;
  stato?: InputMaybe<StatoTracciato>;
};

/** One sort key of tracciati. */
export type TracciatoPendenzeOrder = {
  /** The direction. */
  direction: OrderDirection;
  /** The field. */
  field: TracciatoPendenzeOrderField;
};

/** What tracciati can be sorted by. */
export type TracciatoPendenzeOrderField =
  | 'DATA_ORA_CARICAMENTO'
  | 'NUMERO'
  | 'STATO';

/** Which of a dominio's unità operative to list. */
export type UnitaOperativaFilter = {
  abilitato?: InputMaybe<Scalars['Boolean']['input']>;
  /** Contains, case-insensitive. */
  ragioneSociale?: InputMaybe<Scalars['String']['input']>;
};

/** One sort key of unità operative. */
export type UnitaOperativaOrder = {
  /** The direction. */
  direction: OrderDirection;
  /** The field. */
  field: UnitaOperativaOrderField;
};

/** What unità operative can be sorted by. */
export type UnitaOperativaOrderField =
  | 'ID_UNITA'
  | 'RAGIONE_SOCIALE';

/** Which pendenza an operator has looked at, and whether its anomalies are verified. */
export type VerificaPendenzaInput = {
  idA2A: Scalars['ID']['input'];
  idPendenza: Scalars['ID']['input'];
  verificato: Scalars['Boolean']['input'];
};

/** The version of API Ente the hub speaks to the Ente's system (GovPay's versioneApi). */
export type VersioneApiIntegrazione =
  /** GovPay's "REST v1": API Applicazioni v1. */
  | 'REST_V1'
  /** GovPay's "REST v2": API Notifica e Verifica v2. */
  | 'REST_V2';

/** Which primitive of the Nodo delivered a receipt. */
export type VersioneRicevuta =
  /** paSendRT (ctReceipt). */
  | 'V1'
  /** paSendRTV2 (ctReceiptV2). */
  | 'V2';

/** The pagoPA interface a stazione speaks. */
export type VersioneStazione =
  /** paGetPayment and paSendRT. */
  | 'V1'
  /** paGetPaymentV2 and paSendRTV2. */
  | 'V2';

export type AvviaPagamentoMutationVariables = Exact<{
  idA2A: Scalars['ID']['input'];
  idPendenza: Scalars['ID']['input'];
  urlRitorno: Scalars['String']['input'];
}>;


export type AvviaPagamentoMutation = { __typename?: 'Mutation', avviaPagamento: { __typename?: 'AvviaPagamentoPayload', created: boolean, redirect: string, pagamento: { __typename?: 'Pagamento', id: string, idSession: string, stato: StatoPagamento } } };

export type EsitoPagamentoQueryVariables = Exact<{
  idSession: Scalars['ID']['input'];
}>;


export type EsitoPagamentoQuery = { __typename?: 'Query', pagamentoByIdSession: { __typename?: 'Pagamento', id: string, stato: StatoPagamento, descrizioneStato?: string | null, importo: string, pendenze: Array<{ __typename?: 'PagamentoPendenza', numeroAvviso: string, importo: string, esito: EsitoPendenzaPagamento }> } };

export type PagamentoAggiornatoSubscriptionVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type PagamentoAggiornatoSubscription = { __typename?: 'Subscription', pagamentoAggiornato: { __typename?: 'Pagamento', id: string, stato: StatoPagamento, descrizioneStato?: string | null, importo: string, pendenze: Array<{ __typename?: 'PagamentoPendenza', numeroAvviso: string, importo: string, esito: EsitoPendenzaPagamento }> } };

export type StatoPagamentoFragment = { __typename?: 'Pagamento', id: string, stato: StatoPagamento, descrizioneStato?: string | null, importo: string, pendenze: Array<{ __typename?: 'PagamentoPendenza', numeroAvviso: string, importo: string, esito: EsitoPendenzaPagamento }> };

export type PendenzeDelCittadinoQueryVariables = Exact<{
  idDebitore: Scalars['String']['input'];
}>;


export type PendenzeDelCittadinoQuery = { __typename?: 'Query', pendenze: { __typename?: 'PendenzaConnection', totalCount?: number | null, nodes: Array<{ __typename?: 'Pendenza', idA2A: string, idPendenza: string, causale: string, importo: string, stato: StatoPendenza, numeroAvviso?: string | null, dataScadenza?: string | null, dominio: { __typename?: 'Dominio', ragioneSociale: string } }> } };

export const StatoPagamentoFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatoPagamento"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Pagamento"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stato"}},{"kind":"Field","name":{"kind":"Name","value":"descrizioneStato"}},{"kind":"Field","name":{"kind":"Name","value":"importo"}},{"kind":"Field","name":{"kind":"Name","value":"pendenze"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numeroAvviso"}},{"kind":"Field","name":{"kind":"Name","value":"importo"}},{"kind":"Field","name":{"kind":"Name","value":"esito"}}]}}]}}]} as unknown as DocumentNode<StatoPagamentoFragment, unknown>;
export const AvviaPagamentoDocument = {"__meta__":{"hash":"283e66467d319f7e5349e8b2af6fcb5cb4d2b3c0bbeffa6315646b6d940ae08b"}} as unknown as DocumentNode<AvviaPagamentoMutation, AvviaPagamentoMutationVariables>;
export const EsitoPagamentoDocument = {"__meta__":{"hash":"042d138b556ba3c85bbe8474d22d5d53bac2cf3154330f253085aa7dda2d131d"}} as unknown as DocumentNode<EsitoPagamentoQuery, EsitoPagamentoQueryVariables>;
export const PagamentoAggiornatoDocument = {"__meta__":{"hash":"242e3310f0ae9e84df737166bda7813933ec3d1e37a9db9cb1ffd7c632c69fd0"}} as unknown as DocumentNode<PagamentoAggiornatoSubscription, PagamentoAggiornatoSubscriptionVariables>;
export const PendenzeDelCittadinoDocument = {"__meta__":{"hash":"ec24d55471d9c4b9ec6e3243892a02dca5c9e3060cba2dcd2d8e2896a0083aa6"}} as unknown as DocumentNode<PendenzeDelCittadinoQuery, PendenzeDelCittadinoQueryVariables>;