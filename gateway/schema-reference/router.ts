import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import express from 'express';
import { projectRoot } from '../../core/project-root';
import { referencePath } from '../../schema/supergraph';
import { REFERENCE_STYLE } from './render';

/** Where the hub serves the graph's reference page. */
export const REFERENCE_PATH = '/graphql/reference';

/** The API's `default-src 'none'` (security-headers.ts), with the page's one inline style allowed by its hash: nothing else loads or runs. */
const CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(`\n${REFERENCE_STYLE}\n`).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The graph's reference (schema/graphql/reference.html, generated with the schema by
 * `npm run schema:generate`), read once at start and served as it is, holding no data. It shows
 * what introspection shows, so it is published when introspection is (GRAPHQL_INTROSPECTION, off
 * in production by default) and is otherwise a 404.
 */
export function referenceRouter(published: boolean): express.Router {
  const router = express.Router();
  if (!published) {
    router.get('/', (_req, res) => {
      res.status(404).type('text/plain; charset=utf-8').send('The schema reference is published only with GRAPHQL_INTROSPECTION=true.\n');
    });
    return router;
  }
  const page = readFileSync(referencePath(projectRoot()));
  router.get('/', (_req, res) => {
    res.set('Content-Security-Policy', CSP).type('text/html; charset=utf-8').send(page);
  });
  return router;
}
