import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, InputType, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../../runtime/order-direction';

/* The tracciati's list filters, typed orders and upload input (DESIGN.md §4b). */

export enum TracciatoPendenzeOrderField {
  DATA_ORA_CARICAMENTO = 'DATA_ORA_CARICAMENTO',
  ID = 'ID',
  STATO = 'STATO',
}
registerEnumType(TracciatoPendenzeOrderField, {
  name: 'TracciatoPendenzeOrderField',
  description: 'What a list of tracciati can be ordered by.',
});

@InputType()
export class TracciatoPendenzeOrder {
  @Field(() => TracciatoPendenzeOrderField) field!: TracciatoPendenzeOrderField;
  @Field(() => OrderDirection) direction!: OrderDirection;
}

@InputType({ description: "Which tracciati: within the caller's domini." })
export class TracciatoPendenzeFilter {
  @Field(() => String, { nullable: true }) idDominio?: string;
  @Field(() => String, { nullable: true, description: 'IN_ATTESA, IN_ELABORAZIONE, ESEGUITO, ESEGUITO_CON_ERRORI or SCARTATO' })
  stato?: string;
}

export enum OperazioneTracciatoOrderField {
  NUMERO = 'NUMERO',
}
registerEnumType(OperazioneTracciatoOrderField, {
  name: 'OperazioneTracciatoOrderField',
  description: "What a tracciato's rows can be ordered by.",
});

@InputType()
export class OperazioneTracciatoOrder {
  @Field(() => OperazioneTracciatoOrderField) field!: OperazioneTracciatoOrderField;
  @Field(() => OrderDirection) direction!: OrderDirection;
}

@InputType({ description: 'Which rows of a tracciato.' })
export class OperazioneTracciatoFilter {
  @Field(() => String, { nullable: true, description: 'ADD, DEL or NON_VALIDA' }) tipoOperazione?: string;
  @Field(() => String, { nullable: true, description: 'ADD_OK, ADD_KO, DEL_OK, DEL_KO or NON_VALIDA' }) esito?: string;
}

@InputType({ description: 'A tracciato to upload.' })
export class CaricaTracciatoPendenzeInput {
  @Field(() => GraphQLJSONObject, { description: "GovPay's tracciatoPendenzePost." }) tracciato!: Record<string, unknown>;
  @Field(() => String, { nullable: true }) nomeFile?: string;
  @Field(() => Boolean, { nullable: true, defaultValue: true }) stampaAvvisi?: boolean;
  @Field(() => String, { nullable: true, description: "Overrides the tracciato's idDominio." }) idDominio?: string;
  @Field(() => String, { nullable: true, description: 'The tipo pendenza of rows that name none.' }) idTipoPendenza?: string;
}
