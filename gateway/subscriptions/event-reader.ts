import type { GraphClient } from '../../rest-compat/shared/graph-client';
import { DomainError } from '../../core/errors';
import type { HubEvent } from '../../core/events';
import type { Logger } from '../../core/logger';
import type { Principal } from '../../core/principal';
import { EVENT_QUERY_KEY } from './event-query';

/**
 * Reads an event's object through the graph for a subscriber, as that subscriber (its signed
 * principal), so the graph's own authorization applies. Subscribers asking the same query as the
 * same principal share one read per event: a thousand dashboards of one Ente cost one query.
 */
export class EventReader {
  /** Per event, per group (principal and query), per variables: the one read they share. */
  private readonly reads = new WeakMap<HubEvent, Map<string, Map<string, Promise<unknown>>>>();

  constructor(
    private readonly client: GraphClient,
    private readonly log: Logger,
  ) {}

  /**
   * `group` names the principal and query together; a subscription computes it once, and the same
   * string object keeps its hash, so the thousandth subscriber finds the shared read cheaply.
   */
  read(event: HubEvent, group: string, query: string, variables: Record<string, unknown>, principal: Principal): Promise<unknown> {
    let perEvent = this.reads.get(event);
    if (!perEvent) this.reads.set(event, (perEvent = new Map()));
    let perGroup = perEvent.get(group);
    if (!perGroup) perEvent.set(group, (perGroup = new Map()));
    const key = JSON.stringify(variables);
    let read = perGroup.get(key);
    if (!read) perGroup.set(key, (read = this.run(event, query, variables, principal)));
    return read;
  }

  private async run(event: HubEvent, query: string, variables: Record<string, unknown>, principal: Principal): Promise<unknown> {
    try {
      const data = await this.client.run<Record<string, unknown>>(query, variables, principal);
      return data[EVENT_QUERY_KEY] ?? undefined;
    } catch (e) {
      // Refused or gone for this subscriber: the event is not for it.
      if (e instanceof DomainError && (e.status === 403 || e.status === 404)) return undefined;
      this.log.warn({ err: e, tipo: event.tipo }, 'event dropped: reading it through the graph failed');
      return undefined;
    }
  }
}
