import type { ApolloServerPlugin, GraphQLRequest } from '@apollo/server';
import type { GatewayContext } from '../context';
import type { PersistedOperations, ResolvedOperation } from './operations';

/**
 * What Apollo runs in place of a refused request until it reaches the hook where a plugin's error
 * is answered as such (`didResolveOperation`): an error thrown earlier is masked as a 500.
 */
const REFUSED = '{ __typename }';

/**
 * Persisted operations on the graph's HTTP endpoint (POST and GET): the request's text is resolved
 * (from its hash, or checked against the allow-list) before Apollo reads it, and Apollo's own APQ
 * stays off, so that both modes and the WebSocket endpoint share one implementation and one set of
 * errors. Validation and the limits then apply to a persisted operation as to any other; it is
 * registered only once it has passed them.
 */
export function persistedOperationsPlugin(operations: PersistedOperations): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      if (contextValue.trusted) return;
      let resolved: ResolvedOperation | undefined;
      try {
        resolved = await operations.resolve(request);
      } catch (refusal) {
        replace(request, REFUSED);
        // Nothing of the caller's is left for another plugin to refuse first: this refusal is the answer.
        request.operationName = undefined;
        request.variables = undefined;
        return {
          async didResolveOperation() {
            throw refusal;
          },
        };
      }
      if (!resolved) return;
      replace(request, resolved.query);
      const hash = resolved.register;
      if (hash === undefined) return;
      return {
        async executionDidStart() {
          await operations.register(hash, resolved.query);
        },
      };
    },
  };
}

/** The text Apollo is to run, without the extension it would refuse (its own APQ is off). */
function replace(request: GraphQLRequest, query: string): void {
  request.query = query;
  if (request.extensions?.persistedQuery) {
    const others = { ...request.extensions };
    delete others.persistedQuery;
    request.extensions = others;
  }
}
