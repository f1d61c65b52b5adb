import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../runtime/connection';
import { Order, type OrderKey } from '../../runtime/ordering';
import { FLUSSI_ORDER } from '../domain/flussi/flussi-query';
import { RENDICONTAZIONI_ORDER } from '../domain/flussi/rendicontazioni-query';
import { Importo } from '../../runtime/scalars';
import { Node } from '../../runtime/node';

/*
 * The reporting flows and their lines in the graph's conventions (DESIGN.md §4b, the issue's
 * contract): a `filter` input, a typed `orderBy`, pages of at most 100. Values are GovPay's, so its
 * REST maps onto them field for field. Resolvers return the domain's views, whose fields match.
 */

export enum StatoFlussoRendicontazione {
  ACQUISITO = 'ACQUISITO',
  ANOMALO = 'ANOMALO',
  RIFIUTATO = 'RIFIUTATO',
}
registerEnumType(StatoFlussoRendicontazione, {
  name: 'StatoFlussoRendicontazione',
  description: 'Stored without anomalies, stored with anomalies (of the flow or of a line), or unreadable.',
});

export enum SorgenteFlussoRendicontazione {
  NODO = 'NODO',
  FDR = 'FDR',
}
registerEnumType(SorgenteFlussoRendicontazione, {
  name: 'SorgenteFlussoRendicontazione',
  description: "Where the flow was acquired: the Nodo's SOAP operations or pagoPA's FdR REST API.",
});

/** The graph's names of codiceEsitoSingoloPagamento. */
export enum EsitoRendicontazione {
  ESEGUITO = 'ESEGUITO',
  REVOCATO = 'REVOCATO',
  STANDIN = 'STANDIN',
  ESEGUITO_SENZA_RPT = 'ESEGUITO_SENZA_RPT',
  STANDIN_SENZA_RPT = 'STANDIN_SENZA_RPT',
}
registerEnumType(EsitoRendicontazione, {
  name: 'EsitoRendicontazione',
  description:
    "A line's outcome (codiceEsitoSingoloPagamento 0, 3, 4, 8, 9): paid, revoked, paid in stand-in, paid without RPT, stand-in without RPT.",
});

export enum StatoRendicontazione {
  OK = 'OK',
  ANOMALA = 'ANOMALA',
  ALTRO_INTERMEDIARIO = 'ALTRO_INTERMEDIARIO',
}
registerEnumType(StatoRendicontazione, {
  name: 'StatoRendicontazione',
  description: 'Matched without anomalies, with anomalies, or a payment of a dominio/IUV another intermediario handles.',
});

export enum GruppoQuadraturaRendicontazioni {
  FLUSSO_RENDICONTAZIONE = 'FLUSSO_RENDICONTAZIONE',
  DIVISIONE = 'DIVISIONE',
  DIREZIONE = 'DIREZIONE',
}
registerEnumType(GruppoQuadraturaRendicontazioni, {
  name: 'GruppoQuadraturaRendicontazioni',
  description: "How lines are totalled: per flow, or per the paid pendenza's divisione / direzione.",
});

@ObjectType({ description: "An anomaly of a flow or a line (GovPay's Segnalazione): GovPay's code and text." })
export class Segnalazione {
  @Field(() => String, { description: "GovPay's code, e.g. 007101." }) codice!: string;
  @Field(() => String, { description: "GovPay's text." }) descrizione!: string;
  @Field(() => String, { nullable: true, description: 'What the hub found, when it adds to the text.' }) dettaglio?: string;
}

@Directive('@key(fields: "id")')
@ObjectType({
  description: 'A revision of a reporting flow a PSP published for a dominio: the payments one bank transfer covers.',
  implements: Node,
})
export class FlussoRendicontazione {
  @Field(() => ID, { description: 'Opaque id of this revision.' }) id!: string;
  @Field(() => String, { description: 'identificativoFlusso.' }) idFlusso!: string;
  @Field(() => Date, { description: 'dataOraFlusso: with idFlusso, identifies the revision.' }) dataFlusso!: Date;
  @Field(() => Int, { description: "1, 2, … in order of acquisition (FdR's own number when it gives one)." }) revisione!: number;
  @Field(() => Boolean, { description: 'A later revision of the same flow replaced this one.' }) obsoleto!: boolean;
  @Field(() => SorgenteFlussoRendicontazione, { description: 'Where it was acquired.' }) sorgente!: string;
  @Field(() => String, { description: 'The PSP that published it.' }) idPsp!: string;
  @Field(() => String, { nullable: true, description: 'codiceBicBancaDiRiversamento.' }) bicRiversamento?: string;
  @Field(() => ID, { description: 'The Ente Creditore.' }) idDominio!: string;
  @Field(() => String, { description: "identificativoUnivocoRegolamento: the bank transfer's reference." }) trn!: string;
  @Field(() => String, { description: 'dataRegolamento, yyyy-MM-dd.' }) dataRegolamento!: string;
  @Field(() => Int, { description: 'numeroTotalePagamenti as declared.' }) numeroPagamenti!: number;
  @Field(() => Importo, { name: 'importoTotale', description: 'importoTotalePagamenti as declared.' }) importoTotaleCents!: number;
  @Field(() => StatoFlussoRendicontazione, { description: 'ANOMALO when the flow or a line has anomalies.' }) stato!: string;
  @Field(() => [Segnalazione], { description: "The flow's own anomalies (declared total or count against its lines)." })
  segnalazioni!: Segnalazione[];
  @Field(() => Date, { description: 'When the hub stored it.' }) dataAcquisizione!: Date;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'One payment a flow reports (datiSingoliPagamenti), matched to the receipt it settles.', implements: Node })
