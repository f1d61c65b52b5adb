import { Utils, type EntityClass, type EntityManager, type EntityProperty, type Transaction } from '@mikro-orm/core';
import { runStatement } from './native-statement';

/** A row to insert, by property name; a ManyToOne takes the referenced primary key. */
export type Row<T> = { [K in keyof T]?: unknown };

/** Below SQLite's default limit of bound parameters per statement (32766) and MySQL's (65535). */
const MAX_PARAMETERS = 30000;

interface Column {
  prop: EntityProperty;
  name: string;
}

/**
 * A multi-row INSERT compiled once from an entity's metadata, for the write paths that must be
 * fast (loading pendenze one by one or a hundred thousand at a time). Values are converted the way
 * MikroORM itself writes them (the property's type, the platform's dates, JSON documents), so the
 * rows read back through the ORM like any other; the unit of work and the query builder, which
 * cost several times the statement itself, are skipped.
 */
export class RowInserter<T extends object> {
  private readonly table: string;
  private readonly columns: Column[];

  constructor(em: EntityManager, entity: EntityClass<T>, props: readonly (keyof T & string)[]) {
    const meta = em.getMetadata().get(entity.name);
    const platform = em.getPlatform();
    this.table = platform.quoteIdentifier(meta.tableName);
    this.columns = props.map((name) => {
      const prop = meta.properties[name as keyof typeof meta.properties] as EntityProperty | undefined;
      if (!prop?.fieldNames || prop.fieldNames.length !== 1)
        throw new Error(`RowInserter: ${entity.name}.${name} is not a single-column property`);
      return { prop, name: platform.quoteIdentifier(prop.fieldNames[0]) };
    });
  }

  /**
   * Inserts the rows, as few statements as the databases' limits on bound parameters allow;
   * returns the first generated id (which only single-row inserts rely on).
   */
  async insert(em: EntityManager, rows: Row<T>[], ctx: Transaction | undefined = em.getTransactionContext()): Promise<number> {
    const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / this.columns.length));
    let firstId = 0;
    for (let i = 0; i < rows.length; i += perStatement) {
      const id = await this.statement(em, rows.slice(i, i + perStatement), ctx);
      if (i === 0) firstId = id;
    }
    return firstId;
  }

  private async statement(em: EntityManager, rows: Row<T>[], ctx: Transaction | undefined): Promise<number> {
    const platform = em.getPlatform();
    const placeholders = `(${this.columns.map(() => '?').join(', ')})`;
    const params: unknown[] = [];
    for (const row of rows) for (const c of this.columns) params.push(toDatabase(c.prop, row[c.prop.name as keyof T], platform));
    const sql = `insert into ${this.table} (${this.columns.map((c) => c.name).join(', ')}) values ${rows.map(() => placeholders).join(', ')}`;
    return (await runStatement(em, sql, params, 'run', ctx)).insertId;
  }
}

function toDatabase(prop: EntityProperty, value: unknown, platform: ReturnType<EntityManager['getPlatform']>): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return platform.processDateProperty(value);
  if (prop.customType)
    return prop.customType.convertToDatabaseValue(value, platform, { fromQuery: true, key: prop.name, mode: 'query-data' });
  if (Array.isArray(value) || Utils.isPlainObject(value)) return JSON.stringify(value);
  return value;
}
