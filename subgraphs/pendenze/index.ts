import { buildSubgraph, type BuiltSubgraph } from '../runtime/build-subgraph';
import { pendenzeResolvers, referenceResolvers } from './graphql/resolvers';

export const PENDENZE = 'pendenze';

/** The pendenze subgraph: debt positions, their voci, numeri avviso. */
export function buildPendenzeSubgraph(): Promise<BuiltSubgraph> {
  return buildSubgraph([...pendenzeResolvers], referenceResolvers);
}
