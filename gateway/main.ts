import 'reflect-metadata';
import { ConfigError, loadConfig } from '../core/config';
import { createLogger } from '../core/logger';
import { STATION_PATH } from '../pagopa';
import { CHECKOUT_API_BASE, createSimulator, type Simulator } from '../simulator';
import { DEMO } from '../subgraphs/anagrafica/services';
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
  let simulator: Simulator | undefined;
  if (config.pagopa.simulator) {
    // The demo's Nodo: it calls this hub's station with the demo intermediario's credentials.
    simulator = createSimulator({
      stationUrl: `http://127.0.0.1:${port}${STATION_PATH}`,
      nodoAuth: { user: DEMO.nodo.principal, password: DEMO.nodo.password },
      fdrApiKey: config.rendicontazioni.fdr.apiKey,
      logger: log.child({ component: 'simulator' }),
    });
    const host = config.pagopa.simulatorHost;
    const simulatorPort = await simulator.listen(config.pagopa.simulatorPort, host);
    log.info(
      { simulatorPort, host, checkoutUrl: `http://${host}:${simulatorPort}${CHECKOUT_API_BASE}` },
      `pagoPA simulator ready: http://${host}:${simulatorPort}/ (control API under /api, pagoPA Checkout's API at ${CHECKOUT_API_BASE}/carts)`,
    );
    if (config.env === 'production') {
      log.warn(
        { simulatorPort, host },
        'SIMULATOR_ENABLED in production: the pagoPA simulator is running and its unauthenticated control API can pay any pendenza of this hub',
      );
    }
  }

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
    await simulator?.close();
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
