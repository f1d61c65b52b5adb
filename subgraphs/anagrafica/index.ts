import { buildSubgraph, type BuiltSubgraph } from '../runtime/build-subgraph';
import { anagraficaResolvers, referenceResolvers } from './graphql/resolvers';

export const ANAGRAFICA = 'anagrafica';

/** The anagrafica subgraph: intermediari, stazioni, domini and their configuration, utenze. */
export function buildAnagraficaSubgraph(): Promise<BuiltSubgraph> {
  return buildSubgraph([...anagraficaResolvers], referenceResolvers);
}
