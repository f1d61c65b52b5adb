import { randomBytes } from 'node:crypto';

/**
 * The environment of a bench's hub process on `databaseUrl`: production mode, silent, on ports of
 * its own, with a principal secret of its own run and signed principals that outlive a run's
 * measurements; `over` adds or replaces variables.
 */
export function hubEnv(databaseUrl: string, over: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    HOST: '127.0.0.1',
    PORT: '0',
    SUBGRAPHS_PORT: '0',
    LOG_LEVEL: process.env.BENCH_HUB_LOG ?? 'silent',
    NODE_ENV: 'production',
    INTERNAL_PRINCIPAL_SECRET: randomBytes(32).toString('hex'),
    INTERNAL_PRINCIPAL_TTL_SECONDS: '3600',
    ...over,
  };
}
