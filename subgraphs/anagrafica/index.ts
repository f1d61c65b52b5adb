import { buildSubgraph, type BuiltSubgraph } from '../runtime/build-subgraph';
import { nodeIdResolvers, nodeReferenceResolvers } from './graphql/node-ids';
export { nodeReaders as ANAGRAFICA_NODES } from './graphql/node-ids';
import { anagraficaResolvers } from './graphql/resolvers';

export const ANAGRAFICA = 'anagrafica';

/** The anagrafica subgraph: intermediari, stazioni, domini and their configuration, utenze. */
export function buildAnagraficaSubgraph(): Promise<BuiltSubgraph> {
  return buildSubgraph([...anagraficaResolvers, ...nodeIdResolvers], nodeReferenceResolvers);
}
