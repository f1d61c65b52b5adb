import { BigIntType, Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Dominio } from './dominio';
import { Rpp } from './pagamento';
import { FlussoRendicontazione, Rendicontazione } from './rendicontazione';
import { Timestamped } from './timestamped';

/** GovPay's TipoRiscossione: what kind of money a receipt's transfer is. */
export type TipoRiscossione = 'ENTRATA' | 'MBT' | 'ALTRO_INTERMEDIARIO' | 'ENTRATA_PA_NON_INTERMEDIATA';
/** RISCOSSA once its receipt is accepted; INCASSATA once a riconciliazione matched it to a bank entry. */
export type StatoRiscossione = 'RISCOSSA' | 'INCASSATA';
/** A riconciliazione is recorded whole or not at all; ERRORE is kept only for GovPay's reads. */
export type StatoRiconciliazione = 'ACQUISITO' | 'ERRORE';

/**
 * A bank entry on the Ente's treasury account matched to the payments it pays out (GovPay's
 * incasso / riconciliazione): one payment (`/RFB/`, `/RFS/` causale, or `iuv`) or a whole reporting
 * flow (`/PUR/LGPE-RIVERSAMENTO/URI/`, or `idFlusso`). `idRiconciliazione` is its public id;
 * `richiestaHash` lets the same request again get the first answer.
 */
@Entity({ tableName: 'incassi' })
@Unique({ properties: ['dominio', 'idRiconciliazione'] })
@Index({ properties: ['dataRichiesta'] })
export class Riconciliazione extends Timestamped {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Dominio, { deleteRule: 'restrict', fieldName: 'id_dominio' })
  dominio!: Dominio;

  @Property({ type: 'string', length: 64 })
  idRiconciliazione!: string;

  @Property({ type: 'string', length: 1024, nullable: true })
  causale?: string | null;

  @Property({ type: new BigIntType('number') })
  importoCents!: number;

  /** yyyy-MM-dd */
  @Property({ type: 'date', nullable: true })
  dataValuta?: string | null;

  /** yyyy-MM-dd */
  @Property({ type: 'date', nullable: true })
  dataContabile?: string | null;

  @Property({ type: 'string', length: 35, nullable: true })
  contoAccredito?: string | null;

  /** The Sepa Credit Transfer's id the bank gave the entry. */
  @Property({ type: 'string', length: 64 })
  sct!: string;

  /** Set when the entry pays one payment. */
  @Property({ type: 'string', length: 35, nullable: true })
  iuv?: string | null;

  /** Set when the entry pays a whole flow. */
  @ManyToOne(() => FlussoRendicontazione, { deleteRule: 'restrict', nullable: true })
  flusso?: FlussoRendicontazione | null;

  @Property({ type: 'string', length: 10 })
  stato!: StatoRiconciliazione;

  @Property({ type: 'string', length: 1024, nullable: true })
  descrizioneStato?: string | null;

  @Property({ length: 3 })
  dataRichiesta!: Date;

  /** Who posted it: the applicazione's idA2A or the operatore's principal. */
  @Property({ type: 'string', length: 255 })
  richiedente!: string;

  @Property({ type: 'string', length: 64 })
  richiestaHash!: string;
}

/**
 * One transfer of an accepted receipt (GovPay's riscossione, a pagamento of a singolo versamento):
 * written with the receipt, RISCOSSA, and INCASSATA once a riconciliazione covers it.
 */
@Entity({ tableName: 'riscossioni' })
@Unique({ properties: ['dominio', 'iuv', 'iur', 'indice'] })
@Index({ properties: ['stato', 'data'] })
@Index({ properties: ['riconciliazione'] })
export class Riscossione extends Timestamped {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Dominio, { deleteRule: 'restrict', fieldName: 'id_dominio' })
  dominio!: Dominio;

  @Property({ type: 'string', length: 35 })
  iuv!: string;

  @Property({ type: 'string', length: 35 })
  iur!: string;

  /** The transfer's position in the receipt, from 1. */
  @Property({ type: 'integer' })
  indice!: number;

  @Property({ type: new BigIntType('number') })
  importoCents!: number;

  @Property({ type: 'string', length: 30 })
  tipo!: TipoRiscossione;

  @Property({ type: 'string', length: 10 })
  stato!: StatoRiscossione;

  /** When the PSP took the money. */
  @Property({ length: 3 })
  data!: Date;

  @ManyToOne(() => Rpp, { deleteRule: 'restrict', nullable: true })
  rpp?: Rpp | null;

  @ManyToOne(() => Riconciliazione, { deleteRule: 'restrict', nullable: true })
  riconciliazione?: Riconciliazione | null;

  @ManyToOne(() => Rendicontazione, { deleteRule: 'restrict', nullable: true })
  rendicontazione?: Rendicontazione | null;
}
