import 'reflect-metadata';
import { ConfigError, loadConfig } from '../subgraphs/shared/config';
import { createLogger } from '../subgraphs/shared/logger';
import { createHub } from './app';

/** `npm start`: the whole hub in one process, stopped gracefully on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const hub = await createHub(config, log);
  const { port, subgraphPort } = await hub.listen();
  log.info(
    { port, subgraphPort, database: config.database.dialect },
    `GovPay Hub ready: http://localhost:${port}/graphql and GovPay REST under http://localhost:${port}/govpay/`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing requests in flight');
    const timer = setTimeout(() => {
      log.error('shutdown timed out, exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    timer.unref();
    await hub.close();
    log.info('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((e) => {
  if (e instanceof ConfigError) {
    console.error(e.message);
  } else {
    console.error('GovPay Hub failed to start:', e);
  }
  process.exit(1);
});
