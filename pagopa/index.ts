/**
 * The pagoPA connector. The station (paForNode server): mount `stationRouter({ service,
 * authenticate: stationAuthenticator(orm, config.auth), log, bodyLimit: config.pagopa.stationBodyLimit })`
 * at STATION_PATH. Checkout: `pagamentiHost(config, log, publicBaseUrl)` hands the pagamenti subgraph
 * the client that opens carts; mount `returnRouter({ em, secret, log })` at RITORNO_PATH.
 */
export { stationAuthenticator, type StationAuthenticate } from './station/auth';
export { STATION_PATH, stationRouter, type StationRouterOptions } from './station/router';
export { CheckoutClient, pagamentiHost, returnRouter, RITORNO_PATH } from './checkout';
