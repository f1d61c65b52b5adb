import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createClient, type Client } from 'graphql-ws';

/**
 * The pages' only way to the graph: through the portal's own server (same origin), which adds the
 * applicazione's credentials. An operation travels as its sha256 (APQ's `persistedQuery`
 * extension), the hash graphql-codegen put in its typed document; the server runs only the
 * documents it was built with.
 */
type Document<R, V> = TypedDocumentNode<R, V>;

const persisted = (document: Document<unknown, never>) => ({
  extensions: { persistedQuery: { version: 1, sha256Hash: (document as unknown as { __meta__: { hash: string } }).__meta__.hash } },
});

interface GraphReply<R> {
  data?: R | null;
  errors?: readonly { message: string }[];
}

const failure = (errors: readonly { message: string }[]) => new Error(errors.map((e) => e.message).join('; '));

/** Runs a query or mutation; its errors, if any, as one Error. */
export async function request<R, V>(document: Document<R, V>, variables: V): Promise<R> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ ...persisted(document as Document<unknown, never>), variables }),
  });
  const reply = (await res.json()) as GraphReply<R>;
  if (reply.errors?.length) throw failure(reply.errors);
  if (!reply.data) throw new Error(`HTTP ${res.status}`);
  return reply.data;
}

let socket: Client | undefined;

/** Follows a subscription over graphql-ws (one socket per page); returns what ends it. */
export function subscribe<R, V>(document: Document<R, V>, variables: V, next: (data: R) => void, error: (e: Error) => void): () => void {
  socket ??= createClient({ url: new URL('/graphql', location.href).href.replace(/^http/, 'ws') });
  return socket.subscribe<R>(
    // graphql-ws wants a query string: the hash in the extensions stands for it.
    { query: '', variables: variables as Record<string, unknown>, ...persisted(document as Document<unknown, never>) },
    {
      next: (r) => (r.data ? next(r.data as R) : error(failure(r.errors ?? []))),
      error: (e) => error(e instanceof Error ? e : new Error(e instanceof CloseEvent ? `connessione chiusa (${e.code})` : String(e))),
      complete: () => undefined,
    },
  );
}
