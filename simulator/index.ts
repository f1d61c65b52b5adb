import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { controlApp } from './api/routes';
import { Checkout } from './checkout/checkout';
import { Ente } from './ente/ente';
import { Nodo, type VerifyOutcome } from './flow/nodo';
import { Flows } from './flows/flows';
import type { CartRecord } from './checkout/cart';
import type { PaymentRecord } from './flow/record';
import type { EnteCallRecord } from './ente/received';
import type { PaymentRequest, VerifyRequest } from './flow/request';
import { resolveOptions, type SimulatorOptions } from './options';
import { StationClient } from './soap/client';
import { SoapTransport } from './soap/transport';
import { XsdValidator } from './xsd/xmllint';

export type { SimulatorOptions } from './options';
export { DEMO_DEFAULTS } from './options';
export type { PaymentRecord, PaymentStatus, VerifiedNotice, Delivery } from './flow/record';
export type { CartRecord, CartNotice, CartStatus } from './checkout/cart';
export { CARTS_PATH, CHECKOUT_API_BASE } from './checkout/routes';
export { NODE_FOR_PA_PATH } from './flows/nodo-routes';
export { FDR_BASE } from './flows/fdr-routes';
export { ENTE_V1_BASE, ENTE_V2_BASE } from './ente/routes';
export type { EnteCallRecord, EnteApi } from './ente/received';
export type { PublishRequest, PublishedSummary } from './flows/flows';
export type { PaymentRequest, VerifyRequest, NodoDefaults } from './flow/request';
export { InvalidRequestError } from './flow/request';
export type { VerifyOutcome } from './flow/nodo';
export type { Step, Timeouts } from './soap/client';
export type { XsdVerdict } from './xsd/xmllint';
export type { StationVersion } from './soap/types';

/**
 * The pagoPA side of the hub's demo and tests: a Nodo dei Pagamenti with a PSP, calling the
 * hub's station over paForNode SOAP, driven through a small JSON control API; pagoPA Checkout,
 * whose page pays an Ente's cart through the same Nodo; and the Ente's own system, which the hub
 * asks to verify notices and notifies of receipts.
 */
export interface Simulator {
  /** The control API and the page, to mount or to listen on. */
  app: Express;
  /** Listens on `port` (0: any free port) and resolves with the port it got. */
  listen(port: number, host?: string): Promise<number>;
  /** Interrupts running payments, closes the server and the connections to the station. */
  close(): Promise<void>;
  /** Plays a payment to its end and resolves with its record. Throws InvalidRequestError on bad input. */
  pay(request: PaymentRequest): Promise<PaymentRecord>;
  /** Starts a payment and returns its record at once (status IN_CORSO); `done` settles at the end. */
  start(request: PaymentRequest): { record: PaymentRecord; done: Promise<void> };
  /** Only the verify of a notice. */
  verify(request: VerifyRequest): Promise<VerifyOutcome>;
  /** The reporting flows it publishes (as POST /api/flows does), for a bench that needs their lines. */
  flows: Flows;
  /** The payments played, newest first (live records: a running one keeps changing). */
  history(): PaymentRecord[];
  /** The carts Checkout was given, newest first (live records, as the payments). */
  carts(): CartRecord[];
  /** The notifications the Ente's system received, newest first. */
  notifiche(): EnteCallRecord[];
}

export function createSimulator(options: SimulatorOptions): Simulator {
  const o = resolveOptions(options);
  const log = o.logger;
  const transport = new SoapTransport(o.stationUrl, o.nodoAuth);
  const client = new StationClient(transport, new XsdValidator(o.xsdPath, o.xmllintPath), o.timeouts, log);
  const nodo = new Nodo({
    client,
    defaults: o.defaults,
    stations: o.stations,
    tokenValidityMs: o.tokenValidityMs,
    retryDelayMs: o.retryDelayMs,
    historyLimit: o.historyLimit,
    log,
  });
  const { idBrokerPA: _broker, idStation: _station, ...nodoPsp } = o.defaults;
  const checkout = new Checkout({ nodo, nodoPsp, historyLimit: o.historyLimit, log });
  const flows = new Flows(() => nodo.history(), o.defaults);
  const ente = new Ente(o.historyLimit);
  const app = controlApp(nodo, checkout, log, {
    ente,
    flows,
    faults: { nodo: null, fdr: null },
    // The Nodo knows the stations it calls, and checks the password it calls them with.
    nodoCredentials: {
      idIntermediarioPA: o.defaults.idBrokerPA,
      stations: [o.defaults.idStation, ...Object.keys(o.stations)],
      password: o.nodoAuth.password,
    },
    fdrApiKey: o.fdrApiKey,
  });
  let server: Server | undefined;

  return {
    app,
    flows,
    listen(port, host = '127.0.0.1') {
      if (server) return Promise.reject(new Error('the simulator is already listening'));
      const s = createServer(app);
      server = s;
      return new Promise((resolve, reject) => {
        s.once('error', reject);
        s.listen(port, host, () => {
          const actual = (s.address() as AddressInfo).port;
          log.info({ port: actual, host, stationUrl: o.stationUrl, xsd: o.xsdPath }, 'pagoPA simulator listening');
          resolve(actual);
        });
      });
    },
    async close() {
      await nodo.close();
      transport.close();
      const s = server;
      server = undefined;
      if (!s?.listening) return;
      await new Promise<void>((resolve, reject) => {
        s.close((e) => (e ? reject(e) : resolve()));
        s.closeAllConnections();
      });
    },
    pay: (request) => nodo.pay(request),
    start: (request) => nodo.start(request),
    verify: (request) => nodo.verify(request),
    history: () => nodo.history(),
    carts: () => checkout.carts.list(),
    notifiche: () => ente.notifiche.list(),
  };
}
