import type { ApolloServer } from '@apollo/server';
import type { GatewayContext } from '../../gateway/context';
import { domainErrorFromExtensions, internalFault } from '../../subgraphs/shared/errors';
import type { Logger } from '../../subgraphs/shared/logger';
import type { Principal, PrincipalSigner } from '../../subgraphs/shared/principal';

/**
 * Runs graph operations on behalf of a REST caller: every GovPay REST route is a thin mapping
 * onto the same federated graph that portals use, with the same authorization.
 */
export class GraphClient {
  constructor(
    private readonly server: ApolloServer<GatewayContext>,
    private readonly signer: PrincipalSigner,
    private readonly log: Logger,
  ) {}

  async run<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, principal: Principal): Promise<T> {
    const response = await this.server.executeOperation(
      { query, variables },
      { contextValue: { principal, signedPrincipal: this.signer.tokenFor(principal), trusted: true } },
    );
    if (response.body.kind !== 'single') throw internalFault(this.log, undefined, 'the graph answered a REST operation incrementally', { query });
    const { data, errors: graphErrors } = response.body.singleResult;
    if (graphErrors?.length) {
      // Only GovPay's faults reach the caller; any other error of the graph is the hub's own bug.
      throw domainErrorFromExtensions(graphErrors[0].extensions) ?? internalFault(this.log, graphErrors, 'a REST operation failed in the graph', { query });
    }
    return data as T;
  }
}
