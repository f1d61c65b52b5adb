import { JsonDocument } from './json-document';
import { Entity, PrimaryKeyProp, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Stazione } from './intermediario';
import { Timestamped } from './timestamped';

/** An Ente Creditore (creditor body), identified by its 11-digit codice fiscale. */
@Entity({ tableName: 'domini' })
export class Dominio extends Timestamped {
  [PrimaryKeyProp]?: 'idDominio';

  @PrimaryKey({ type: 'string', length: 11 })
  idDominio!: string;

  @Property({ type: 'string', length: 255 })
  ragioneSociale!: string;

  @Property({ type: JsonDocument, nullable: true })
  recapiti?: Recapiti | null;

  @Property({ type: 'string', length: 13 })
  gln!: string;

  @Property({ type: 'string', length: 5, nullable: true })
  cbill?: string | null;

  @Property({ type: 'string', length: 255, nullable: true })
  iuvPrefix?: string | null;

  @ManyToOne(() => Stazione, { deleteRule: 'restrict', fieldName: 'id_stazione' })
  stazione!: Stazione;

  @Property({ type: 'string', length: 1 })
  auxDigit: string = '0';

  @Property({ type: 'string', length: 2, nullable: true })
  segregationCode?: string | null;

  @Property({ type: 'text', nullable: true, lazy: true })
  logo?: string | null;

  @Property({ type: 'boolean' })
  abilitato: boolean = true;

  @Property({ type: 'string', length: 255, nullable: true })
  autStampaPosteItaliane?: string | null;

  @Property({ type: 'string', length: 255, nullable: true })
  area?: string | null;

  @Property({ type: 'boolean' })
  intermediato: boolean = true;

  @Property({ type: 'boolean' })
  scaricaFr: boolean = true;

  /** Where payments of its pendenze return when neither the request nor the portal names an address (§7.2). */
  @Property({ type: 'string', length: 1024, nullable: true })
  urlRitorno?: string | null;
}

/** Postal and contact details shared by domini and unità operative. */
export interface Recapiti {
  indirizzo?: string;
  civico?: string;
  cap?: string;
  localita?: string;
  provincia?: string;
  nazione?: string;
  email?: string;
  pec?: string;
  tel?: string;
  fax?: string;
  web?: string;
}

/** An operating unit (office) of a dominio. */
@Entity({ tableName: 'unita_operative' })
@Unique({ properties: ['dominio', 'idUnita'] })
export class UnitaOperativa extends Timestamped {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Dominio, { deleteRule: 'cascade', fieldName: 'id_dominio' })
  dominio!: Dominio;

  @Property({ type: 'string', length: 35 })
  idUnita!: string;

  @Property({ type: 'string', length: 255 })
  ragioneSociale!: string;

  @Property({ type: JsonDocument, nullable: true })
  recapiti?: Recapiti | null;

  @Property({ type: 'string', length: 255, nullable: true })
  area?: string | null;

  @Property({ type: 'boolean' })
  abilitato: boolean = true;
}

/** A bank or postal account the dominio is credited on. */
@Entity({ tableName: 'conti_accredito' })
@Unique({ properties: ['dominio', 'iban'] })
export class ContoAccredito extends Timestamped {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Dominio, { deleteRule: 'cascade', fieldName: 'id_dominio' })
  dominio!: Dominio;

  @Property({ type: 'string', length: 34 })
  iban!: string;

  @Property({ type: 'string', length: 11, nullable: true })
  bic?: string | null;

  @Property({ type: 'boolean' })
  postale: boolean = false;

  @Property({ type: 'boolean' })
  mybank: boolean = false;

  @Property({ type: 'boolean' })
  abilitato: boolean = true;

  @Property({ type: 'string', length: 255, nullable: true })
  descrizione?: string | null;

  @Property({ type: 'string', length: 255, nullable: true })
  intestatario?: string | null;

  @Property({ type: 'string', length: 255, nullable: true })
  autStampaPosteItaliane?: string | null;
}
