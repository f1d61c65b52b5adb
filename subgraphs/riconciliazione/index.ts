import { buildSubgraph, type BuiltSubgraph } from '../runtime/build-subgraph';
import { AcquisizioneResolver, type RiconciliazioneHost } from './graphql/acquisizione-resolver';
import { flussiReferenceResolvers, flussiResolvers } from './graphql/flussi-resolvers';
import { incassiReferenceResolvers, incassiResolvers } from './graphql/incassi-resolvers';

export const RICONCILIAZIONE = 'riconciliazione';
export type { EsitoAcquisizioneFlussi, RiconciliazioneHost } from './graphql/acquisizione-resolver';

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
