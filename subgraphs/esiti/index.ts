import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import type { BuiltSubgraph } from '../runtime/build-subgraph';
import { subscriptionResolvers, type EsitiHost } from './resolvers';
import { esitiSdl } from './sdl';
import { TOPICS } from './topics';

export const ESITI = 'esiti';
export type { EsitiHost } from './resolvers';

/**
 * The esiti subgraph: the graph's `Subscription` (live esiti), described here so that the
 * supergraph carries it. The hub's own graphql-ws server serves it (gateway/subscriptions); served
 * alone with `host` (subgraphs/serve.ts), the subgraph resolves it itself for a Federation gateway
 * that supports subscriptions. It has no queries: every result is another subgraph's entity.
 */
export async function buildEsitiSubgraph(host?: EsitiHost): Promise<BuiltSubgraph> {
  const sdl = esitiSdl(TOPICS);
  const resolvers = host ? { Subscription: subscriptionResolvers(TOPICS, host) } : {};
  return { schema: buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: resolvers as never }), sdl };
}
