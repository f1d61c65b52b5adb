import { buildSubgraph, type BuiltSubgraph } from '../runtime/build-subgraph';
import { pagamentiResolvers, referenceResolvers } from './graphql/resolvers';

export const PAGAMENTI = 'pagamenti';

/** The pagamenti subgraph: payment attempts (RPP) and their receipts, and the attempts of each pendenza. */
export function buildPagamentiSubgraph(): Promise<BuiltSubgraph> {
  return buildSubgraph([...pagamentiResolvers], referenceResolvers);
}
