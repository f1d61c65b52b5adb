import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Dominio } from './dominio';
import { JsonDocument } from './json-document';
import { Timestamped } from './timestamped';

/** A tracciato's states, in the order it goes through them (the graph's StatoTracciato lists them). */
export const STATI_TRACCIATO = ['IN_ATTESA', 'IN_ELABORAZIONE', 'ESEGUITO', 'ESEGUITO_CON_ERRORI', 'SCARTATO'] as const;
export type StatoTracciato = (typeof STATI_TRACCIATO)[number];
/** What a row of a tracciato asks for, how it ended and its outcome, as GovPay names them. */
export const TIPI_OPERAZIONE = ['ADD', 'DEL', 'NON_VALIDA'] as const;
export type TipoOperazione = (typeof TIPI_OPERAZIONE)[number];
export const STATI_OPERAZIONE = ['ESEGUITO', 'SCARTATO', 'NON_VALIDO'] as const;
export type StatoOperazione = (typeof STATI_OPERAZIONE)[number];
export const ESITI_OPERAZIONE = ['ADD_OK', 'ADD_KO', 'DEL_OK', 'DEL_KO', 'NON_VALIDA'] as const;
export type EsitoOperazione = (typeof ESITI_OPERAZIONE)[number];

/**
 * A bulk load of pendenze (GovPay's tracciato) uploaded for one dominio. Its rows are stored in
 * parts as uploaded and processed in order by whichever instance holds the lease;
 * `prossimaOperazione` is the first row not yet done, so a crash resumes where the last committed
 * chunk ended.
 */
@Entity({ tableName: 'tracciati_pendenze' })
@Index({ properties: ['stato', 'leaseScadenza'] })
export class TracciatoPendenze extends Timestamped {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 255 })
  idTracciato!: string;

  @Property({ type: 'string', length: 255 })
  nomeFile!: string;

  @ManyToOne(() => Dominio, { deleteRule: 'restrict', fieldName: 'id_dominio' })
  dominio!: Dominio;

  /** The tipo pendenza of rows that name none (the upload's path may give it). */
  @Property({ type: 'string', length: 35, nullable: true })
  idTipoPendenza?: string | null;

  @Property({ type: 'string', length: 30 })
  stato: StatoTracciato = 'IN_ATTESA';

  @Property({ type: 'string', length: 255, nullable: true })
  descrizioneStato?: string | null;

  /** Who uploaded it, with the rights every row is processed with. */
  @Property({ type: JsonDocument })
  caricatoDa!: Record<string, unknown>;

  @Property({ type: 'string', length: 255 })
  operatoreMittente!: string;

  @Property({ type: 'boolean' })
  stampaAvvisi: boolean = true;

  @Property({ type: 'integer' })
  operazioniTotali: number = 0;

  /** Rows 1..inserimenti are inserimenti, the rest annullamenti. */
  @Property({ type: 'integer' })
  inserimenti: number = 0;

  @Property({ type: 'integer' })
  operazioniEseguite: number = 0;

  @Property({ type: 'integer' })
  operazioniFallite: number = 0;

  @Property({ type: 'integer' })
  prossimaOperazione: number = 1;

  @Property({ length: 3 })
  dataCaricamento: Date = new Date();

  @Property({ type: 'Date', length: 3, nullable: true })
  dataCompletamento?: Date | null;

  /** The instance processing it and until when; an expired lease lets another instance take over. */
  @Property({ type: 'string', length: 64, nullable: true })
  leaseOwner?: string | null;

  @Property({ type: 'Date', length: 3, nullable: true })
  leaseScadenza?: Date | null;
}

/**
 * A slice of a tracciato's rows as uploaded (a JSON array), so that neither the upload nor its
 * processing ever holds a whole file of a hundred thousand pendenze in one statement.
 */
@Entity({ tableName: 'parti_tracciato' })
@Unique({ properties: ['tracciato', 'primaOperazione'] })
export class ParteTracciato {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => TracciatoPendenze, { deleteRule: 'cascade' })
  tracciato!: TracciatoPendenze;

  /** The numero of the part's first row. */
  @Property({ type: 'integer' })
  primaOperazione!: number;

  @Property({ type: 'integer' })
  righe!: number;

  @Property({ type: 'text', columnType: 'longtext', lazy: true })
  contenuto!: string;
}

/** One processed row of a tracciato: the request and its outcome, written together when it is done. */
@Entity({ tableName: 'operazioni_tracciato' })
@Unique({ properties: ['tracciato', 'numero'] })
export class OperazioneTracciato {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => TracciatoPendenze, { deleteRule: 'cascade' })
  tracciato!: TracciatoPendenze;

  /** 1-based position in the tracciato: inserimenti first, then annullamenti. */
  @Property({ type: 'integer' })
  numero!: number;

  @Property({ type: 'string', length: 12 })
  tipo!: TipoOperazione;

  @Property({ type: JsonDocument })
  richiesta!: unknown;

  @Property({ type: 'string', length: 35, nullable: true })
  idA2A?: string | null;

  @Property({ type: 'string', length: 35, nullable: true })
  idPendenza?: string | null;

  @Property({ type: 'string', length: 12 })
  stato!: StatoOperazione;

  @Property({ type: 'string', length: 12 })
  esito!: EsitoOperazione;

  @Property({ type: 'string', length: 1024 })
  descrizioneEsito!: string;

  @Property({ type: 'string', length: 18, nullable: true })
  numeroAvviso?: string | null;

  /** The avviso (idDominio, numeroAvviso…) of a loaded pendenza, or the fault of a failed row. */
  @Property({ type: JsonDocument, nullable: true })
  dati?: Record<string, unknown> | null;
}
