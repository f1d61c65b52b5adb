import { BigIntType, Collection, Entity, Index, ManyToOne, OneToMany, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Dominio, UnitaOperativa } from './dominio';
import type { TipoContabilita } from './entrata';
import { JsonDocument } from './json-document';
import { TipoPendenza } from './tipo-pendenza';
import { Timestamped } from './timestamped';
import { Applicazione } from './utenze';

export type StatoPendenza = 'NON_ESEGUITA' | 'ESEGUITA' | 'ESEGUITA_PARZIALE' | 'ANNULLATA';
/** A voce's state (GovPay's StatoSingoloVersamento): paid with its pendenza, or not; the hub never sets ANOMALO. */
export const STATI_VOCE = ['ESEGUITO', 'NON_ESEGUITO', 'ANOMALO'] as const;
export type StatoVoce = (typeof STATI_VOCE)[number];

/** A Soggetto's kind: F a natural person, G a legal one (pagoPA's stEntityUniqueIdentifierType). */
export const TIPI_SOGGETTO = ['F', 'G'] as const;
export type TipoSoggetto = (typeof TIPI_SOGGETTO)[number];

/** The debtor (or payer) as GovPay describes a Soggetto. */
export interface Soggetto {
  tipo: TipoSoggetto;
  identificativo: string;
  anagrafica?: string;
  indirizzo?: string;
  civico?: string;
  cap?: string;
  localita?: string;
  provincia?: string;
  nazione?: string;
  email?: string;
  cellulare?: string;
}

/** An operator's note on a pendenza, as GovPay's PATCH /nota carries it. */
export interface NotaPendenza {
  autore: string;
  oggetto: string;
  testo: string;
  tipo: string;
  /** ISO instant. */
  data: string;
}

/**
 * A debt position (pendenza) loaded by an Ente's system. Amounts are integer cents. SCADUTA is not
 * stored: it is derived from dataScadenza when the pendenza is read.
 */
@Entity({ tableName: 'pendenze' })
@Unique({ properties: ['applicazione', 'idPendenza'] })
@Unique({ properties: ['dominio', 'numeroAvviso'] })
@Unique({ properties: ['dominio', 'iuv'] })
// The lists' usual reads, newest first (GovPay's default order): a dominio's pendenze, and those in one
// stato, whose count and deep pages the second index answers alone (the applicazione's and the due date's
// filters included, rather than a lookup of every matching row).
@Index({ properties: ['dominio', 'dataCaricamento'] })
@Index({ name: 'pendenze_lista_stato_index', properties: ['dominio', 'stato', 'dataCaricamento', 'applicazione', 'dataScadenza'] })
export class Pendenza extends Timestamped {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Applicazione, { deleteRule: 'restrict', fieldName: 'id_a2a' })
  applicazione!: Applicazione;

  @Property({ type: 'string', length: 35 })
  idPendenza!: string;

  @ManyToOne(() => Dominio, { deleteRule: 'restrict', fieldName: 'id_dominio' })
  dominio!: Dominio;

  @ManyToOne(() => UnitaOperativa, { deleteRule: 'restrict', nullable: true })
  unitaOperativa?: UnitaOperativa | null;

  @ManyToOne(() => TipoPendenza, { deleteRule: 'restrict', fieldName: 'id_tipo_pendenza' })
  tipoPendenza!: TipoPendenza;

  @Property({ type: 'string', length: 18, nullable: true })
  numeroAvviso?: string | null;

  @Property({ type: 'string', length: 35, nullable: true })
  iuv?: string | null;

  @Index()
  @Property({ type: 'string', length: 20 })
  stato: StatoPendenza = 'NON_ESEGUITA';

  @Property({ type: 'string', length: 255, nullable: true })
  descrizioneStato?: string | null;

  /** A payment an operator must look at (GovPay's anomalo): a receipt that arrived for a cancelled pendenza. */
  @Property({ type: 'boolean', default: false })
  anomalo: boolean = false;

  /** An operator has looked at the pendenza's anomalies (GovPay's ack, shown as verificato). */
  @Property({ type: 'boolean', default: false })
  ack: boolean = false;

  /** The operators' notes, oldest first (GovPay's PATCH /nota). */
  @Property({ type: JsonDocument, nullable: true })
  note?: NotaPendenza[] | null;

  @Property({ type: 'string', length: 140 })
  causale!: string;

  @Property({ type: new BigIntType('number') })
  importoCents!: number;

  @Property({ type: JsonDocument })
  soggettoPagatore!: Soggetto;

  /** The debtor's codice fiscale, kept apart from the JSON to search by it. */
  @Index()
  @Property({ type: 'string', length: 35 })
  idDebitore!: string;

  @Property({ length: 3 })
  dataCaricamento: Date = new Date();

  @Property({ type: 'date', nullable: true })
  dataValidita?: string | null;

  @Property({ type: 'date', nullable: true })
  dataScadenza?: string | null;

  @Property({ type: 'date', nullable: true })
  dataPagamento?: string | null;

  @Property({ type: 'integer', nullable: true })
  annoRiferimento?: number | null;

  @Property({ type: 'string', length: 35, nullable: true })
  cartellaPagamento?: string | null;

  @Property({ type: 'string', length: 35, nullable: true })
  tassonomia?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  tassonomiaAvviso?: string | null;

  @Property({ type: 'string', length: 35, nullable: true })
  direzione?: string | null;

  @Property({ type: 'string', length: 35, nullable: true })
  divisione?: string | null;

  @Property({ type: JsonDocument, nullable: true })
  documento?: Record<string, unknown> | null;

  /** The documento's identificativo, when the pendenza is one rata of it (to print them together). */
  @Index()
  @Property({ type: 'string', length: 35, nullable: true })
  idDocumento?: string | null;

  @Property({ type: JsonDocument, nullable: true })
  datiAllegati?: Record<string, unknown> | null;

  @Property({ type: JsonDocument, nullable: true })
  proprieta?: Record<string, unknown> | null;

  /** Randomises the static payment URLs of this pendenza (GovPay's UUID). */
  @Property({ type: 'string', length: 36 })
  uuid!: string;

  @OneToMany(() => VocePendenza, (v) => v.pendenza, { orphanRemoval: true, orderBy: { indice: 'ASC' } })
  voci = new Collection<VocePendenza>(this);

  @OneToMany(() => AllegatoPendenza, (a) => a.pendenza, { orphanRemoval: true, orderBy: { id: 'ASC' } })
  allegati = new Collection<AllegatoPendenza>(this);
}

