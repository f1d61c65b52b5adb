import { buildSubgraph, type BuiltSubgraph } from '../runtime/build-subgraph';
import type { NodeReaders } from '../runtime/node';
import { NodeResolver } from './graphql/resolvers';
import { declareNodeTypes } from './graphql/types';

export const NODE = 'node';

/**
 * The node subgraph: the Node entity interface and node(id:) / nodes(ids:) over the types the
 * other subgraphs publish with their readers. It answers { __typename, id } once the type's own
 * query has read the object for the caller; the gateway asks the type's subgraph for the rest.
 */
export function buildNodeSubgraph(readers: NodeReaders): Promise<BuiltSubgraph> {
  declareNodeTypes(Object.keys(readers));
  return buildSubgraph([NodeResolver], {}, [new NodeResolver(readers)]);
}
