import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import { projectRoot } from '../../core/project-root';

/** Where the hub serves the live esiti dashboard. */
export const DASHBOARD_PATH = '/dashboard';

/**
 * The dashboard's own policy, replacing the API's `default-src 'none'` (security-headers.ts) on its
 * files only: its script and style from this origin, no inline code, calls to this origin's
 * graph (HTTP and its WebSocket), nothing else loaded, framed or posted.
 */
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const FILES: [path: string, file: string, type: string][] = [
  ['/', 'index.html', 'text/html; charset=utf-8'],
  ['/dashboard.js', 'dashboard.js', 'text/javascript; charset=utf-8'],
  ['/dashboard.css', 'dashboard.css', 'text/css; charset=utf-8'],
  ['/favicon.svg', 'favicon.svg', 'image/svg+xml'],
];

/**
 * The live esiti dashboard: a static page and its script (gateway/dashboard/assets, read once at
 * start, served as they are: no build step). It holds no data: the page logs in against the graph
 * and its subscriptions like any other client.
 */
export function dashboardRouter(): express.Router {
  const dir = join(projectRoot(), 'gateway', 'dashboard', 'assets');
  const router = express.Router();
  for (const [path, file, type] of FILES) {
    const body = readFileSync(join(dir, file));
    router.get(path, (_req, res) => {
      res.set({ 'content-type': type, 'cache-control': 'no-cache', 'content-security-policy': CSP }).send(body);
    });
  }
  return router;
}
