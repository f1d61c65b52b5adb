import type { EventBus, HubEvent } from '../../subgraphs/shared/events';
import type { Logger } from '../../subgraphs/shared/logger';

/** Events a subscriber may have waiting (resolving or unsent) before further ones are dropped. */
const MAX_PENDING = 1000;

/**
 * One subscriber's results, in the order of the events: `accept` turns an event into a result
 * (or `undefined`, which drops it, synchronously when the event plainly does not concern the
 * subscriber). A slow client past MAX_PENDING loses events rather than the gateway its memory;
 * like a reconnecting one, it re-queries state. `return()` (the client completes or leaves)
 * removes the handler from the bus, then calls `onEnd`.
 */
export function eventStream<T>(
  bus: EventBus,
  accept: (e: HubEvent) => Promise<T | undefined> | undefined,
  log: Logger,
  onEnd: () => void,
): AsyncIterableIterator<T> {
  const pending: Promise<T | undefined>[] = [];
  let wake: (() => void) | undefined;
  let finished = false;
  const unsubscribe = bus.subscribe((e) => {
    const result = accept(e);
    if (!result) return;
    if (pending.length >= MAX_PENDING) {
      log.warn({ tipo: e.tipo }, 'subscriber too slow: event dropped');
      return;
    }
    pending.push(result.catch(() => undefined));
    wake?.();
  });
  const end = async (): Promise<IteratorResult<T>> => {
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
    async next(): Promise<IteratorResult<T>> {
      while (!finished) {
        const head = pending.shift();
        if (!head) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          continue;
        }
        const value = await head;
        if (value !== undefined && !finished) return { value, done: false };
      }
      return { value: undefined, done: true };
    },
    return: end,
    throw: end,
  };
}
