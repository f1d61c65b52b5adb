import { BigIntType, Collection, Entity, Index, ManyToOne, OneToMany, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { JsonDocument } from './json-document';
import { Pendenza, type Soggetto } from './pendenza';
import { Timestamped } from './timestamped';

export type StatoPagamento = 'IN_CORSO' | 'ESEGUITO' | 'NON_ESEGUITO' | 'ESEGUITO_PARZIALE' | 'ANNULLATO' | 'FALLITO';
export type EsitoPendenzaPagamento = 'IN_CORSO' | 'ESEGUITO' | 'NON_ESEGUITO';
export type EsitoRitorno = 'OK' | 'ERROR' | 'CANCEL' | 'DIFFERITO';

/**
 * A payment started on an Ente's portal (GovPay's PagamentoPortale): a cart of 1..5 pendenze
 * sent to pagoPA Checkout, its state derived from the receipts of its pendenze. `idPagamento` is
 * the public id, `idSession` the id Checkout knows the cart by and the portal gets back.
 */
@Entity({ tableName: 'pagamenti_portale' })
@Index({ properties: ['stato', 'scadenza'] })
export class PagamentoPortale extends Timestamped {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 32, unique: true })
  idPagamento!: string;

  @Property({ type: 'string', length: 32, unique: true })
  idSession!: string;

  @Property({ type: 'string', length: 255 })
  nome!: string;

  @Property({ type: 'string', length: 20 })
  stato!: StatoPagamento;

  @Property({ type: 'string', length: 1024, nullable: true })
  descrizioneStato?: string | null;

  @Property({ type: new BigIntType('number') })
  importoCents!: number;

  @Index()
  @Property({ type: 'string', length: 255, nullable: true })
  idSessionePortale?: string | null;

  /** Where the portal told the citizen to come back; null: the starting applicazione's. */
  @Property({ type: 'string', length: 1024, nullable: true })
  urlRitorno?: string | null;

  /** Checkout's page for this cart; null when Checkout never opened it (FALLITO). */
  @Property({ type: 'string', length: 2048, nullable: true })
  redirect?: string | null;

  @Property({ type: 'date', nullable: true })
  dataEsecuzionePagamento?: string | null;

  @Property({ type: JsonDocument, nullable: true })
  soggettoVersante?: Soggetto | null;

  @Index()
  @Property({ type: 'string', length: 35, nullable: true })
  idVersante?: string | null;

  @Property({ type: JsonDocument, nullable: true })
  contoAddebito?: { iban: string; bic?: string | null } | null;

  @Property({ type: 'string', length: 35, nullable: true })
  credenzialiPagatore?: string | null;

  @Property({ type: 'string', length: 3, nullable: true })
  autenticazioneSoggetto?: string | null;

  @Property({ type: 'string', length: 2, nullable: true })
  lingua?: string | null;

  /** Who started it: an applicazione (its idA2A), an operatore (its principal), a cittadino (its codice fiscale) or an anonymous caller. */
  @Property({ type: 'string', length: 20 })
  avviatoDaTipo!: 'applicazione' | 'operatore' | 'cittadino' | 'anonimo';

  @Index()
  @Property({ type: 'string', length: 255 })
  avviatoDa!: string;

  /** When an abandoned cart is closed. */
  @Property({ length: 3 })
  scadenza!: Date;

  /** What the portal was told when the citizen came back from Checkout (the return is single-use). */
  @Property({ type: 'string', length: 10, nullable: true })
  esitoRitorno?: EsitoRitorno | null;

  @Property({ type: 'Date', length: 3, nullable: true })
  ritornoIl?: Date | null;

  /** An operatore marked it as checked (GovPay's ack, the Backoffice's `verificato`). */
  @Property({ type: 'boolean' })
  verificato: boolean = false;

  /** Counts the changes: each one is announced once (the event's key). */
  @Property({ type: 'integer' })
  versione: number = 1;

  @OneToMany(() => PagamentoPortalePendenza, (p) => p.pagamento, { orderBy: { indice: 'ASC' } })
  pendenze = new Collection<PagamentoPortalePendenza>(this);
}

/**
 * One pendenza of a payment's cart, with the data Checkout was given and its outcome. While its
 * session is IN_CORSO, `inCorso` is true and the unique key lets no other session hold the
 * pendenza; it is null (not false) otherwise, since a unique key ignores nulls.
 */
@Entity({ tableName: 'pagamenti_portale_pendenze' })
@Unique({ properties: ['pagamento', 'indice'] })
@Unique({ properties: ['pendenza', 'inCorso'] })
export class PagamentoPortalePendenza {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => PagamentoPortale, { deleteRule: 'cascade' })
  pagamento!: PagamentoPortale;

  @Property({ type: 'integer' })
  indice!: number;

  @ManyToOne(() => Pendenza, { deleteRule: 'restrict' })
  pendenza!: Pendenza;

  @Property({ type: 'string', length: 35 })
  idA2A!: string;

  @Property({ type: 'string', length: 35 })
  idPendenza!: string;

  @Index()
  @Property({ type: 'string', length: 11 })
  idDominio!: string;

  @Property({ type: 'string', length: 35 })
  idTipoPendenza!: string;

  @Property({ type: 'string', length: 18 })
  numeroAvviso!: string;

  @Property({ type: 'string', length: 35 })
  iuv!: string;

  @Index()
  @Property({ type: 'string', length: 35 })
  idDebitore!: string;

  @Property({ type: new BigIntType('number') })
  importoCents!: number;

  @Property({ type: 'string', length: 20 })
  esito: EsitoPendenzaPagamento = 'IN_CORSO';

  @Property({ type: 'boolean', nullable: true })
  inCorso?: true | null;

  /** When Checkout's activation (paGetPayment) of this notice was answered; another attempt is then refused. */
  @Property({ type: 'Date', length: 3, nullable: true })
  attivatoIl?: Date | null;

  /** The receipt (its receiptId, GovPay's ccp) that settled this pendenza. */
  @Property({ type: 'string', length: 35, nullable: true })
  ccp?: string | null;
}
