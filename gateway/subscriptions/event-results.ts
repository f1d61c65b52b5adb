import { createSourceEventStream, GraphQLError, type ExecutionArgs, type ExecutionResult } from 'graphql';

/**
 * Runs a subscription operation: the field's source stream already yields each event's `data`
 * (read through the graph with the subscriber's selection and aliases, see schema.ts), so each
 * payload becomes a result without executing the selection again for every subscriber, which is
 * what graphql-js's `subscribe` would do. Ending the results ends the source at once, even while
 * it waits for an event. An error payload (the subscriber lost its right) is the last result.
 */
export async function eventResults(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source;
  const events = source as AsyncIterableIterator<Record<string, unknown>>;
  const done = async (): Promise<IteratorResult<ExecutionResult>> => {
    await events.return?.();
    return { value: undefined, done: true };
  };
  const results: AsyncIterableIterator<ExecutionResult> = {
    [Symbol.asyncIterator]: () => results,
    async next() {
      const r = await events.next();
      if (r.done) return { value: undefined, done: true };
      return { value: r.value instanceof GraphQLError ? { errors: [r.value] } : { data: r.value }, done: false };
    },
    return: done,
    throw: done,
  };
  return results;
}
