// What the giornale context publishes to the rest of the hub: the giornaleEventi in force, which
// the gateway's journal re-reads every few seconds.
export { leggiGiornaleEventi } from './domain/configurazione';
