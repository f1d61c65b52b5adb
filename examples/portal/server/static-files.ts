import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** A URL prefix served from a directory. */
export interface Mount {
  prefix: string;
  dir: string;
}

/**
 * GET of the pages, their compiled scripts and the graphql-ws browser client: files of the known
 * types under the mounted directories (the longest prefix first), nothing above them.
 */
export function staticFiles(mounts: Mount[]) {
  const ordered = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const notFound = (): void => void res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Pagina non trovata');
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET, HEAD' }).end();
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://portal').pathname);
    } catch {
      return notFound();
    }
    const mount = ordered.find((m) => path.startsWith(m.prefix));
    if (!mount) return notFound();
    const root = resolve(mount.dir);
    const file = resolve(root, path.slice(mount.prefix.length) || 'index.html');
    const type = TYPES[extname(file)];
    if (!file.startsWith(root + sep) || !type) return notFound();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' }).end(req.method === 'HEAD' ? undefined : body);
    } catch {
      notFound();
    }
  };
}
