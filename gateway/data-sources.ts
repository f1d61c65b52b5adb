import { RemoteGraphQLDataSource, type GraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { PRINCIPAL_HEADER } from '../core/principal';
import type { SubgraphRuntime } from '../subgraphs/runtime/subgraph-runtime';
import type { GatewayContext } from './context';
import { keepAliveFetch } from './http-fetcher';

/**
 * A subgraph hosted in this process: the gateway hands it the query plan's fetch directly,
 * skipping HTTP, JSON encoding and the socket round trip, but still with the signed principal,
 * so the subgraph checks callers exactly as it does over the network.
 */
export class InProcessDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(private readonly runtime: SubgraphRuntime) {}

  async process({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const result = await this.runtime.execute(
      { query: request.query, variables: request.variables, operationName: request.operationName },
      'signedPrincipal' in context ? context.signedPrincipal : undefined,
    );
    return {
      data: result.data,
      ...(result.errors ? { errors: result.errors.map((e) => e.toJSON()) } : {}),
    };
  }
}

/** A subgraph in another process, reached over HTTP with the signed principal in a header. */
export class SignedRemoteDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, timeoutMs: number) {
    super({ url, fetcher: keepAliveFetch(timeoutMs) as never });
  }

  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]): void {
    if ('signedPrincipal' in context && context.signedPrincipal) {
      request.http?.headers.set(PRINCIPAL_HEADER, context.signedPrincipal);
    }
  }
}
