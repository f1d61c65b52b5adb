import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A named job that one instance at a time may run (the acquisition of reporting flows): the
 * instance that holds the row's lease until `scadenza` runs it, the others skip their turn. One
 * row per name, taken with a conditional UPDATE, so any number of instances can race for it.
 */
@Entity({ tableName: 'leases' })
export class Lease {
  @PrimaryKey({ type: 'string', length: 50 })
  nome!: string;

  @Property({ type: 'string', length: 100, nullable: true })
  owner?: string | null;

  @Property({ type: 'Date', length: 3, nullable: true })
  scadenza?: Date | null;
}
