import { Supergraph } from '@apollo/federation-internals';
import type { GraphQLError, GraphQLSchema } from 'graphql';
import type { EventBus } from '../../core/events';
import type { Logger } from '../../core/logger';
import { type Principal, requireRight } from '../../core/principal';
import { eventQuery } from './event-query';
import type { EventReader } from './event-reader';
import { delivers, eventStream, type Topic } from '../../subgraphs/esiti/services';

/** One open subscription, as the rights check sees it. */
export interface HeldSubscription {
  topic: Topic;
  args: Record<string, unknown>;
  /** Ends it with this error as its last result. */
  end(error: GraphQLError): void;
}

/**
 * What a subscription knows of its subscriber: authenticated at connection, re-checked while it
 * stays open (the principal is replaced when its rights change, see rights-check.ts).
 */
export interface SubscriberContext {
  principal: Principal;
  /** The principal as a string, to tell the subscribers that may share one read of an event. */
  principalKey: string;
  subscriptions: Set<HeldSubscription>;
}

export interface SubscriptionSchema {
  schema: GraphQLSchema;
  /** The topics offered: those whose field is on the supergraph's `Subscription` and whose query field it has. */
  topics: Topic[];
  /** How many subscriptions are open now. */
  open(): number;
}

/**
 * What clients see of the graph: the supergraph's API schema, without the federation and join
 * machinery, whose `Subscription` the esiti subgraph describes. The schema reference and
 * api.graphql are generated from it; the WebSocket endpoint makes its subscriptions live.
 */
export const apiSchema = (supergraphSdl: string): GraphQLSchema => Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();

/**
 * The graph's API schema, with each field of a live topic made live here. Each field's source
 * stream is the bus, filtered for the subscriber, with each event already read
 * through the graph for the subscriber's selection and keyed by the field's response key: it is
 * the result's `data` as it stands (see `eventResults`), so nothing is executed per subscriber.
 */
export function subscriptionSchema(
  supergraphSdl: string,
  all: Topic[],
  bus: EventBus,
  reader: EventReader,
  maxPending: number,
  log: Logger,
): SubscriptionSchema {
  const schema = apiSchema(supergraphSdl);
  const queries = schema.getQueryType()?.getFields() ?? {};
  const subscription = schema.getSubscriptionType()?.getFields() ?? {};
  // A topic is live when the supergraph has its field on Subscription and the query that reads its events.
  const topics = all.filter((t) => subscription[t.field] && queries[t.query.field]);
  let open = 0;
  const count = () => open;
  for (const topic of topics) {
    const field = subscription[topic.field];
    field.subscribe = (_root, args: Record<string, unknown>, ctx: SubscriberContext, info) => {
      requireRight(ctx.principal, topic.right, 'R');
      const { query, variablesFor } = eventQuery(topic, info);
      let groupOf = ctx.principalKey;
      let group = `${groupOf}\n${query}`;
      const key = info.path.key;
      open += 1;
      const held: HeldSubscription = { topic, args, end: (error) => stream.fail(error) };
      const stream = eventStream(
        bus,
        (e) => {
          if (!delivers(topic, e, args, ctx.principal)) return undefined;
          if (groupOf !== ctx.principalKey) group = `${(groupOf = ctx.principalKey)}\n${query}`;
          return reader
            .read(e, group, query, variablesFor(e), ctx.principal)
            .then((node) => (node === undefined ? undefined : { [key]: node }));
        },
        { maxPending, log },
        () => {
          open -= 1;
          ctx.subscriptions.delete(held);
        },
      );
      ctx.subscriptions.add(held);
      return stream;
    };
  }
  return { schema, topics, open: count };
}
