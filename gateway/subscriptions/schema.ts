import { Supergraph } from '@apollo/federation-internals';
import { extendSchema, type GraphQLError, type GraphQLSchema, parse } from 'graphql';
import type { EventBus } from '../../core/events';
import type { Logger } from '../../core/logger';
import { type Principal, requireRight } from '../../core/principal';
import { eventQuery } from './event-query';
import type { EventReader } from './event-reader';
import { eventStream } from './event-stream';
import { delivers, type Topic } from './topics';

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
  /** The topics offered: those whose result type and query field the supergraph has. */
  topics: Topic[];
  /** How many subscriptions are open now. */
  open(): number;
}

/**
 * What clients see of the graph: the supergraph's API schema (without the federation and join
 * machinery) plus `Subscription`, one field per topic whose result type and query field it has.
 * Pure: the schema reference and api.graphql are generated from it, the WebSocket endpoint adds
 * the subscriptions' streams (`subscriptionSchema`).
 */
export function clientSchema(supergraphSdl: string, all: Topic[]): { schema: GraphQLSchema; topics: Topic[] } {
  const api = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
  const queries = api.getQueryType()?.getFields() ?? {};
  const topics = all.filter((t) => api.getType(t.type) && queries[t.query.field]);
  if (topics.length === 0) return { schema: api, topics };
  const fields = topics.map((t) => `  ${JSON.stringify(t.description)}\n  ${t.field}(${t.args}): ${t.type}!`).join('\n');
  return { schema: extendSchema(api, parse(`extend schema { subscription: Subscription }\ntype Subscription {\n${fields}\n}`)), topics };
}

/**
 * The graph's API schema (what clients query over HTTP) plus `Subscription`, one field per topic.
 * Each field's source stream is the bus, filtered for the subscriber, with each event already read
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
  const { schema, topics } = clientSchema(supergraphSdl, all);
  let open = 0;
  const count = () => open;
  if (topics.length === 0) return { schema, topics, open: count };
  const subscription = schema.getSubscriptionType()!.getFields();
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
