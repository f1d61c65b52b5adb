import { buildSubgraph, type BuiltSubgraph } from '../runtime/build-subgraph';
import { flussiReferenceResolvers, flussiResolvers } from './graphql/flussi-resolvers';
import { incassiReferenceResolvers, incassiResolvers } from './graphql/incassi-resolvers';

export const RICONCILIAZIONE = 'riconciliazione';

/**
 * The riconciliazione subgraph: the reporting flows PSPs publish (flussi di rendicontazione and
 * their lines), the bank entries matched to them (riconciliazioni / incassi) and the riscossioni
 * they settle.
 */
export function buildRiconciliazioneSubgraph(): Promise<BuiltSubgraph> {
  return buildSubgraph([...flussiResolvers, ...incassiResolvers], { ...flussiReferenceResolvers, ...incassiReferenceResolvers });
}
