import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PRINCIPAL_HEADER } from '../core/principal';

/**
 * GraphQL Hive Gateway over the same supergraph, for the side-by-side comparison: the anagrafica
 * subgraph is reached over HTTP (@graphql-mesh/transport-http) at `subgraphUrl` with a signed
 * principal as a static header (Hive authenticates nobody itself here), and with in-flight request
 * deduplication off (executor-http's `deduplicateInflightRequests`, on by default for queries), so
 * that every incoming request costs one subgraph request, as it does through Apollo Gateway.
 */
export async function startHive(
  supergraphSdl: string,
  subgraphUrl: string,
  signedPrincipal: string,
): Promise<{ port: number; close(): Promise<void> }> {
  const gateway = createGatewayRuntime({
    supergraph: supergraphSdl,
    transportEntries: {
      anagrafica: {
        location: subgraphUrl,
        headers: [[PRINCIPAL_HEADER, signedPrincipal]],
        options: { deduplicateInflightRequests: false },
      },
    },
    // Off by default too; named so the setting is visible.
    inboundInflightRequestDeduplication: false,
    logging: false,
    landingPage: false,
    graphiql: false,
  });
  const server: Server = createServer(gateway);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await gateway.dispose();
    },
  };
}
