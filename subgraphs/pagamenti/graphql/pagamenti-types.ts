import { GraphQLJSONObject } from 'graphql-scalars';
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../runtime/connection';
import { Node } from '../../runtime/node';
import { Order, type OrderKey } from '../../runtime/ordering';
import { Importo } from '../../runtime/scalars';
import { TipoSoggetto } from '../../runtime/soggetto';
import { enumOf } from '../../runtime/closed-set';
import { PAGAMENTI_ORDER } from '../domain/sessioni/consultazione';
import { TIPI_UTENZA, type TipoUtenza as TipoUtenzaValue } from '../domain/sessioni/viste';

/*
 * The payment sessions started on a portal, in the graph's own conventions (DESIGN.md §4b): one
 * `input` per mutation and a payload, a `filter` input, a typed `orderBy`, pages of at most 100.
 * Their values are GovPay's (API Pagamento v2), so GovPay's REST maps onto them field for field.
 */

export enum StatoPagamento {
  IN_CORSO = 'IN_CORSO',
  ESEGUITO = 'ESEGUITO',
  NON_ESEGUITO = 'NON_ESEGUITO',
  ESEGUITO_PARZIALE = 'ESEGUITO_PARZIALE',
  ANNULLATO = 'ANNULLATO',
  FALLITO = 'FALLITO',
}
registerEnumType(StatoPagamento, { name: 'StatoPagamento', description: "A payment session's state (GovPay's StatoPagamento)." });

export enum EsitoPendenzaPagamento {
  IN_CORSO = 'IN_CORSO',
  ESEGUITO = 'ESEGUITO',
  NON_ESEGUITO = 'NON_ESEGUITO',
}
registerEnumType(EsitoPendenzaPagamento, {
  name: 'EsitoPendenzaPagamento',
  description: "The outcome of one pendenza of a payment's cart.",
});

export enum EsitoRitorno {
  OK = 'OK',
  ERROR = 'ERROR',
  CANCEL = 'CANCEL',
  DIFFERITO = 'DIFFERITO',
}
registerEnumType(EsitoRitorno, {
  name: 'EsitoRitorno',
  description:
    'What the portal was told when the citizen came back from pagoPA: paid, not paid, cancelled by the citizen at Checkout, or not known yet (no receipt yet).',
});

export enum LinguaPagamento {
  IT = 'it',
  EN = 'en',
  FR = 'fr',
  SL = 'sl',
  DE = 'de',
}
registerEnumType(LinguaPagamento, { name: 'LinguaPagamento', description: 'The language of the pages of pagoPA Checkout.' });

export enum AutenticazioneSoggetto {
  CNS = 'CNS',
  USR = 'USR',
  OTH = 'OTH',
  N_A = 'N/A',
}
registerEnumType(AutenticazioneSoggetto, {
  name: 'AutenticazioneSoggetto',
  description: "How the versante was authenticated (GovPay's N/A is N_A).",
});

export const TipoUtenza = enumOf(TIPI_UTENZA, 'TipoUtenza', "Who started a payment (GovPay's TipoUtenza).", {
  APPLICAZIONE: "An Ente's portal (an applicazione).",
  OPERATORE: "An Ente's operatore.",
  CITTADINO: 'A citizen authenticated by SPID, on API Pagamento.',
  ANONIMO: "An anonymous caller of API Pagamento's public mode.",
});

@InputType('SoggettoVersanteInput')
@ObjectType({ description: 'The versante (who pays) as GovPay describes a Soggetto.' })
export class SoggettoVersante {
  @Field(() => TipoSoggetto) tipo!: TipoSoggetto;
  @Field(() => String) identificativo!: string;
  @Field(() => String, { nullable: true }) anagrafica?: string;
  @Field(() => String, { nullable: true }) indirizzo?: string;
  @Field(() => String, { nullable: true }) civico?: string;
  @Field(() => String, { nullable: true }) cap?: string;
  @Field(() => String, { nullable: true }) localita?: string;
  @Field(() => String, { nullable: true }) provincia?: string;
  @Field(() => String, { nullable: true }) nazione?: string;
  @Field(() => String, { nullable: true }) email?: string;
  @Field(() => String, { nullable: true }) cellulare?: string;
}

@InputType('ContoAddebitoInput')
@ObjectType()
export class ContoAddebito {
  @Field(() => String) iban!: string;
  @Field(() => String, { nullable: true }) bic?: string;
}

