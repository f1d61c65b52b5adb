import { JsonDocument } from './json-document';
import { Collection, Entity, Index, ManyToOne, OneToMany, PrimaryKey, Property } from '@mikro-orm/core';
import { Timestamped } from './timestamped';

/** A pagoPA technological intermediary (partner tecnologico) and the way the hub reaches the Nodo for it. */
@Entity({ tableName: 'intermediari' })
export class Intermediario extends Timestamped {
  @PrimaryKey({ type: 'string', length: 11 })
  idIntermediario!: string;

  @Property({ type: 'string', length: 255 })
  denominazione!: string;

  /** The principal the Nodo authenticates as when it calls the station. */
  @Index()
  @Property({ type: 'string', length: 255 })
  principalPagoPa!: string;

  @Property({ type: JsonDocument })
  servizioPagoPa!: Record<string, unknown>;

  /** Optional connectors GovPay keeps per intermediario (FTP, RT recovery, ACA, GPD, FR, backoffice EC). */
  @Property({ type: JsonDocument, nullable: true })
  altriServizi?: Record<string, unknown> | null;

  @Property({ type: 'boolean' })
  abilitato: boolean = true;

  @OneToMany(() => Stazione, (s) => s.intermediario)
  stazioni = new Collection<Stazione>(this);
}

/** The pagoPA interface a stazione speaks: V1 (paGetPayment, paSendRT) or V2 (paGetPaymentV2, paSendRTV2). */
export const VERSIONI_STAZIONE = ['V1', 'V2'] as const;
export type VersioneStazione = (typeof VERSIONI_STAZIONE)[number];

/** A station of an intermediario: the SOAP endpoint the Nodo calls for the domini bound to it. */
@Entity({ tableName: 'stazioni' })
export class Stazione extends Timestamped {
  @PrimaryKey({ type: 'string', length: 14 })
  idStazione!: string;

  @ManyToOne(() => Intermediario, { deleteRule: 'restrict', fieldName: 'id_intermediario' })
  intermediario!: Intermediario;

  /** scrypt hash of the password the Nodo sends with each call. */
  @Property({ type: 'string', length: 255, nullable: true, hidden: true })
  passwordHash?: string | null;

  @Property({ type: 'string', length: 2 })
  versione: VersioneStazione = 'V2';

  @Property({ type: 'boolean' })
  abilitato: boolean = true;

  /** The two digits after the underscore: the application code of the IUVs issued through this station. */
  get applicationCode(): string {
    return this.idStazione.slice(this.idStazione.indexOf('_') + 1);
  }
}
