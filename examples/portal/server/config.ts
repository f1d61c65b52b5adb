import { parseArgs } from 'node:util';

/**
 * What the portal's server needs: where the hub is and the applicazione's credentials it calls
 * the hub with (they stay on the server: the browser never sees them), and where it listens.
 * Each from a command-line option, else an environment variable, else the demo's default.
 */
export interface PortalConfig {
  /** The hub's base URL; the graph is at /graphql (HTTP and graphql-ws). */
  hubUrl: string;
  /** The applicazione's HTTP Basic credentials, user:password. */
  credentials: string;
  host: string;
  port: number;
}

export function portalConfig(argv: string[], env: NodeJS.ProcessEnv): PortalConfig {
  const { values } = parseArgs({
    args: argv,
    options: { hub: { type: 'string' }, credentials: { type: 'string' }, host: { type: 'string' }, port: { type: 'string' } },
  });
  const port = Number(values.port ?? env.PORTAL_PORT ?? 8082);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port / PORTAL_PORT: not a port: ${values.port ?? env.PORTAL_PORT}`);
  const credentials = values.credentials ?? env.PORTAL_CREDENTIALS ?? 'IDA2A01:Password1!';
  if (!credentials.includes(':')) throw new Error('--credentials / PORTAL_CREDENTIALS: expected user:password');
  return {
    hubUrl: new URL(values.hub ?? env.PORTAL_HUB_URL ?? 'http://localhost:8080').href.replace(/\/$/, ''),
    credentials,
    host: values.host ?? env.PORTAL_HOST ?? '127.0.0.1',
    port,
  };
}

export const basicAuth = (credentials: string) => `Basic ${Buffer.from(credentials).toString('base64')}`;