@ObjectType({ description: 'Who started a payment.' })
export class AvviatoDa {
  @Field(() => TipoUtenza) tipo!: TipoUtenzaValue;
  @Field(() => String, { description: "The applicazione's idA2A, the operatore's principal, the cittadino's codice fiscale or ANONIMO." })
  principal!: string;
}

@ObjectType({ description: "One pendenza of a payment's cart, with the amount Checkout was told and its outcome." })
export class PagamentoPendenza {
  @Field(() => Int, { description: 'Its position in the cart, from 1.' }) indice!: number;
  @Field(() => ID) idDominio!: string;
  @Field(() => String) numeroAvviso!: string;
  @Field(() => String) iuv!: string;
  @Field(() => Importo, { name: 'importo' }) importoCents!: number;
  @Field(() => EsitoPendenzaPagamento) esito!: EsitoPendenzaPagamento;
  @Field(() => String, { nullable: true, description: 'The receiptId of the receipt that settled it.' }) ccp?: string;
}

@Directive('@key(fields: "id")')
@ObjectType({
  description: "A payment started on an Ente's portal: a cart of 1..5 pendenze paid through pagoPA Checkout (GovPay's Pagamento).",
  implements: Node,
})
export class Pagamento {
  @Field(() => String, { description: "GovPay's id of the payment (GovPay's Pagamento.id, the REST paths' {id})." }) idPagamento!: string;
  @Field(() => ID, { description: 'The session id pagoPA Checkout knows the cart by; the return to the portal carries it.' })
  idSession!: string;
  @Field(() => String) nome!: string;
  @Field(() => StatoPagamento) stato!: StatoPagamento;
  @Field(() => String, { nullable: true }) descrizioneStato?: string;
  @Field(() => Importo, { name: 'importo', description: "The sum of the cart's pendenze." }) importoCents!: number;
  @Field(() => String, { nullable: true, description: "The portal's own session id." }) idSessionePortale?: string;
  @Field(() => String, { nullable: true, description: "Where the portal asked the browser to come back; null: its applicazione's." })
  urlRitorno?: string;
  @Field(() => String, { nullable: true, description: "pagoPA Checkout's page for this cart (null when Checkout never opened it)." })
  redirect?: string;
  @Field(() => Date) dataRichiesta!: Date;
  @Field(() => Date) dataAggiornamento!: Date;
  @Field(() => Date, { description: 'When the session is closed if no outcome arrived (abandoned at Checkout).' }) dataScadenza!: Date;
  @Field(() => String, { nullable: true, description: 'yyyy-MM-dd' }) dataEsecuzionePagamento?: string;
  @Field(() => SoggettoVersante, { nullable: true }) soggettoVersante?: SoggettoVersante;
  @Field(() => ContoAddebito, { nullable: true }) contoAddebito?: ContoAddebito;
  @Field(() => String, { nullable: true }) credenzialiPagatore?: string;
  @Field(() => AutenticazioneSoggetto, { nullable: true }) autenticazioneSoggetto?: AutenticazioneSoggetto;
  @Field(() => LinguaPagamento, { nullable: true }) lingua?: LinguaPagamento;
  @Field(() => AvviatoDa) avviatoDa!: AvviatoDa;
  @Field(() => EsitoRitorno, { nullable: true, description: 'What the portal was told on the return from Checkout (null before it).' })
  esitoRitorno?: EsitoRitorno;
  @Field(() => Date, { nullable: true }) dataRitorno?: Date;
  @Field(() => Boolean, { description: "An operatore marked it as checked (GovPay's Backoffice `verificato`)." }) verificato!: boolean;
  @Field(() => [PagamentoPendenza], { description: 'The cart, in order.' }) pendenze!: PagamentoPendenza[];
}

export const PagamentoConnection = Connection(Pagamento);

@InputType({ description: 'A pendenza the hub holds, by its key.' })
export class RiferimentoPendenzaInput {
  @Field(() => ID) idA2A!: string;
  @Field(() => ID) idPendenza!: string;
}

@InputType({ description: 'A pendenza by its avviso (asked of the Ente that issued it when the hub holds none).' })
export class RiferimentoAvvisoInput {
  @Field(() => ID) idDominio!: string;
  @Field(() => String) numeroAvviso!: string;
  @Field(() => String, { nullable: true }) idDebitore?: string;
}

