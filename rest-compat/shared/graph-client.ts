import type { ApolloServer } from '@apollo/server';
import type { GatewayContext } from '../../gateway/context';
import { domainErrorFromExtensions, errors } from '../../subgraphs/shared/errors';
import type { Principal, PrincipalSigner } from '../../subgraphs/shared/principal';

/**
 * Runs graph operations on behalf of a REST caller: every GovPay REST route is a thin mapping
 * onto the same federated graph that portals use, with the same authorization.
 */
export class GraphClient {
  constructor(
    private readonly server: ApolloServer<GatewayContext>,
    private readonly signer: PrincipalSigner,
  ) {}

  async run<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, principal: Principal): Promise<T> {
    const response = await this.server.executeOperation(
      { query, variables },
      { contextValue: { principal, signedPrincipal: this.signer.tokenFor(principal), trusted: true } },
    );
    if (response.body.kind !== 'single') throw errors.internal('Risposta incrementale inattesa dal grafo.');
    const { data, errors: graphErrors } = response.body.singleResult;
    if (graphErrors?.length) {
      throw domainErrorFromExtensions(graphErrors[0].extensions) ?? errors.internal(graphErrors[0].message);
    }
    return data as T;
  }
}
