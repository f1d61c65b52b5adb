import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../runtime/connection';
import { Importo } from '../../runtime/scalars';
import { Order, type OrderKey } from '../../runtime/ordering';
import { RICONCILIAZIONI_ORDER, RISCOSSIONI_ORDER } from '../domain/incassi/consultazione';
import { Node } from '../../runtime/node';

/*
 * The incassi in the graph's conventions (DESIGN.md §4b): riconciliazioni (bank entries matched to
 * payments) and riscossioni (the transfers of accepted receipts), their filters, typed orderBy,
 * and the riconcilia mutation's input and payload. Values are GovPay's (API Ragioneria v2).
 */

export enum StatoRiscossione {
  RISCOSSA = 'RISCOSSA',
  INCASSATA = 'INCASSATA',
}
registerEnumType(StatoRiscossione, {
  name: 'StatoRiscossione',
  description: 'RISCOSSA once its receipt is accepted, INCASSATA once a riconciliazione matched it to a bank entry.',
});

export enum TipoRiscossione {
  ENTRATA = 'ENTRATA',
  MBT = 'MBT',
  ALTRO_INTERMEDIARIO = 'ALTRO_INTERMEDIARIO',
  ENTRATA_PA_NON_INTERMEDIATA = 'ENTRATA_PA_NON_INTERMEDIATA',
}
registerEnumType(TipoRiscossione, {
  name: 'TipoRiscossione',
  description:
    "What a receipt's transfer is: money for an Ente the hub intermediates (ENTRATA), a marca da bollo (MBT), for an Ente it knows but does not intermediate, or for a creditor it does not know (ALTRO_INTERMEDIARIO).",
});

export enum StatoRiconciliazione {
  ACQUISITO = 'ACQUISITO',
  ERRORE = 'ERRORE',
}
registerEnumType(StatoRiconciliazione, {
  name: 'StatoRiconciliazione',
  description: "A riconciliazione is recorded whole (ACQUISITO) or refused and not recorded; ERRORE is kept for GovPay's reads.",
});

export enum GruppoQuadraturaRiscossioni {
  DOMINIO = 'DOMINIO',
  UNITA_OPERATIVA = 'UNITA_OPERATIVA',
  TIPO_PENDENZA = 'TIPO_PENDENZA',
  DIVISIONE = 'DIVISIONE',
  DIREZIONE = 'DIREZIONE',
  TASSONOMIA = 'TASSONOMIA',
  APPLICAZIONE = 'APPLICAZIONE',
}
registerEnumType(GruppoQuadraturaRiscossioni, {
  name: 'GruppoQuadraturaRiscossioni',
  description: 'What a quadratura groups riscossioni by: their dominio or an attribute of the pendenza they paid.',
});

@Directive('@key(fields: "id")')
@Directive('@key(fields: "idDominio idRiconciliazione")')
@ObjectType({
  description: "A bank entry on the Ente's treasury account matched to the payments it pays out (GovPay's riconciliazione / incasso).",
  implements: Node,
})
export class Riconciliazione {
  @Field(() => ID, { description: 'Global id.' }) id!: string;
  @Field(() => ID, { description: "Its public id: the client's, or derived from the sct and what it pays." }) idRiconciliazione!: string;
  @Field(() => ID, { description: 'The Ente creditore.' }) idDominio!: string;
  @Field(() => String, { nullable: true, description: "The bank entry's description, as posted (null when iuv or idFlusso was given)." })
  causale?: string | null;
  @Field(() => String, { nullable: true, description: 'The IUV paid, when the entry pays one payment.' }) iuv?: string | null;
  @Field(() => String, { nullable: true, description: 'The flow paid, when the entry pays a whole reporting flow.' }) idFlusso?:
    | string
    | null;
  @Field(() => Importo, { name: 'importo', description: "The bank entry's amount." }) importoCents!: number;
  @Field(() => String, { description: "The bank's Sepa Credit Transfer id of the entry." }) sct!: string;
  @Field(() => String, { nullable: true, description: 'yyyy-MM-dd' }) dataValuta?: string | null;
  @Field(() => String, { nullable: true, description: 'yyyy-MM-dd' }) dataContabile?: string | null;
  @Field(() => String, { nullable: true, description: 'The IBAN credited.' }) contoAccredito?: string | null;
  @Field(() => StatoRiconciliazione, { description: 'ACQUISITO' }) stato!: StatoRiconciliazione;
  @Field(() => String, { nullable: true, description: 'Why it is in ERRORE.' }) descrizioneStato?: string | null;
  @Field(() => Date, { description: 'When it was posted.' }) dataRichiesta!: Date;
}

