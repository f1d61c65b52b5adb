import { MikroORM } from '@mikro-orm/core';
import { mysqlFlavor, ormOptions } from '../schema/orm';
import { loadConfig } from '../core/config';
import { dialect, scratchDatabase } from './helpers/database';

/** The migrations of the suite's dialect reach exactly the schema the entities describe. */
it(`migrations bring an empty ${dialect} database to the entities' schema`, async () => {
  const db = await scratchDatabase();
  const config = loadConfig({ DATABASE_URL: db.url }).database;
  const flavor = config.dialect === 'mysql' ? await mysqlFlavor(config.url) : undefined;
  const orm = await MikroORM.init(ormOptions(config, 1, flavor));
  try {
    const applied = await orm.getMigrator().up();
    expect(applied.length).toBeGreaterThan(0);
    const pending = await orm.schema.getUpdateSchemaSQL({ wrap: false });
    expect(pending.trim()).toBe('');
    expect(await orm.getMigrator().getPendingMigrations()).toEqual([]);
  } finally {
    await orm.close(true);
    await db.drop();
  }
});
