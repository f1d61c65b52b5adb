import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import { Order, type OrderKey } from '../../runtime/ordering';
import type { EsitoOperazione, StatoTracciato as StatoTracciatoValue, TipoOperazione } from '../../../schema/entities';
import { OPERAZIONI_ORDER, TRACCIATI_ORDER } from '../domain/tracciati';
import { EsitoOperazioneTracciato, StatoTracciato, TipoOperazioneTracciato } from './stati';

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
  @Field(() => TipoOperazioneTracciato, { nullable: true, description: 'Rows asking for this.' }) tipoOperazione?: TipoOperazione;
  @Field(() => EsitoOperazioneTracciato, { nullable: true, description: 'Rows with this outcome.' }) esito?: EsitoOperazione;
}

@InputType({ description: 'A tracciato to upload.' })
export class CaricaTracciatoPendenzeInput {
  @Field(() => GraphQLJSONObject, { description: "GovPay's tracciatoPendenzePost." }) tracciato!: Record<string, unknown>;
  @Field(() => String, { nullable: true }) nomeFile?: string;
  @Field(() => Boolean, { nullable: true, defaultValue: true }) stampaAvvisi?: boolean;
  @Field(() => String, { nullable: true, description: "Overrides the tracciato's idDominio." }) idDominio?: string;
  @Field(() => String, { nullable: true, description: 'The tipo pendenza of rows that name none.' }) idTipoPendenza?: string;
}
