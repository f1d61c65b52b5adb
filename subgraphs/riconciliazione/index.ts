import { buildSubgraph, type BuiltSubgraph } from '../runtime/build-subgraph';
import { readerOf, type NodeReaders } from '../runtime/node';
import { AcquisizioneResolver, type RiconciliazioneHost } from './graphql/acquisizione-resolver';
import { flussiReferenceResolvers, flussiResolvers } from './graphql/flussi-resolvers';
import { incassiReferenceResolvers, incassiResolvers } from './graphql/incassi-resolvers';

export const RICONCILIAZIONE = 'riconciliazione';
export type { EsitoAcquisizioneFlussi, RiconciliazioneHost } from './graphql/acquisizione-resolver';

/** Its Node types, keyed by their global id from the start: their references read as their own queries do. */
export const RICONCILIAZIONE_NODES: NodeReaders = {
  FlussoRendicontazione: readerOf(flussiReferenceResolvers.FlussoRendicontazione.__resolveReference),
  Rendicontazione: readerOf(flussiReferenceResolvers.Rendicontazione.__resolveReference),
  Riconciliazione: readerOf(incassiReferenceResolvers.Riconciliazione.__resolveReference),
  Riscossione: readerOf(incassiReferenceResolvers.Riscossione.__resolveReference),
};

/**
 * The riconciliazione subgraph: the reporting flows PSPs publish (flussi di rendicontazione and
 * their lines), the bank entries matched to them (riconciliazioni / incassi) and the riscossioni
 * they settle. `host` brings the acquisition of flows (pagopa/); without it, as for the schema's
 * artefacts, the on-demand run refuses.
 */
export function buildRiconciliazioneSubgraph(host?: RiconciliazioneHost): Promise<BuiltSubgraph> {
  return buildSubgraph(
    [...flussiResolvers, ...incassiResolvers, AcquisizioneResolver],
    { ...flussiReferenceResolvers, ...incassiReferenceResolvers },
    [new AcquisizioneResolver(host)],
  );
}
