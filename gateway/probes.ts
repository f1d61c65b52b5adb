import type { MikroORM } from '@mikro-orm/core';
import type { Express, NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { Logger } from '../core/logger';

/**
 * Liveness, readiness (the database answers) and Prometheus metrics; every request is timed (and
 * logged at debug). Returns the metrics registry, for the hub's other metrics.
 */
export function mountProbes(app: Express, orm: MikroORM, log: Logger): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'govpay_http_request_duration_seconds',
    help: 'HTTP requests by method, API and status',
    labelNames: ['method', 'api', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5],
    registers: [registry],
  });

  app.use((req: Request, res: Response, next: NextFunction) => {
    const end = duration.startTimer();
    res.on('finish', () => {
      const seconds = end({ method: req.method, api: apiOf(req.originalUrl.split('?')[0]), status: String(res.statusCode) });
      log.debug({ method: req.method, url: req.originalUrl, status: res.statusCode, ms: Math.round(seconds * 1000) }, 'request');
    });
    next();
  });

  app.get('/health', (_req, res) => {
    res.json({ status: 'UP' });
  });

  app.get('/ready', async (_req, res) => {
    try {
      await orm.em.fork().getConnection().execute('select 1');
      res.json({ status: 'READY' });
    } catch (e) {
      // Unauthenticated: the database's own words (hosts, users, paths) stay in the log.
      log.error({ err: e }, 'not ready: the database does not answer');
      res.status(503).json({ status: 'NOT_READY', reason: 'database unreachable' });
    }
  });

  app.get('/metrics', async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });
  return registry;
}

/** A bounded label: the API a path belongs to, never the path itself. */
function apiOf(path: string): string {
  if (path.startsWith('/graphql')) return 'graphql';
  const m = /^\/govpay\/(?:backend|frontend)\/api\/([a-z]+)\//.exec(path);
  return m ? m[1] : 'other';
}
