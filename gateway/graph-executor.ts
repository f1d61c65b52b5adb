import type { ApolloServer } from '@apollo/server';
import { internalFault } from '../core/errors';
import type { Logger } from '../core/logger';
import type { PrincipalSigner } from '../core/principal';
import type { GraphExecutor } from '../rest-compat/shared/graph-client';
import type { GatewayContext } from './context';

/** The graph as REST compat and the subscriptions' reader run it: in process, with the principal signed, trusted. */
export function graphExecutor(server: ApolloServer<GatewayContext>, signer: PrincipalSigner, log: Logger): GraphExecutor {
  return async (query, variables, principal) => {
    const response = await server.executeOperation(
      { query, variables },
      { contextValue: { principal, signedPrincipal: signer.tokenFor(principal), trusted: true } },
    );
    if (response.body.kind !== 'single')
      throw internalFault(log, undefined, 'the graph answered a REST operation incrementally', { query });
    return response.body.singleResult;
  };
}
