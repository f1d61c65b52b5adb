import { GraphQLJSONObject } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../runtime/connection';
export { DominioRef } from '../../runtime/dominio-ref';
import { Importo } from '../../runtime/scalars';
import { Soggetto } from '../../runtime/soggetto';
import { Node } from '../../runtime/node';
import { EsitoRpp, StatoRpp, VersioneRicevuta } from './rpp-enums';

/* The pagamenti subgraph's types. Resolvers return the domain's views, whose fields match these. */

@Directive('@key(fields: "idA2A idPendenza")')
@ObjectType('Pendenza', { description: 'A debt position (owned by the pendenze subgraph); this subgraph adds its payment attempts.' })
export class PendenzaRef {
  @Field(() => ID) idA2A!: string;
  @Field(() => ID) idPendenza!: string;
}

@Directive('@key(fields: "idDominio iuv ccp")')
@Directive('@key(fields: "id")')
@ObjectType({ description: "A payment attempt of a pendenza and its receipt (GovPay's RPP).", implements: Node })
export class Rpp {
  @Field(() => ID) idDominio!: string;
  @Field(() => ID) iuv!: string;
  @Field(() => ID, { description: "The receipt's receiptId (the payment token) in pagoPA's new model." }) ccp!: string;
  @Field(() => StatoRpp) stato!: StatoRpp;
  @Field(() => String, { nullable: true }) dettaglioStato?: string;
  @Field(() => EsitoRpp) esito!: EsitoRpp;
  @Field(() => Importo, { name: 'importo' }) importoCents!: number;
  @Field(() => Date, { description: 'When the PSP took the money.' }) dataPagamento!: Date;
  @Field(() => Date, { description: 'When the receipt arrived.' }) dataRicevuta!: Date;
  @Field(() => String) idPsp!: string;
  @Field(() => String, { nullable: true }) ragioneSocialePsp?: string;
  @Field(() => String, { nullable: true }) idCanale?: string;
  @Field(() => VersioneRicevuta) versione!: VersioneRicevuta;
  @Field(() => Boolean) standIn!: boolean;
  @Field(() => Boolean, { description: 'A second receipt for a pendenza already paid (to refund).' }) duplicato!: boolean;
  @Field(() => GraphQLJSONObject, { description: "What was paid for, as ctPaymentPA's JSON." }) rpt!: Record<string, unknown>;
  @Field(() => GraphQLJSONObject, { description: "The receipt, as ctReceipt's (V2: ctReceiptV2) JSON." }) rt!: Record<string, unknown>;
  @Field(() => String, { description: 'The receipt element exactly as received.' }) rtXml!: string;
}

export const RppConnection = Connection(Rpp);

export enum EsitoRicevuta {
  ESEGUITO = 'ESEGUITO',
  NON_ESEGUITO = 'NON_ESEGUITO',
}
registerEnumType(EsitoRicevuta, { name: 'EsitoRicevuta', description: 'Whether the PSP took the money (ESEGUITO) or the payment failed.' });

@ObjectType({ description: 'The payment service provider that took the payment.' })
export class PspRicevuta {
  @Field(() => String) idPsp!: string;
  @Field(() => String, { nullable: true }) ragioneSociale?: string;
  @Field(() => String, { nullable: true }) idCanale?: string;
  @Field(() => String, { nullable: true }) codiceFiscale?: string;
}

@ObjectType({ description: 'One thing paid for, as the receipt lists it.' })
export class VoceRicevuta {
  @Field(() => String) descrizione!: string;
  @Field(() => Importo, { name: 'importo' }) importoCents!: number;
}

@ObjectType({
  description:
    'The ricevuta di pagamento a person keeps (the data of Rpp.ricevutaPdf): the Ente, the debtor, the payer when someone else paid, the amount, the notice, the PSP, the time, what was paid and the outcome.',
})
export class RicevutaPagamento {
  @Field(() => EsitoRicevuta) esito!: EsitoRicevuta;
  @Field(() => String, { description: "The Ente Creditore's codice fiscale." }) idDominio!: string;
  @Field(() => String, { description: "The Ente Creditore's name as printed." }) ragioneSocialeDominio!: string;
  @Field(() => Importo, { name: 'importo' }) importoCents!: number;
  @Field(() => Date, { description: 'When the PSP took the money.' }) dataPagamento!: Date;
  @Field(() => String) iuv!: string;
  @Field(() => String, { nullable: true }) numeroAvviso?: string;
  @Field(() => String, { description: "The receipt's id: the IUR (pagoPA's receiptId, GovPay's ccp)." }) idRicevuta!: string;
  @Field(() => String, { nullable: true, description: 'What the payment was for.' }) causale?: string;
  @Field(() => Soggetto, { description: 'Who owed the amount.' }) debitore!: Soggetto;
  @Field(() => Soggetto, { nullable: true, description: 'Who paid, when not the debtor.' }) versante?: Soggetto;
  @Field(() => PspRicevuta) psp!: PspRicevuta;
  @Field(() => [VoceRicevuta]) voci!: VoceRicevuta[];
}
