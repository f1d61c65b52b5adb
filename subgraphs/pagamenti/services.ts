// What the pagamenti context publishes to the rest of the hub: the station's domain and its
// faults (pagopa/ serves them to the Nodo), the outbox worker the edge runs, and the esiti REST
// filters by. Anything else in this folder is the context's own.
export { PAA_FAULTS, PagoPaFault, type PaaFaultCode } from './domain/faults';
export { OutboxWorker } from './domain/outbox-worker';
export { ESITI_RPP } from './domain/rpp';
export { PagamentiStation } from './domain/station';
export type { SendRTRequest, StationCaller, StationService } from './domain/station-types';
