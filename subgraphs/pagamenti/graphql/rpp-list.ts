import { Field, InputType, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../../runtime/order-direction';

/* The `rpps` list's filter and typed order (DESIGN.md §4b). */

export enum RppOrderField {
  DATA_RICHIESTA = 'DATA_RICHIESTA',
  DATA_RICEVUTA = 'DATA_RICEVUTA',
  STATO = 'STATO',
  ESITO = 'ESITO',
  IUV = 'IUV',
  IMPORTO = 'IMPORTO',
}
registerEnumType(RppOrderField, { name: 'RppOrderField', description: 'What a list of payment attempts can be ordered by.' });

@InputType()
export class RppOrder {
  @Field(() => RppOrderField) field!: RppOrderField;
  @Field(() => OrderDirection) direction!: OrderDirection;
}

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
  @Field(() => String, { nullable: true, description: "GovPay's EsitoRpp." }) esito?: string;
  @Field(() => String, { nullable: true, description: 'A portal payment session.' }) idPagamento?: string;
  @Field(() => Date, { nullable: true, description: "The payment's time, from." }) dataRptDa?: Date;
  @Field(() => Date, { nullable: true, description: "The payment's time, to." }) dataRptA?: Date;
  @Field(() => Date, { nullable: true, description: "The receipt's arrival, from." }) dataRtDa?: Date;
  @Field(() => Date, { nullable: true, description: "The receipt's arrival, to." }) dataRtA?: Date;
}
