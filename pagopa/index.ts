/**
 * The pagoPA connector. The station (paForNode server): mount `stationRouter({ service,
 * authenticate: stationAuthenticator(orm, config.auth), log, bodyLimit: config.pagopa.stationBodyLimit })`
 * at STATION_PATH.
 */
export { stationAuthenticator, type StationAuthenticate } from './station/auth';
export { STATION_PATH, stationRouter, type StationRouterOptions } from './station/router';
