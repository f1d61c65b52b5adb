// What the pagamenti context publishes to the rest of the hub: the station's domain and its
// faults (pagopa/ serves them to the Nodo), the outbox worker the edge runs, the esiti REST
// filters by, the kinds of Soggetto it checks a versante's against, and for payments started on a portal: the Checkout port its host implements, the
// return from Checkout the edge serves, the sweep of abandoned carts, the reading of GovPay's
// cart items REST maps onto the graph, a session's global id out of GovPay's idPagamento (REST's
// paths name sessions by it), and the columns of a receipt's row for bulk writers
// and the station's read of a pendenza (benches). Anything else in this folder is the context's own.
export { PAA_FAULTS, PagoPaFault, type PaaFaultCode } from './domain/faults';
export { OutboxWorker } from './domain/outbox-worker';
export { RPP_COLUMNS } from './domain/ricevute';
export { ESITI_RPP } from './domain/rpp';
export { TIPI_SOGGETTO } from '../../schema/entities';
export { posizioneStatement } from './domain/posizione';
export { IN_CORSO as SESSIONE_IN_CORSO } from './domain/sessioni/attivazione';
export { sessioneDellaRicevuta } from './domain/sessioni/ricevute';
export { PagamentiStation } from './domain/station';
export type { LettoreRicevute, RicevutaLetta, SendRTRequest, StationCaller, StationService } from './domain/station-types';
export type { PagamentiHost, PagamentoAvviato } from './domain/sessioni/avvio';
export type { Cart, CartNotice, CartOpener } from './domain/sessioni/checkout-port';
export { pagamentoGlobalId } from './domain/sessioni/identificativo';
export { formeGovPay } from './domain/sessioni/nuovo-pagamento';
export { registraRitorno, RITORNO_PATH } from './domain/sessioni/ritorno';
export { ChiusuraSessioniScadute } from './domain/sessioni/scadenze';