@Directive('@key(fields: "id")')
@ObjectType({
  description: "One transfer of an accepted receipt (GovPay's riscossione): RISCOSSA, then INCASSATA once reconciled.",
  implements: Node,
})
export class Riscossione {
  @Field(() => ID, { description: 'Global id.' }) id!: string;
  @Field(() => ID, { description: 'The Ente creditore of the receipt.' }) idDominio!: string;
  @Field(() => String, { description: 'The IUV paid.' }) iuv!: string;
  @Field(() => String, { description: "The receipt's IUR (its receiptId)." }) iur!: string;
  @Field(() => Int, { description: "The transfer's position in the receipt, from 1 (the voce's number)." }) indice!: number;
  @Field(() => Importo, { name: 'importo', description: "The transfer's amount." }) importoCents!: number;
  @Field(() => TipoRiscossione, { description: 'What kind of money it is.' }) tipo!: TipoRiscossione;
  @Field(() => StatoRiscossione, { description: 'RISCOSSA or INCASSATA.' }) stato!: StatoRiscossione;
  @Field(() => Date, { description: 'When the PSP took the money.' }) data!: Date;
}

export const RiconciliazioneConnection = Connection(Riconciliazione);
export const RiscossioneConnection = Connection(Riscossione);

@ObjectType({ description: 'The count and total of one group of riscossioni; the grouping fields not asked for are null.' })
export class QuadraturaRiscossioni {
  @Field(() => Int, { description: 'Riscossioni in the group.' }) numeroPagamenti!: number;
  @Field(() => Importo, { name: 'importo', description: 'Their total.' }) importoCents!: number;
  @Field(() => ID, { nullable: true, description: 'The dominio (gruppo DOMINIO).' }) idDominio?: string | null;
  @Field(() => String, { nullable: true, description: "The pendenza's unità operativa (gruppo UNITA_OPERATIVA)." }) idUnita?: string | null;
  @Field(() => String, { nullable: true, description: "The pendenza's tipo (gruppo TIPO_PENDENZA)." }) idTipoPendenza?: string | null;
  @Field(() => String, { nullable: true, description: "The pendenza's divisione (gruppo DIVISIONE)." }) divisione?: string | null;
  @Field(() => String, { nullable: true, description: "The pendenza's direzione (gruppo DIREZIONE)." }) direzione?: string | null;
  @Field(() => String, { nullable: true, description: "The pendenza's tassonomia (gruppo TASSONOMIA)." }) tassonomia?: string | null;
  @Field(() => String, { nullable: true, description: "The pendenza's applicazione (gruppo APPLICAZIONE)." }) idA2A?: string | null;
}

@InputType({ description: 'Which riconciliazioni to list.' })
export class RiconciliazioneFilter {
  @Field(() => [ID], { nullable: true, description: "Only these domini (within the caller's)." }) idDominio?: string[];
  @Field(() => Date, { nullable: true, description: 'Posted from.' }) dataDa?: Date;
  @Field(() => Date, { nullable: true, description: 'Posted until.' }) dataA?: Date;
  @Field(() => [StatoRiconciliazione], { nullable: true, description: 'In these states.' }) stato?: StatoRiconciliazione[];
  @Field(() => String, { nullable: true, description: 'With this sct.' }) sct?: string;
}

export const RiconciliazioneOrder = Order('Riconciliazione', RICONCILIAZIONI_ORDER, 'riconciliazioni');
export type RiconciliazioneOrder = OrderKey<keyof typeof RICONCILIAZIONI_ORDER>;

