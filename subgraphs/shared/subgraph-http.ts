import express, { type Express } from 'express';
import { PRINCIPAL_HEADER } from './principal';
import type { SubgraphRuntime } from './subgraph-runtime';

/**
 * A subgraph's own HTTP endpoint (POST /graphql, JSON), as the gateway's remote data sources and
 * the benchmarks call it. Anything without a valid signed principal gets 401 and runs nothing.
 */
export function subgraphHttpApp(runtimes: SubgraphRuntime[], bodyLimit: string): Express {
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
  app.use((err: Error & { status?: number }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(err.status ?? 400).json({ errors: [{ message: err.message }] });
  });
  return app;
}
