import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { basicAuth, type PortalConfig } from './config';
import { graphProxy } from './graph-proxy';
import { loadOperations } from './operations';
import { socketProxy } from './socket-proxy';
import { staticFiles } from './static-files';

/** Where the portal's files are: the pages, the compiled scripts (`npm run portal:build`), the operations' manifest. */
export interface PortalFiles {
  publicDir: string;
  webDir: string;
  operations: string;
  graphqlWsDir: string;
}

/** The project's files, found from this module in the sources (tests) or in dist/ alike. */
export function portalFiles(from: string = __dirname): PortalFiles {
  let root = from;
  while (!existsSync(join(root, 'examples', 'portal', 'public'))) {
    if (dirname(root) === root) throw new Error(`examples/portal not found above ${from}`);
    root = dirname(root);
  }
  return {
    publicDir: join(root, 'examples', 'portal', 'public'),
    webDir: join(root, 'dist', 'examples', 'portal', 'web'),
    operations: join(root, 'examples', 'portal', 'web', 'generated', 'persisted-documents.json'),
    graphqlWsDir: dirname(require.resolve('graphql-ws')),
  };
}

export interface RunningPortal {
  url: string;
  close(): Promise<void>;
}

/**
 * The Ente's portal backend: serves the pages and relays their GraphQL (POST /graphql and the
 * graphql-ws socket on /graphql) to the hub, adding the applicazione's credentials.
 */
export async function startPortalServer(config: PortalConfig, files: PortalFiles = portalFiles()): Promise<RunningPortal> {
  const authorization = basicAuth(config.credentials);
  const operations = loadOperations(files.operations);
  const graph = graphProxy(config.hubUrl, authorization, operations);
  const sockets = socketProxy(config.hubUrl, authorization, operations);
  const serveFile = staticFiles([
    { prefix: '/', dir: files.publicDir },
    { prefix: '/js/web/', dir: files.webDir },
    { prefix: '/vendor/graphql-ws/', dir: files.graphqlWsDir },
  ]);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://portal').pathname;
    void (path === '/graphql' ? graph(req, res) : serveFile(req, res));
  });
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://portal').pathname === '/graphql') sockets.upgrade(req, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.host}:${port}`,
    close: async () => {
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}
