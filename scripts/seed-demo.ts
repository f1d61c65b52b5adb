import 'reflect-metadata';
import { openDatabase } from '../schema/orm';
import { seedDemo } from '../subgraphs/anagrafica/services';
import { loadConfig } from '../core/config';
import { createLogger } from '../core/logger';

/** `npm run seed:demo`: loads (or restores) the demo configuration on DATABASE_URL, whatever it holds. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel, 'seed-demo');
  const orm = await openDatabase(config.database, log, 2);
  try {
    await seedDemo(orm.em.fork(), config.pagopa.simulatorEnteUrl);
    log.info({ database: config.database.dialect }, 'demo configuration loaded');
  } finally {
    await orm.close(true);
  }
}

main().catch((e) => {
  console.error('seed:demo failed:', e instanceof Error ? e.message : e);
  process.exit(1);
});
