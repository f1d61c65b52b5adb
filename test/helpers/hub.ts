import { createHub, type Hub } from '../../gateway/app';
import { loadConfig } from '../../core/config';
import { createLogger, type Logger } from '../../core/logger';
import { scratchDatabase } from './database';

export interface TestHub {
  hub: Hub;
  baseUrl: string;
  subgraphUrl: string;
  close(): Promise<void>;
}

export const SECRET = 'test-secret-0123456789abcdef0123456789abcdef';

/**
 * A whole hub on a fresh database with the demo configuration, listening on free ports; with
 * `env.DATABASE_URL`, a further instance on that database (which the first instance owns and drops).
 * Silent, unless the test reads what it logs through `log`.
 */
export async function startHub(env: Record<string, string> = {}, log: Logger = createLogger('silent')): Promise<TestHub> {
  const db = env.DATABASE_URL ? { url: env.DATABASE_URL, drop: async () => undefined } : await scratchDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    PORT: '0',
    HOST: '127.0.0.1',
    SUBGRAPHS_PORT: '0',
    LOG_LEVEL: 'silent',
    DEMO_SEED: 'true',
    INTERNAL_PRINCIPAL_SECRET: SECRET,
    ...env,
  });
  const hub = await createHub(config, log);
  const { port, subgraphPort } = await hub.listen();
  return {
    hub,
    baseUrl: `http://127.0.0.1:${port}`,
    subgraphUrl: `http://127.0.0.1:${subgraphPort}/anagrafica/graphql`,
    close: async () => {
      await hub.close();
      await db.drop();
    },
  };
}