/** A file attached to a pendenza by the Ente's system, served back at /allegati/{id}. */
@Entity({ tableName: 'allegati_pendenza' })
export class AllegatoPendenza extends Timestamped {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Pendenza, { deleteRule: 'cascade' })
  pendenza!: Pendenza;

  @Property({ type: 'string', length: 255 })
  nome!: string;

  @Property({ type: 'string', length: 255 })
  tipo: string = 'application/octet-stream';

  @Property({ type: 'string', length: 255, nullable: true })
  descrizione?: string | null;

  /** The bytes, loaded only when the file itself is asked for. */
  @Property({ type: 'blob', columnType: 'longblob', lazy: true })
  contenuto!: Buffer;
}

export type TipoVoce = 'ENTRATA' | 'IBAN' | 'BOLLO';

/** One of the 1..5 items of a pendenza: a configured entrata, an IBAN with its accounting, or a marca da bollo. */
@Entity({ tableName: 'voci_pendenza' })
@Unique({ properties: ['pendenza', 'indice'] })
export class VocePendenza extends Timestamped {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Pendenza, { deleteRule: 'cascade' })
  pendenza!: Pendenza;

  @Property({ type: 'integer' })
  indice!: number;

  @Property({ type: 'string', length: 35 })
  idVocePendenza!: string;

  @Property({ type: new BigIntType('number') })
  importoCents!: number;

  @Property({ type: 'string', length: 140 })
  descrizione!: string;

  @Property({ type: 'string', length: 140, nullable: true })
  descrizioneCausaleRPT?: string | null;

  @Property({ type: 'string', length: 20 })
  stato: StatoVoce = 'NON_ESEGUITO';

  @Property({ type: 'string', length: 10 })
  tipo!: TipoVoce;

  /** The beneficiary when it is not the pendenza's dominio (multi-beneficiario). */
  @Property({ type: 'string', length: 11, nullable: true })
  idDominio?: string | null;

  @Property({ type: 'string', length: 35, nullable: true })
  codEntrata?: string | null;

  @Property({ type: 'string', length: 34, nullable: true })
  ibanAccredito?: string | null;

  @Property({ type: 'string', length: 34, nullable: true })
  ibanAppoggio?: string | null;

  @Property({ type: 'string', length: 16, nullable: true })
  tipoContabilita?: TipoContabilita | null;

  @Property({ type: 'string', length: 255, nullable: true })
  codiceContabilita?: string | null;

  @Property({ type: 'string', length: 2, nullable: true })
  tipoBollo?: string | null;

  @Property({ type: 'string', length: 70, nullable: true })
  hashDocumento?: string | null;

  @Property({ type: 'string', length: 2, nullable: true })
  provinciaResidenza?: string | null;

  @Property({ type: JsonDocument, nullable: true })
  contabilita?: Record<string, unknown> | null;

  @Property({ type: JsonDocument, nullable: true })
  metadata?: Record<string, unknown> | null;

  @Property({ type: JsonDocument, nullable: true })
  datiAllegati?: Record<string, unknown> | null;
}

/**
 * The last progressive used for IUVs of one dominio and prefix. Taken with an atomic increment,
 * so numbers never repeat, whatever the number of instances.
 */
@Entity({ tableName: 'iuv_sequences' })
@Unique({ properties: ['idDominio', 'prefisso'] })
export class IuvSequence {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 11 })
  idDominio!: string;

  @Property({ type: 'string', length: 15 })
  prefisso!: string;

  @Property({ type: new BigIntType('number') })
  ultimo!: number;
}
