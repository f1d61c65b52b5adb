import { Field, InputType } from 'type-graphql';
import { Order, type OrderKey } from '../../runtime/ordering';
import { RPP_ORDER } from '../domain/rpp';
import { EsitoRpp } from './rpp-enums';

/* The `rpps` list's filter and typed order (DESIGN.md §4b). */

export const RppOrder = Order('Rpp', RPP_ORDER, 'payment attempts');
export type RppOrder = OrderKey<keyof typeof RPP_ORDER>;

@InputType({ description: "Which payment attempts: GovPay's filters, each narrowing the caller's own scope." })
export class RppFilter {
  @Field(() => String, { nullable: true }) idDominio?: string;
  @Field(() => String, { nullable: true }) iuv?: string;
  @Field(() => String, { nullable: true }) ccp?: string;
  @Field(() => String, { nullable: true, description: "The pendenza's applicazione." }) idA2A?: string;
  @Field(() => String, { nullable: true }) idPendenza?: string;
  @Field(() => String, { nullable: true, description: "The pendenza's debtor." }) idDebitore?: string;
  @Field(() => String, { nullable: true }) idTipoPendenza?: string;
  @Field(() => String, { nullable: true }) idUnita?: string;
  @Field(() => [String], { nullable: true, description: 'Any of these direzioni.' }) direzione?: string[];
  @Field(() => [String], { nullable: true, description: 'Any of these divisioni.' }) divisione?: string[];
  @Field(() => String, { nullable: true }) tassonomia?: string;
  @Field(() => EsitoRpp, { nullable: true }) esito?: EsitoRpp;
  @Field(() => String, { nullable: true, description: 'A portal payment session.' }) idPagamento?: string;
  @Field(() => Date, { nullable: true, description: "The payment's time, from." }) dataRptDa?: Date;
  @Field(() => Date, { nullable: true, description: "The payment's time, to." }) dataRptA?: Date;
  @Field(() => Date, { nullable: true, description: "The receipt's arrival, from." }) dataRtDa?: Date;
  @Field(() => Date, { nullable: true, description: "The receipt's arrival, to." }) dataRtA?: Date;
}