@InputType({ description: 'Which riscossioni to list.' })
export class RiscossioneFilter {
  @Field(() => [ID], { nullable: true, description: "Only these domini (within the caller's)." }) idDominio?: string[];
  @Field(() => String, { nullable: true, description: 'Of this IUV.' }) iuv?: string;
  @Field(() => String, { nullable: true, description: 'Of this IUR.' }) iur?: string;
  @Field(() => [StatoRiscossione], { nullable: true, description: 'In these states.' }) stato?: StatoRiscossione[];
  @Field(() => [TipoRiscossione], { nullable: true, description: 'Of these kinds.' }) tipo?: TipoRiscossione[];
  @Field(() => Date, { nullable: true, description: 'on data, from' }) dataDa?: Date;
  @Field(() => Date, { nullable: true, description: 'on data, until' }) dataA?: Date;
  @Field(() => String, { nullable: true, description: 'Paying a pendenza of this applicazione.' }) idA2A?: string;
  @Field(() => String, { nullable: true, description: 'Paying this pendenza (with idA2A, or of any applicazione).' }) idPendenza?: string;
  @Field(() => ID, { nullable: true, description: 'Reconciled by this riconciliazione.' }) idRiconciliazione?: string;
  @Field(() => String, { nullable: true, description: 'Reported by this flow.' }) idFlusso?: string;
}

export const RiscossioneOrder = Order('Riscossione', RISCOSSIONI_ORDER, 'riscossioni');
export type RiscossioneOrder = OrderKey<keyof typeof RISCOSSIONI_ORDER>;

@InputType({ description: 'Which riscossioni a quadratura counts.' })
export class QuadraturaRiscossioniFilter {
  @Field(() => [ID], { nullable: true, description: "Of these domini (within the caller's)." }) idDominio?: string[];
  @Field(() => [String], { nullable: true, description: 'Whose pendenza is of these unità operative.' }) idUnita?: string[];
  @Field(() => [String], { nullable: true, description: 'Whose pendenza is of these tipi.' }) idTipoPendenza?: string[];
  @Field(() => [String], { nullable: true, description: 'Whose pendenza is of these applicazioni.' }) idA2A?: string[];
  @Field(() => [String], { nullable: true, description: 'Whose pendenza is of these direzioni.' }) direzione?: string[];
  @Field(() => [String], { nullable: true, description: 'Whose pendenza is of these divisioni.' }) divisione?: string[];
  @Field(() => [String], { nullable: true, description: 'Whose pendenza has these tassonomie.' }) tassonomia?: string[];
  @Field(() => [TipoRiscossione], { nullable: true, description: 'Of these kinds.' }) tipo?: TipoRiscossione[];
  @Field(() => Date, { nullable: true, description: 'Paid from.' }) dataDa?: Date;
  @Field(() => Date, { nullable: true, description: 'Paid until.' }) dataA?: Date;
}

@InputType({ description: 'A bank entry to reconcile: exactly one of causale, iuv, idFlusso.' })
export class RiconciliaInput {
  @Field(() => ID, { description: 'The Ente whose account was credited.' }) idDominio!: string;
  @Field(() => String, {
    nullable: true,
    description:
      "exactly one of causale, iuv, idFlusso. The bank's description (max 512): /RFB/<iuv>, /RFS/<RF…> or /PUR/LGPE-RIVERSAMENTO/URI/<idFlusso> anywhere in it.",
  })
  causale?: string;
  @Field(() => String, { nullable: true, description: 'The IUV the entry pays.' }) iuv?: string;
  @Field(() => String, { nullable: true, description: 'The reporting flow the entry pays.' }) idFlusso?: string;
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Find the flow whatever the case of idFlusso.' })
  idFlussoCaseInsensitive?: boolean;
  @Field(() => Importo, { description: "The entry's amount: must equal what it pays, to the cent." }) importo!: number;
  @Field(() => String, { description: "The bank's Sepa Credit Transfer id." }) sct!: string;
  @Field(() => String, { nullable: true, description: 'yyyy-MM-dd' }) dataValuta?: string;
  @Field(() => String, { nullable: true, description: 'yyyy-MM-dd' }) dataContabile?: string;
  @Field(() => String, { nullable: true, description: 'The IBAN credited.' }) contoAccredito?: string;
  @Field(() => ID, { nullable: true, description: 'client-chosen id (API Ragioneria v1 / v3 style); default derived from sct' })
  idRiconciliazione?: string;
}

@ObjectType({ description: 'What riconcilia did.' })
export class RiconciliaPayload {
  @Field(() => Riconciliazione, { description: 'The riconciliazione recorded (or found).' }) riconciliazione!: Riconciliazione;
  @Field(() => Boolean, { description: 'false when the same request was already recorded: the first answer (REST 200 instead of 201)' })
  creata!: boolean;
}
