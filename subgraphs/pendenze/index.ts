import { buildSubgraph, type BuiltSubgraph } from '../runtime/build-subgraph';
import { nodeIdResolvers, nodeReferenceResolvers } from './graphql/node-ids';
export { nodeReaders as PENDENZE_NODES } from './graphql/node-ids';
import { pendenzeResolvers } from './graphql/resolvers';

export const PENDENZE = 'pendenze';

/** The pendenze subgraph: debt positions, their voci, numeri avviso. */
export function buildPendenzeSubgraph(): Promise<BuiltSubgraph> {
  return buildSubgraph([...pendenzeResolvers, ...nodeIdResolvers], nodeReferenceResolvers);
}
