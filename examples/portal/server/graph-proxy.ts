import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolveOperation, type Operations } from './operations';

/** More than any of the portal's operations with its variables needs. */
const MAX_BODY = 16 * 1024;

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const json = (res: ServerResponse, status: number, body: unknown): void =>
  void res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));

const refused = (res: ServerResponse, status: number, message: string): void => json(res, status, { errors: [{ message }] });

/**
 * POST /graphql from the pages: the named operation's text, with the browser's variables, sent to
 * the hub with the applicazione's credentials; the hub's answer back as it is.
 */
export function graphProxy(hubUrl: string, authorization: string, operations: Operations) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
    const text = await readBody(req);
    if (text === undefined) return refused(res, 413, 'Richiesta troppo grande.');
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      return refused(res, 400, 'Richiesta non valida: JSON atteso.');
    }
    const op = resolveOperation(operations, payload);
    if (!op.ok) return refused(res, 400, op.message);
    try {
      const reply = await fetch(`${hubUrl}/graphql`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(op.request),
      });
      res.writeHead(reply.status, { 'content-type': reply.headers.get('content-type') ?? 'application/json' }).end(await reply.text());
    } catch {
      refused(res, 502, 'Il servizio dei pagamenti non risponde.');
    }
  };
}
