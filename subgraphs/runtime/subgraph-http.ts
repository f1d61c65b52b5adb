import express, { type Express } from 'express';
import { internalFault } from '../../core/errors';
import type { Logger } from '../../core/logger';
import { PRINCIPAL_HEADER } from '../../core/principal';
import type { SubgraphRuntime } from './subgraph-runtime';

/**
 * A subgraph's own HTTP endpoint (POST /graphql, JSON), as the gateway's remote data sources and
 * the benchmarks call it. Anything without a valid signed principal gets 401 and runs nothing.
 * A request that cannot be read is told why; anything else that fails is logged, and the reply
 * names only the log's reference.
 */
export function subgraphHttpApp(runtimes: SubgraphRuntime[], bodyLimit: string, log: Logger): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: bodyLimit }));
  for (const runtime of runtimes) {
    app.post(`/${runtime.name}/graphql`, async (req, res) => {
      const result = await runtime.execute(req.body ?? {}, req.header(PRINCIPAL_HEADER));
      const unauthenticated = !result.data && result.errors?.some((e) => e.extensions?.status === 401);
      res.status(unauthenticated ? 401 : 200).json(result);
    });
  }
  app.use((err: Error & { status?: number; expose?: boolean }, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    if (err.expose && err.status && err.status < 500) return void res.status(err.status).json({ errors: [{ message: err.message }] });
    const internal = internalFault(log, err, 'unexpected error in the subgraph endpoint', { url: req.originalUrl });
    res.status(500).json({ errors: [{ message: internal.message, extensions: internal.extensions }] });
  });
  return app;
}
