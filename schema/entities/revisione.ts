import { BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One row whose counter every change to the anagrafica increments in that change's own
 * transaction. Caches of the configuration (in any instance) compare it to know they are stale,
 * so a disabled dominio or a changed IBAN takes effect at once everywhere.
 */
@Entity({ tableName: 'anagrafica_revisione' })
export class AnagraficaRevisione {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id!: number;

  @Property({ type: new BigIntType('number') })
  revisione!: number;
}
