import { BigIntType, Entity, Index, PrimaryKey, Property, type EntityProperty, type Platform } from '@mikro-orm/core';
import { JsonDocument } from './json-document';

/**
 * A 64-bit auto-increment key: `bigint` on MySQL/MariaDB (a journal outgrows 32 bits); on SQLite the
 * only auto-increment key is `integer primary key`, 64-bit there too, and the schema comparison must
 * be told so, or it finds the table changed after every migration.
 */
class AutoIncrementBigInt extends BigIntType<'number'> {
  override getColumnType(prop: EntityProperty, platform: Platform): string {
    return platform.getIntegerTypeDeclarationSQL(prop) === 'integer' ? 'integer' : super.getColumnType(prop, platform);
  }
}

/**
 * One exchange of GovPay's Giornale degli Eventi: a REST call, a SOAP operation at the station or
 * towards the Nodo, a call to an Ente's system or to Checkout, with its esito, duration, the parties,
 * what it concerns and (as the configuration asks) the request and response. Written in batches off
 * the request path; read by the Backoffice's /eventi, newest first; purged after the retention.
 */
@Entity({ tableName: 'eventi' })
@Index({ properties: ['data'] })
@Index({ properties: ['idDominio', 'iuv'] })
@Index({ properties: ['idA2A', 'idPendenza'] })
@Index({ properties: ['componente', 'data'] })
export class Evento {
  @PrimaryKey({ type: new AutoIncrementBigInt('number'), autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 35 })
  componente!: string;

  @Property({ type: 'string', length: 20 })
  categoriaEvento!: string;

  @Property({ type: 'string', length: 10 })
  ruolo!: string;

  @Property({ type: 'string', length: 100 })
  tipoEvento!: string;

  @Property({ type: 'string', length: 100, nullable: true })
  sottotipoEvento?: string | null;

  @Property({ type: 'string', length: 4 })
  esito!: string;

  @Property({ type: 'string', length: 60, nullable: true })
  sottotipoEsito?: string | null;

  @Property({ type: 'string', length: 1000, nullable: true })
  dettaglioEsito?: string | null;

  /** When the exchange started (UTC). */
  @Property({ type: 'Date', length: 3 })
  data!: Date;

  @Property({ type: 'integer' })
  durataEvento!: number;

  @Property({ type: 'string', length: 35, nullable: true })
  idDominio?: string | null;

  @Property({ type: 'string', length: 35, nullable: true })
  iuv?: string | null;

  @Property({ type: 'string', length: 35, nullable: true })
  ccp?: string | null;

  @Property({ type: 'string', length: 35, nullable: true })
  idA2A?: string | null;

  @Property({ type: 'string', length: 35, nullable: true })
  idPendenza?: string | null;

  /** The payment session it concerns (GovPay's idSessione, the Backoffice's idPagamento). */
  @Property({ type: 'string', length: 100, nullable: true })
  idSessione?: string | null;

  /** Who called (the authenticated principal), for the hub's own servers. */
  @Property({ type: 'string', length: 255, nullable: true })
  principal?: string | null;

  @Property({ type: 'integer', nullable: true })
  severita?: number | null;

  /** The instance that recorded it (GovPay's clusterId). */
  @Property({ type: 'string', length: 100, nullable: true })
  clusterId?: string | null;

  /** Lazy, as the response: a list loads them only when asked (the Backoffice's messaggi=true). */
  @Property({ type: JsonDocument, nullable: true, lazy: true })
  parametriRichiesta?: Record<string, unknown> | null;

  @Property({ type: JsonDocument, nullable: true, lazy: true })
  parametriRisposta?: Record<string, unknown> | null;
}
