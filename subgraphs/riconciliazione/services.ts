// What the riconciliazione context publishes to the rest of the hub: storing an acquired flow
// (pagopa/ acquires them), and recording the riscossioni of an accepted receipt (the pagamenti
// station calls it inside the receipt's transaction).
export * from './domain/flussi/flusso-acquisito';
export { registraFlusso } from './domain/flussi/registra-flusso';
export { registraRiscossioni, type RicevutaRiscossa, type TrasferimentoRiscosso } from './domain/incassi/riscossioni-ricevuta';
export { chiaveRevisione, revisioniNote } from './domain/flussi/revisioni-note';
