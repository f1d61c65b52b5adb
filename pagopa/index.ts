/**
 * The pagoPA connector. The station (paForNode server): mount `stationRouter({ service,
 * authenticate: stationAuthenticator(orm, config.auth), log, bodyLimit: config.pagopa.stationBodyLimit })`
 * at STATION_PATH. Checkout: `pagamentiHost(config, log, publicBaseUrl)` hands the pagamenti subgraph
 * the client that opens carts; mount `returnRouter({ em, secret, log })` at RITORNO_PATH.
 * Reporting flows: `rendicontazioni(config.rendicontazioni, { em, registra, owner, log, registry })`
 * acquires them on demand (`acquisisci`, for the riconciliazione subgraph's mutation) and periodically.
 */
export { stationAuthenticator, type StationAuthenticate } from './station/auth';
export { STATION_PATH, stationRouter, type StationRouterOptions } from './station/router';
export { CheckoutClient, pagamentiHost, returnRouter, RITORNO_PATH } from './checkout';
export { rendicontazioni, type Rendicontazioni, type EsitoAcquisizione } from './rendicontazione';
