import { JsonDocument } from './json-document';
import { Entity, PrimaryKeyProp, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Dominio } from './dominio';
import { Timestamped } from './timestamped';

/**
 * Optional presentation blocks GovPay keeps on a tipo pendenza (portal forms, mail and App IO
 * notices, CSV layouts). The hub stores and returns them unchanged.
 */
export interface TipoPendenzaLayout {
  portaleBackoffice?: unknown;
  portalePagamento?: unknown;
  avvisaturaMail?: unknown;
  avvisaturaAppIO?: unknown;
  visualizzazione?: unknown;
  tracciatoCsv?: unknown;
}

/** A kind of debt position, defined once for the whole hub. */
@Entity({ tableName: 'tipi_pendenza' })
export class TipoPendenza extends Timestamped {
  [PrimaryKeyProp]?: 'idTipoPendenza';

  @PrimaryKey({ type: 'string', length: 35 })
  idTipoPendenza!: string;

  @Property({ type: 'string', length: 255 })
  descrizione!: string;

  @Property({ type: 'string', length: 3, nullable: true })
  codificaIUV?: string | null;

  @Property({ type: 'boolean' })
  pagaTerzi: boolean = false;

  @Property({ type: 'boolean' })
  abilitato: boolean = true;

  @Property({ type: JsonDocument, nullable: true })
  layout?: TipoPendenzaLayout | null;
}

/** A tipo pendenza enabled for one dominio, with the dominio's own overrides. */
@Entity({ tableName: 'tipi_pendenza_dominio' })
@Unique({ properties: ['dominio', 'tipoPendenza'] })
export class TipoPendenzaDominio extends Timestamped {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Dominio, { deleteRule: 'cascade', fieldName: 'id_dominio' })
  dominio!: Dominio;

  @ManyToOne(() => TipoPendenza, { deleteRule: 'restrict', fieldName: 'id_tipo_pendenza' })
  tipoPendenza!: TipoPendenza;

  @Property({ type: 'string', length: 3, nullable: true })
  codificaIUV?: string | null;

  @Property({ type: 'boolean', nullable: true })
  pagaTerzi?: boolean | null;

  @Property({ type: 'boolean' })
  abilitato: boolean = true;

  @Property({ type: JsonDocument, nullable: true })
  layout?: TipoPendenzaLayout | null;
}
