import { openDatabase } from '../schema/orm';
import { ContoAccredito, Dominio, EntrataDominio, Operatore } from '../schema/entities';
import { isEmpty, seedDemo } from '../subgraphs/anagrafica/domain/demo';
import { loadConfig } from '../core/config';
import { createLogger } from '../core/logger';
import { verifyPassword } from '../core/passwords';
import { scratchDatabase } from './helpers/database';

/** The demo configuration of DESIGN.md §3, loadable any number of times. */
it('loads the demo configuration once, and again without duplicating anything', async () => {
  const db = await scratchDatabase();
  const orm = await openDatabase(loadConfig({ DATABASE_URL: db.url }).database, createLogger('silent'), 2);
  try {
    expect(await isEmpty(orm.em.fork())).toBe(true);
    await seedDemo(orm.em.fork());
    await seedDemo(orm.em.fork());
    const em = orm.em.fork();
    expect(await isEmpty(em)).toBe(false);
    expect(await em.count(Dominio, {})).toBe(1);
    expect(await em.count(ContoAccredito, {})).toBe(2);
    expect(await em.count(EntrataDominio, {})).toBe(3);
    const gpadmin = await em.findOneOrFail(Operatore, { principal: 'gpadmin' });
    expect(gpadmin.passwordHash).not.toContain('Password1!');
    expect(await verifyPassword('Password1!', gpadmin.passwordHash)).toBe(true);

    // Reading must never dirty a row: a flush after loads alone writes nothing.
    const reader = orm.em.fork();
    await reader.find(Dominio, {});
    await reader.find(ContoAccredito, {});
    await reader.find(Operatore, {});
    reader.getUnitOfWork().computeChangeSets();
    expect(reader.getUnitOfWork().getChangeSets()).toEqual([]);
  } finally {
    await orm.close(true);
    await db.drop();
  }
});
