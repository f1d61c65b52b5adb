import type { Config } from '../../core/config';
import type { Journal } from '../../core/journal';
import type { Logger } from '../../core/logger';
import type { PagamentiHost } from '../../subgraphs/pagamenti/services';
import { leggiRicevuta } from '../station/receipt-reader';
import { CheckoutClient } from './client';

/**
 * What the pagamenti context needs to start payments, from the configuration: pagoPA Checkout's
 * client, the hub's public address (a function: the edge knows its own port only once it
 * listens), the shared secret the return tokens are signed with, the sessions' lifetime; and the
 * reader of the receipts operators upload, with the station's XSD checks.
 */
export function pagamentiHost(config: Config, log: Logger, publicBaseUrl: () => string, journal?: Journal): PagamentiHost {
  return {
    checkout: new CheckoutClient({ ...config.checkout, journal }),
    publicBaseUrl,
    secret: config.internalPrincipal.secret,
    sessionTimeoutMs: config.pagamenti.sessionTimeoutMs,
    verifyTimeoutMs: config.ente.verifyTimeoutMs,
    leggiRicevuta,
    log,
  };
}
