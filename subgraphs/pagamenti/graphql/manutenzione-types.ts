import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../runtime/connection';
import { Node, NODE_ID_DESCRIPTION } from '../../runtime/node';
import { Order, type OrderKey } from '../../runtime/ordering';
import { NOTIFICHE_ORDER } from '../domain/notifiche';
import { Rpp } from './types';

/* The notifications to the Ente's systems and the on-demand jobs of the pagamenti context, for operators. */

export enum StatoNotifica {
  DA_SPEDIRE = 'DA_SPEDIRE',
  SPEDITA = 'SPEDITA',
  ANNULLATA = 'ANNULLATA',
}
registerEnumType(StatoNotifica, {
  name: 'StatoNotifica',
  description: 'DA_SPEDIRE: waiting for its (next) attempt; SPEDITA: done; ANNULLATA: given up (the hub never gives up one).',
});

export enum TipoNotifica {
  ATTIVAZIONE = 'ATTIVAZIONE',
  RICEVUTA = 'RICEVUTA',
  ANNULLAMENTO = 'ANNULLAMENTO',
  FALLIMENTO = 'FALLIMENTO',
}
registerEnumType(TipoNotifica, { name: 'TipoNotifica', description: "GovPay's kinds of notification; the hub sends RICEVUTA only." });

@Directive('@key(fields: "id")')
@ObjectType({
  description: "A notification to the Ente's system about a receipt (GovPay's Notifica), retried until taken.",
  implements: Node,
})
export class Notifica {
  @Field(() => ID, { description: NODE_ID_DESCRIPTION }) id!: string;
  @Field(() => TipoNotifica) tipo!: TipoNotifica;
  @Field(() => StatoNotifica) stato!: StatoNotifica;
  @Field(() => String, { nullable: true, description: 'The last failure while DA_SPEDIRE.' }) descrizioneStato?: string;
  @Field(() => Int, { description: 'Attempts made so far.' }) tentativi!: number;
  @Field(() => Date) dataCreazione!: Date;
  @Field(() => Date) dataAggiornamento!: Date;
  @Field(() => Date, { nullable: true, description: 'When the next attempt is due; null once SPEDITA.' }) dataProssimaSpedizione?: Date;
  @Field(() => Rpp, { nullable: true, description: 'The receipt it tells about (null if the caller may not see it).' }) rpp?: Rpp;
}

export const NotificaConnection = Connection(Notifica);

@InputType()
export class NotificaFilter {
  @Field(() => [StatoNotifica], { nullable: true }) stato?: StatoNotifica[];
  @Field(() => [TipoNotifica], { nullable: true }) tipo?: TipoNotifica[];
  @Field(() => Date, { nullable: true, description: 'Created at or after.' }) dataDa?: Date;
  @Field(() => Date, { nullable: true, description: 'Created at or before.' }) dataA?: Date;
}

export const NotificaOrder = Order('Notifica', NOTIFICHE_ORDER, 'notifications');
export type NotificaOrder = OrderKey<keyof typeof NOTIFICHE_ORDER>;

@ObjectType()
export class SpedisciNotifichePayload {
  @Field(() => Int, { description: 'Notifications waiting to be delivered.' }) daSpedire!: number;
  @Field(() => Int, { description: 'Of those, the ones waiting for a later retry, now due.' }) anticipate!: number;
}

@ObjectType()
export class ChiudiPagamentiScadutiPayload {
  @Field(() => Int, { description: 'Abandoned payment sessions closed.' }) chiusi!: number;
}

@InputType({
  description:
    "A receipt of a payment made outside the station, as pagoPA's XML (paSendRTV2Request or paSendRTReq, in a SOAP envelope or alone, or base64).",
})
export class CaricaRicevutaInput {
  @Field(() => String) xml!: string;
  @Field(() => ID, { nullable: true, description: 'With iuv and ccp: the attempt the receipt must belong to.' }) idDominio?: string;
  @Field(() => ID, { nullable: true }) iuv?: string;
  @Field(() => ID, { nullable: true }) ccp?: string;
}

@ObjectType()
export class CaricaRicevutaPayload {
  @Field(() => Rpp, { description: 'The payment attempt the receipt recorded (the same one again for the same receipt).' }) rpp!: Rpp;
}
