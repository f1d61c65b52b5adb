import type { IFieldResolver } from '@graphql-tools/utils';
import type { EventBus } from '../../core/events';
import type { Logger } from '../../core/logger';
import { requireRight } from '../../core/principal';
import type { SubgraphContext } from '../runtime/context';
import { eventStream } from './event-stream';
import { delivers, referenceOf, type Topic } from './topics';

/** What the process serving the esiti subgraph alone hands it: the hub's events and how many may wait per subscriber. */
export interface EsitiHost {
  bus: EventBus;
  maxPending: number;
  log: Logger;
}

type SubscriptionField = {
  subscribe: IFieldResolver<unknown, Pick<SubgraphContext, 'principal'>>;
  resolve: (reference: unknown) => unknown;
};

/**
 * The `Subscription` fields as the esiti subgraph serves them on its own (to a Federation gateway
 * that supports subscriptions): with the same right and the same filters as the hub's own
 * subscriptions, each event becomes a reference to its object, which the gateway completes by
 * asking the owning subgraph for the subscriber's selection.
 */
export function subscriptionResolvers(topics: readonly Topic[], host: EsitiHost): Record<string, SubscriptionField> {
  const field = (topic: Topic): SubscriptionField => ({
    subscribe: (_root, args: Record<string, unknown>, ctx) => {
      requireRight(ctx.principal, topic.right, 'R');
      return eventStream(
        host.bus,
        (e) => (delivers(topic, e, args, ctx.principal) ? Promise.resolve(referenceOf(topic, e)) : undefined),
        { maxPending: host.maxPending, log: host.log },
        () => undefined,
      );
    },
    resolve: (reference) => reference,
  });
  return Object.fromEntries(topics.map((t) => [t.field, field(t)]));
}
