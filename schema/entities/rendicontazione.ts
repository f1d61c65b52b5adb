import { BigIntType, Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Dominio } from './dominio';
import { JsonDocument } from './json-document';
import { Rpp } from './pagamento';
import { Timestamped } from './timestamped';

/** GovPay's StatoFlussoRendicontazione: Acquisito, Anomalo (stored with anomalies), Rifiutato (unreadable). */
export type StatoFlusso = 'ACQUISITO' | 'ANOMALO' | 'RIFIUTATO';
/** Where the flow came from: the Nodo's SOAP operations or pagoPA's FdR REST API. */
export type SorgenteFlusso = 'NODO' | 'FDR';
/** A line's codiceEsitoSingoloPagamento: 0 paid, 3 revoked, 4 standin, 8 paid without RPT, 9 paid with no RPT (standin). */
export type EsitoRendicontazione = 0 | 3 | 4 | 8 | 9;
/** OK: matched to its receipt; ANOMALA: it has anomalies; ALTRO_INTERMEDIARIO: a payment of a dominio the hub does not intermediate. */
export type StatoRendicontazione = 'OK' | 'ANOMALA' | 'ALTRO_INTERMEDIARIO';

/** An anomaly found in a flow or a line (GovPay's Segnalazione). */
export interface Segnalazione {
  codice: string;
  descrizione: string;
  dettaglio?: string;
}

/**
 * A reporting flow (flusso di rendicontazione) a PSP published for a dominio: the payments one bank
 * transfer (`trn`, `dataRegolamento`) covers. The same `idFlusso` published again with a later
 * `dataOraFlusso` is a new revision: it gets its own row and the earlier ones become `obsoleto`,
 * so the history is kept. `(dominio, idFlusso, dataOraFlusso)` identifies a revision, whatever the
 * source, so the same revision acquired twice is stored once.
 */
@Entity({ tableName: 'flussi_rendicontazione' })
@Unique({ properties: ['dominio', 'idFlusso', 'dataOraFlusso'] })
@Index({ properties: ['dominio', 'idFlusso', 'revisione'] })
@Index({ properties: ['dataOraFlusso'] })
export class FlussoRendicontazione extends Timestamped {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Dominio, { deleteRule: 'restrict', fieldName: 'id_dominio' })
  dominio!: Dominio;

  @Property({ type: 'string', length: 70 })
  idFlusso!: string;

  @Property({ length: 3 })
  dataOraFlusso!: Date;

  /** 1 for the first publication of `idFlusso`, then 2, 3… (FdR's own revision number when it gives one). */
  @Property({ type: 'integer' })
  revisione!: number;

  /** A later revision of the same flow replaced this one. */
  @Property({ type: 'boolean' })
  obsoleto: boolean = false;

  @Property({ type: 'string', length: 5 })
  sorgente!: SorgenteFlusso;

  @Index()
  @Property({ type: 'string', length: 35 })
  idPsp!: string;

  @Property({ type: 'string', length: 35, nullable: true })
  bicRiversamento?: string | null;

  /** identificativoUnivocoRegolamento: the bank transfer's reference (GovPay's trn). */
  @Index()
  @Property({ type: 'string', length: 35 })
  trn!: string;

  /** dataRegolamento, yyyy-MM-dd. */
  @Property({ type: 'date' })
  dataRegolamento!: string;

  @Property({ type: 'integer' })
  numeroPagamenti!: number;

  @Property({ type: new BigIntType('number') })
  importoTotaleCents!: number;

  @Property({ type: 'string', length: 10 })
  stato!: StatoFlusso;

  @Property({ type: JsonDocument })
  segnalazioni: Segnalazione[] = [];

  @Property({ length: 3 })
  dataAcquisizione!: Date;

  /** The FlussoRiversamento XML as acquired (null for FdR, which is JSON and kept as lines). */
  @Property({ type: 'text', columnType: 'longtext', nullable: true, lazy: true })
  xml?: string | null;
}

/**
 * One payment a flow reports (datiSingoliPagamenti): the IUV, IUR and transfer index it settles,
 * the amount and outcome, and the receipt it was matched to (null when none matched: an anomaly,
 * or a payment of another intermediario).
 */
@Entity({ tableName: 'rendicontazioni' })
@Index({ properties: ['dominio', 'iuv'] })
@Index({ properties: ['flusso'] })
export class Rendicontazione extends Timestamped {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => FlussoRendicontazione, { deleteRule: 'cascade' })
  flusso!: FlussoRendicontazione;

  @ManyToOne(() => Dominio, { deleteRule: 'restrict', fieldName: 'id_dominio' })
  dominio!: Dominio;

  @Property({ type: 'string', length: 35 })
  iuv!: string;

  @Property({ type: 'string', length: 35 })
  iur!: string;

  /** indiceDatiSingoloPagamento: the transfer of the receipt (1..5); null when the flow omits it. */
  @Property({ type: 'integer', nullable: true })
  indice?: number | null;

  @Property({ type: new BigIntType('number') })
  importoCents!: number;

  @Property({ type: 'smallint' })
  esito!: EsitoRendicontazione;

  /** dataEsitoSingoloPagamento, yyyy-MM-dd. */
  @Property({ type: 'date' })
  data!: string;

  @Property({ type: 'string', length: 20 })
  stato!: StatoRendicontazione;

  @Property({ type: JsonDocument })
  segnalazioni: Segnalazione[] = [];

  @ManyToOne(() => Rpp, { deleteRule: 'restrict', nullable: true })
  rpp?: Rpp | null;
}
