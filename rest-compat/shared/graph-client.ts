import { domainErrorFromExtensions, errors, internalFault } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { Principal } from '../../core/principal';

/** What the graph answers one operation (GraphQL's response, already complete). */
export interface GraphResult {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

/**
 * Runs one operation of the federated graph as `principal`, trusted (REST's own operations are not
 * held to the callers' limits). The edge provides it (gateway/graph-executor.ts): REST compat
 * reaches the graph through what it is handed, never through the gateway's modules.
 */
export type GraphExecutor = (query: string, variables: Record<string, unknown>, principal: Principal) => Promise<GraphResult>;

/**
 * Runs graph operations on behalf of a REST caller: every GovPay REST route is a thin mapping
 * onto the same federated graph that portals use, with the same authorization.
 */
export class GraphClient {
  constructor(
    private readonly execute: GraphExecutor,
    private readonly log: Logger,
  ) {}

  async run<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, principal: Principal): Promise<T> {
    const { data, errors: graphErrors } = await this.execute(query, variables, principal);
    if (graphErrors?.length) {
      const [first] = graphErrors;
      // A value of the caller's the graph's typed variables refuse (a number where a string goes) is the caller's syntax error.
      if (first.extensions?.code === 'BAD_USER_INPUT' && !first.extensions.codice) throw errors.syntax(first.message);
      // Only GovPay's faults reach the caller; any other error of the graph is the hub's own bug.
      throw domainErrorFromExtensions(first.extensions) ?? internalFault(this.log, graphErrors, 'a REST operation failed in the graph', { query });
    }
    return data as T;
  }
}
