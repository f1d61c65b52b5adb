import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { ContoAccredito, Dominio } from './dominio';
import { Timestamped } from './timestamped';

/** How a revenue is accounted (GovPay's tipoContabilita, pagoPA's transfer category): an entrata's, and an IBAN voce's. */
export const TIPI_CONTABILITA = ['CAPITOLO', 'SPECIALE', 'SIOPE', 'ALTRO'] as const;
export type TipoContabilita = (typeof TIPI_CONTABILITA)[number];

/** A kind of revenue (tipo entrata), defined once for the whole hub. */
@Entity({ tableName: 'tipi_entrata' })
export class TipoEntrata extends Timestamped {
  @PrimaryKey({ type: 'string', length: 35 })
  idEntrata!: string;

  @Property({ type: 'string', length: 255 })
  descrizione!: string;

  @Property({ type: 'string', length: 16 })
  tipoContabilita!: TipoContabilita;

  @Property({ type: 'string', length: 255 })
  codiceContabilita!: string;
}

/** A revenue enabled for one dominio, credited to one of its accounts. */
@Entity({ tableName: 'entrate_dominio' })
@Unique({ properties: ['dominio', 'tipoEntrata'] })
export class EntrataDominio extends Timestamped {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Dominio, { deleteRule: 'cascade', fieldName: 'id_dominio' })
  dominio!: Dominio;

  @ManyToOne(() => TipoEntrata, { deleteRule: 'restrict', fieldName: 'id_entrata' })
  tipoEntrata!: TipoEntrata;

  @ManyToOne(() => ContoAccredito, { deleteRule: 'restrict' })
  ibanAccredito!: ContoAccredito;

  @ManyToOne(() => ContoAccredito, { deleteRule: 'restrict', nullable: true })
  ibanAppoggio?: ContoAccredito | null;

  /** Overrides the tipo entrata's accounting codes for this dominio when set. */
  @Property({ type: 'string', length: 16, nullable: true })
  tipoContabilita?: TipoContabilita | null;

  @Property({ type: 'string', length: 255, nullable: true })
  codiceContabilita?: string | null;

  @Property({ type: 'boolean' })
  abilitato: boolean = true;
}
