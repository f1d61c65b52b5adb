import { buildSubgraph, type BuiltSubgraph } from '../runtime/build-subgraph';
import type { PagamentiHost } from './domain/sessioni/avvio';
import { ManutenzioneResolver, manutenzioneReferenceResolvers } from './graphql/manutenzione-resolvers';
import { PagamentoResolver } from './graphql/pagamenti-resolvers';
import { nodeIdResolvers, nodeReferenceResolvers } from './graphql/node-ids';
export { nodeReaders as PAGAMENTI_NODES } from './graphql/node-ids';
import { pagamentiResolvers } from './graphql/resolvers';

export const PAGAMENTI = 'pagamenti';
export type { PagamentiHost } from './domain/sessioni/avvio';

/**
 * The pagamenti subgraph: payment attempts (RPP) and their receipts, the attempts of each
 * pendenza, and the payments started on a portal. Starting one needs `host` (pagoPA Checkout's
 * client and the hub's public address); without it, as for the schema's artefacts, it refuses.
 */
export function buildPagamentiSubgraph(host?: PagamentiHost): Promise<BuiltSubgraph> {
  const references = { ...nodeReferenceResolvers, ...manutenzioneReferenceResolvers };
  return buildSubgraph([...pagamentiResolvers, ManutenzioneResolver, ...nodeIdResolvers], references, [
    new PagamentoResolver(host),
    new ManutenzioneResolver(host),
  ]);
}