@InputType({ description: 'One pendenza of the cart: exactly one of the three forms.' })
export class PendenzaDaPagareInput {
  @Field(() => RiferimentoPendenzaInput, { nullable: true }) riferimento?: RiferimentoPendenzaInput;
  @Field(() => RiferimentoAvvisoInput, { nullable: true }) avviso?: RiferimentoAvvisoInput;
  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      "A spontaneous pendenza, loaded with the rules of a PUT: API Pagamento's NuovaPendenza (API Pendenze's, with idA2A and idPendenza).",
  })
  nuova?: Record<string, unknown>;
}

@InputType({ description: "A portal's request to pay a cart (GovPay's NuovoPagamento)." })
export class AvviaPagamentoInput {
  @Field(() => [PendenzaDaPagareInput], { description: '1 to 5 pendenze.' }) pendenze!: PendenzaDaPagareInput[];
  @Field(() => String, {
    nullable: true,
    description: "http(s) address the browser returns to, with idSession and esito; omitted: the applicazione's configured one.",
  })
  urlRitorno?: string;
  @Field(() => String, { nullable: true }) idSessionePortale?: string;
  @Field(() => String, { nullable: true, description: 'yyyy-MM-dd, from today to 30 days ahead.' }) dataEsecuzionePagamento?: string;
  @Field(() => SoggettoVersante, { nullable: true }) soggettoVersante?: SoggettoVersante;
  @Field(() => ContoAddebito, { nullable: true }) contoAddebito?: ContoAddebito;
  @Field(() => String, { nullable: true }) credenzialiPagatore?: string;
  @Field(() => AutenticazioneSoggetto, { nullable: true }) autenticazioneSoggetto?: AutenticazioneSoggetto;
  @Field(() => LinguaPagamento, { nullable: true }) lingua?: LinguaPagamento;
}

@ObjectType()
export class AvviaPagamentoPayload {
  @Field(() => Pagamento) pagamento!: Pagamento;
  @Field(() => Boolean, { description: 'False when the same cart of the same caller was already in progress: that payment is returned.' })
  created!: boolean;
  @Field(() => String, { description: "Where to send the browser: pagoPA Checkout's page for the cart." }) redirect!: string;
}

@InputType()
export class PagamentiFilter {
  @Field(() => StatoPagamento, { nullable: true }) stato?: StatoPagamento;
  @Field(() => String, { nullable: true }) idSessionePortale?: string;
  @Field(() => ID, { nullable: true }) idSession?: string;
  @Field(() => String, { nullable: true, description: "The versante's codice fiscale." }) idVersante?: string;
  @Field(() => String, { nullable: true, description: 'The debtor of any pendenza of the cart.' }) idDebitore?: string;
  @Field(() => String, { nullable: true, description: 'The dominio of any pendenza of the cart.' }) idDominio?: string;
  @Field(() => Date, { nullable: true }) dataRichiestaDa?: Date;
  @Field(() => Date, { nullable: true }) dataRichiestaA?: Date;
  @Field(() => Boolean, { nullable: true }) verificato?: boolean;
  @Field(() => ID, { nullable: true, description: 'The applicazione of any pendenza of the cart.' }) idA2A?: string;
  @Field(() => ID, { nullable: true, description: 'With idA2A: a pendenza of the cart.' }) idPendenza?: string;
  @Field(() => String, { nullable: true, description: 'The IUV of any pendenza of the cart.' }) iuv?: string;
}

export const PagamentoOrder = Order('Pagamento', PAGAMENTI_ORDER, 'payment sessions');
export type PagamentoOrder = OrderKey<keyof typeof PAGAMENTI_ORDER>;

@InputType({ description: 'An operatore\'s note on a payment: it becomes the payment\'s descrizioneStato ("oggetto: testo").' })
export class NotaPagamentoInput {
  @Field(() => String) oggetto!: string;
  @Field(() => String, { nullable: true }) testo?: string;
}

@InputType({ description: "What an operatore changes on a payment (GovPay's PATCH /pagamenti/{id}): at least one of the two." })
export class AnnotaPagamentoInput {
  @Field(() => ID, { description: 'The payment (its global id, Pagamento.id).' }) id!: string;
  @Field(() => Boolean, { nullable: true, description: 'Marks the payment as checked, or not.' }) verificato?: boolean;
  @Field(() => NotaPagamentoInput, { nullable: true }) nota?: NotaPagamentoInput;
}

@ObjectType()
export class AnnotaPagamentoPayload {
  @Field(() => Pagamento) pagamento!: Pagamento;
}
