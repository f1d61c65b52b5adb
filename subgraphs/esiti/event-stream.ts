import { GraphQLError } from 'graphql';
import type { EventBus, HubEvent } from '../../core/events';
import type { Logger } from '../../core/logger';

/** The results, ended by `fail` with one last error (the subscriber lost the right to them). */
export interface EventStream<T> extends AsyncIterableIterator<T | GraphQLError> {
  fail(error: GraphQLError): void;
}

/**
 * One subscriber's results, in the order of the events: `accept` turns an event into a result
 * (or `undefined`, which drops it, synchronously when the event plainly does not concern the
 * subscriber). A client too slow to take them (its socket's buffers full) keeps at most
 * `maxPending` waiting: each further event drops the oldest, so the gateway keeps its memory and
 * the client, when it reads again, gets the latest state (it re-queries what it missed, as after
 * a reconnection). Dropping the newest instead would leave it with stale state and no sign of it.
 * `return()` (the client completes or leaves) removes the handler from the bus, then calls `onEnd`.
 */
export function eventStream<T>(
  bus: EventBus,
  accept: (e: HubEvent) => Promise<T | undefined> | undefined,
  o: { maxPending: number; log: Logger },
  onEnd: () => void,
): EventStream<T> {
  const pending: Promise<T | GraphQLError | undefined>[] = [];
  let wake: (() => void) | undefined;
  let finished = false;
  let dropped = 0;
  const unsubscribe = bus.subscribe((e) => {
    const result = accept(e);
    if (!result) return;
    if (pending.length >= o.maxPending) {
      pending.shift();
      // Once per stall, not once per event: a stalled subscriber would flood the log.
      if (++dropped === 1)
        o.log.warn({ tipo: e.tipo, maxPending: o.maxPending }, 'subscriber too slow: its oldest waiting events are dropped');
    }
    pending.push(result.catch(() => undefined));
    wake?.();
  });
  const end = async (): Promise<IteratorResult<T | GraphQLError>> => {
    if (!finished) onEnd();
    finished = true;
    unsubscribe();
    pending.length = 0;
    wake?.();
    return { value: undefined, done: true };
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    fail(error) {
      if (finished) return;
      unsubscribe();
      pending.length = 0;
      pending.push(Promise.resolve(error));
      wake?.();
    },
    async next(): Promise<IteratorResult<T | GraphQLError>> {
      while (!finished) {
        const head = pending.shift();
        dropped = 0;
        if (!head) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          continue;
        }
        const value = await head;
        if (value instanceof GraphQLError) {
          await end();
          return { value, done: false };
        }
        if (value !== undefined && !finished) return { value, done: false };
      }
      return { value: undefined, done: true };
    },
    return: end,
    throw: end,
  };
}
