import { buildSubgraph, type BuiltSubgraph } from '../runtime/build-subgraph';
import { readerOf, type NodeReaders } from '../runtime/node';
import { GiornaleResolver, giornaleReferenceResolvers, type GiornaleHost } from './graphql/resolvers';

export const GIORNALE = 'giornale';
export type { GiornaleHost } from './graphql/resolvers';

/** Its Node type: an event's reference reads it as evento(id:) does. */
export const GIORNALE_NODES: NodeReaders = { Evento: readerOf(giornaleReferenceResolvers.Evento.__resolveReference) };

/**
 * The giornale subgraph: GovPay's Giornale degli Eventi (the exchanges the hub recorded) and the
 * hub's runtime settings (GovPay's Configurazione). `host` brings the configured defaults.
 */
export function buildGiornaleSubgraph(host?: GiornaleHost): Promise<BuiltSubgraph> {
  return buildSubgraph([GiornaleResolver], giornaleReferenceResolvers as never, host ? [new GiornaleResolver(host)] : []);
}
