import { BigIntType, Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Dominio } from './dominio';
import { JsonDocument } from './json-document';
import { Pendenza } from './pendenza';
import { Timestamped } from './timestamped';

/** The hub records an attempt when its receipt arrives and is accepted: GovPay's earlier states never occur. */
export const STATI_RPP = ['RT_ACCETTATA_PA'] as const;
export type StatoRpp = (typeof STATI_RPP)[number];
export type EsitoRpp = 'ESEGUITO' | 'NON_ESEGUITO';
/** Which primitive delivered a receipt: paSendRT (V1) or paSendRTV2 (V2). */
export const VERSIONI_RICEVUTA = ['V1', 'V2'] as const;
export type VersioneRicevuta = (typeof VERSIONI_RICEVUTA)[number];

/**
 * A payment attempt of a pendenza (GovPay's RPP: the request and its receipt). With pagoPA's new
 * model the attempt is known when its receipt arrives: `ccp` is the receipt's `receiptId` (the
 * payment token). A second, different receipt for an already paid pendenza is kept with
 * `duplicato` set, so the double payment can be refunded.
 */
@Entity({ tableName: 'rpp' })
@Unique({ properties: ['dominio', 'iuv', 'ccp'] })
@Index({ properties: ['pendenza'] })
// GET /rpp by date range in its default order (dataRichiesta, then id).
@Index({ properties: ['dataPagamento', 'id'] })
export class Rpp extends Timestamped {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Dominio, { deleteRule: 'restrict', fieldName: 'id_dominio' })
  dominio!: Dominio;

  @Property({ type: 'string', length: 35 })
  iuv!: string;

  @Property({ type: 'string', length: 35 })
  ccp!: string;

  /** Null only for a receipt of a position the hub does not hold (kept so nothing is lost). */
  @ManyToOne(() => Pendenza, { deleteRule: 'restrict', nullable: true })
  pendenza?: Pendenza | null;

  @Property({ type: 'string', length: 30 })
  stato: StatoRpp = 'RT_ACCETTATA_PA';

  @Property({ type: 'string', length: 20 })
  esito: EsitoRpp = 'ESEGUITO';

  @Property({ type: new BigIntType('number') })
  importoCents!: number;

  /** When the PSP took the money (the receipt's paymentDateTime, else its arrival). */
  @Property({ length: 3 })
  dataPagamento!: Date;

  @Property({ type: 'string', length: 35 })
  idPsp!: string;

  @Property({ type: 'string', length: 140, nullable: true })
  ragioneSocialePsp?: string | null;

  @Property({ type: 'string', length: 35, nullable: true })
  idCanale?: string | null;

  /** Which primitive delivered the receipt: paSendRT (V1) or paSendRTV2. */
  @Property({ type: 'string', length: 2 })
  versione!: VersioneRicevuta;

  @Property({ type: 'boolean' })
  standIn: boolean = false;

  @Property({ type: 'boolean' })
  duplicato: boolean = false;

  /**
   * What the payment was for, as paGetPayment describes it (ctPaymentPA's JSON shape): GovPay's
   * `rpt` of a new-model attempt, rebuilt from the pendenza when its receipt arrives.
   */
  @Property({ type: JsonDocument })
  richiesta!: Record<string, unknown>;

  /** The receipt as pagoPA's JSON shape (ctReceipt / ctReceiptV2), amounts as "10.00" strings. */
  @Property({ type: JsonDocument })
  ricevuta!: Record<string, unknown>;

  /** The receipt element exactly as received, for GET /rpp/…/rt and audits. */
  @Property({ type: 'text', columnType: 'longtext' })
  ricevutaXml!: string;

  /** sha256 of the receipt's canonical JSON: the same receipt again is recognised by it. */
  @Property({ type: 'string', length: 64 })
  impronta!: string;
}

/**
 * NOTIFICA_RICEVUTA: a receipt for the Ente's system; EVENTO: one event, published at once;
 * EVENTI: the events of a bulk change (a tracciato's rows), published at a bounded pace.
 */
export type TipoOutbox = 'NOTIFICA_RICEVUTA' | 'EVENTO' | 'EVENTI';
export type StatoOutbox = 'DA_ESEGUIRE' | 'ESEGUITO';

/**
 * Work to do after a commit, written in the same transaction as what caused it (DESIGN.md §4):
 * notifications to the Ente's system and events for subscribers. Workers take a job with a lease
 * (a conditional UPDATE), so any number of instances share the table and a crash loses nothing;
 * a failed job is retried at `prossimoTentativo`.
 */
@Entity({ tableName: 'outbox' })
@Index({ properties: ['stato', 'prossimoTentativo'] })
export class OutboxJob extends Timestamped {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 30 })
  tipo!: TipoOutbox;

  /** What the job is about, unique: enqueueing the same work twice keeps one job. */
  @Property({ type: 'string', length: 255, unique: true })
  chiave!: string;

  @Property({ type: JsonDocument })
  payload!: Record<string, unknown>;

  @Property({ type: 'string', length: 20 })
  stato: StatoOutbox = 'DA_ESEGUIRE';

  @Property({ type: 'integer' })
  tentativi: number = 0;

  @Property({ length: 3 })
  prossimoTentativo: Date = new Date();

  @Property({ type: 'string', length: 255, nullable: true })
  leaseOwner?: string | null;

  @Property({ type: 'Date', length: 3, nullable: true })
  leaseScadenza?: Date | null;

  /** The last failure (HTTP status and body, or the network error), for operators. */
  @Property({ type: 'string', length: 2048, nullable: true })
  ultimoErrore?: string | null;

  @Property({ type: 'Date', length: 3, nullable: true })
  eseguitoIl?: Date | null;
}
