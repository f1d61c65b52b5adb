import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { JsonDocument } from './json-document';

/**
 * One section of the hub's runtime settings (GovPay's Configurazione: giornaleEventi, tracciatoCsv,
 * hardening…), by name, as the Backoffice's /configurazioni wrote it. Sections never written read
 * as the defaults of core/config.ts.
 */
@Entity({ tableName: 'configurazioni' })
export class Configurazione {
  @PrimaryKey({ type: 'string', length: 50 })
  nome!: string;

  @Property({ type: JsonDocument })
  valore!: Record<string, unknown>;

  @Property({ type: 'Date', length: 3 })
  aggiornata: Date = new Date();
}
