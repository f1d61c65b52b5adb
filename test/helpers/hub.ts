import { createHub, type Hub } from '../../gateway/app';
import { loadConfig } from '../../core/config';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { projectRoot } from '../../core/project-root';
import type { Logger } from '../../core/logger';
import { scratchDatabase } from './database';

/**
 * Where test hubs write their errors (one file per jest worker): a 500 a test sees is only a
 * reference, and a failure that happens once in several runs must be explainable from the run
 * that had it. scripts/run-tests.sh prints these files when the suite fails.
 */
export const HUB_ERRORS_DIR = join(projectRoot(), '.test-output', 'hub-errors');

let destination: pino.DestinationStream | undefined;

function errorLog(): Logger {
  if (!destination) {
    mkdirSync(HUB_ERRORS_DIR, { recursive: true });
    destination = pino.destination({ dest: join(HUB_ERRORS_DIR, `${process.env.TEST_DB ?? 'sqlite'}-${process.pid}.log`), sync: true });
  }
  return pino({ name: 'test-hub', level: 'error', base: { test: expect.getState().testPath } }, destination);
}

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
 * Its errors go to HUB_ERRORS_DIR, unless the test reads what it logs through `log`.
 */
export async function startHub(env: Record<string, string> = {}, log: Logger = errorLog()): Promise<TestHub> {
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
