import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import { Order, type OrderKey } from '../../runtime/ordering';
import type { StatoTracciato as StatoTracciatoValue } from '../../../schema/entities';
import { OPERAZIONI_ORDER, TRACCIATI_ORDER } from '../domain/tracciati';
import { StatoTracciato } from './stati';

/* The tracciati's list filters, typed orders and upload input (DESIGN.md §4b). */

export const TracciatoPendenzeOrder = Order('TracciatoPendenze', TRACCIATI_ORDER, 'tracciati');
export type TracciatoPendenzeOrder = OrderKey<keyof typeof TRACCIATI_ORDER>;

@InputType({ description: "Which tracciati: within the caller's domini." })
export class TracciatoPendenzeFilter {
  @Field(() => String, { nullable: true }) idDominio?: string;
  @Field(() => StatoTracciato, { nullable: true }) stato?: StatoTracciatoValue;
}

export const OperazioneTracciatoOrder = Order('OperazioneTracciato', OPERAZIONI_ORDER, "a tracciato's rows");
export type OperazioneTracciatoOrder = OrderKey<keyof typeof OPERAZIONI_ORDER>;

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