export class Rendicontazione {
  @Field(() => ID, { description: 'Opaque id of the line.' }) id!: string;
  @Field(() => ID, { description: 'The Ente Creditore.' }) idDominio!: string;
  @Field(() => String, { description: 'identificativoUnivocoVersamento.' }) iuv!: string;
  @Field(() => String, { description: 'identificativoUnivocoRiscossione.' }) iur!: string;
  @Field(() => Int, { nullable: true, description: 'indiceDatiSingoloPagamento: the transfer of the receipt.' }) indice?: number;
  @Field(() => Importo, { name: 'importo', description: 'singoloImportoPagato.' }) importoCents!: number;
  @Field(() => Int, { description: "0, 3, 4, 8 or 9, as GovPay's REST gives it" }) codiceEsito!: number;
  @Field(() => String, { description: 'dataEsitoSingoloPagamento, yyyy-MM-dd.' }) data!: string;
  @Field(() => StatoRendicontazione, { description: 'Whether it matched its receipt without anomalies.' }) stato!: string;
  @Field(() => [Segnalazione], { description: 'Its anomalies.' }) segnalazioni!: Segnalazione[];
}

export const FlussoRendicontazioneConnection = Connection(FlussoRendicontazione);
export const RendicontazioneConnection = Connection(Rendicontazione);

@ObjectType({ description: 'A total of lines: how many and how much, for one group.' })
export class QuadraturaRendicontazioni {
  @Field(() => Int, { description: 'Lines in the group.' }) numeroPagamenti!: number;
  @Field(() => Importo, { name: 'importo', description: 'Their sum.' }) importoCents!: number;
  @Field(() => String, { nullable: true, description: "The group's divisione (grouped by DIVISIONE)." }) divisione?: string;
  @Field(() => String, { nullable: true, description: "The group's direzione (grouped by DIREZIONE)." }) direzione?: string;
}

@InputType({ description: 'Which flows to list; every condition given must hold.' })
export class FlussoRendicontazioneFilter {
  @Field(() => [ID], { nullable: true, description: "Any of these domini (within the caller's)." }) idDominio?: string[];
  @Field(() => String, { nullable: true, description: 'This identificativoFlusso.' }) idFlusso?: string;
  @Field(() => Boolean, { nullable: true, description: 'Compare idFlusso ignoring case.' }) idFlussoCaseInsensitive?: boolean;
  @Field(() => String, { nullable: true, description: 'Published by this PSP.' }) idPsp?: string;
  @Field(() => String, { nullable: true, description: "The bank transfer's reference." }) trn?: string;
  @Field(() => [StatoFlussoRendicontazione], { nullable: true, description: 'In any of these states.' })
  stato?: StatoFlussoRendicontazione[];
  @Field(() => Date, { nullable: true, description: 'on dataFlusso' }) dataDa?: Date;
  @Field(() => Date, { nullable: true, description: 'on dataFlusso' }) dataA?: Date;
  @Field(() => Boolean, {
    nullable: true,
    description: "default false: only the latest revision of each flow (GovPay's escludiObsoleti=true)",
  })
  incluseObsolete?: boolean;
  @Field(() => String, { nullable: true, description: 'flows that report this IUV' }) iuv?: string;
}

export const FlussoRendicontazioneOrder = Order('FlussoRendicontazione', FLUSSI_ORDER, 'flows');
export type FlussoRendicontazioneOrder = OrderKey<keyof typeof FLUSSI_ORDER>;

@InputType({ description: 'Which lines to list; every condition given must hold.' })
export class RendicontazioneFilter {
  @Field(() => [ID], { nullable: true, description: "Any of these domini (within the caller's)." }) idDominio?: string[];
  @Field(() => String, { nullable: true, description: 'This IUV.' }) iuv?: string;
  @Field(() => String, { nullable: true, description: 'This IUR.' }) iur?: string;
  @Field(() => String, { nullable: true, description: 'Lines of the flow with this identificativoFlusso.' }) idFlusso?: string;
  @Field(() => [EsitoRendicontazione], { nullable: true, description: 'With any of these outcomes.' }) esito?: EsitoRendicontazione[];
  @Field(() => [StatoRendicontazione], { nullable: true, description: 'In any of these states.' }) stato?: StatoRendicontazione[];
  @Field(() => Date, { nullable: true, description: "on the line's data" }) dataDa?: Date;
  @Field(() => Date, { nullable: true, description: "on the line's data" }) dataA?: Date;
  @Field(() => Date, { nullable: true, description: "on the flow's dataFlusso" }) dataFlussoDa?: Date;
  @Field(() => Date, { nullable: true, description: "on the flow's dataFlusso" }) dataFlussoA?: Date;
  @Field(() => Boolean, {
    nullable: true,
    description: "default false: lines of the latest revision of each flow only (ignored for a flow's own lines).",
  })
  incluseObsolete?: boolean;
}

export const RendicontazioneOrder = Order('Rendicontazione', RENDICONTAZIONI_ORDER, 'lines');
export type RendicontazioneOrder = OrderKey<keyof typeof RENDICONTAZIONI_ORDER>;
