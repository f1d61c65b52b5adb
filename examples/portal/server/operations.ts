import { readFileSync } from 'node:fs';

/**
 * The operations the portal was built with: graphql-codegen's persisted-documents.json, sha256 →
 * document. The browser names an operation by its hash (APQ's `persistedQuery` extension); only
 * these run, so the applicazione's credentials cannot be used for anything else from a browser.
 */
export type Operations = ReadonlyMap<string, string>;

export const loadOperations = (manifest: string): Operations =>
  new Map(Object.entries(JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, string>));

/** A request as the hub takes it, or why the browser's is refused. */
export type Resolved = { ok: true; request: { query: string; variables?: unknown } } | { ok: false; message: string };

export function resolveOperation(operations: Operations, payload: unknown): Resolved {
  const p = (payload ?? {}) as { variables?: unknown; extensions?: { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } };
  const hash = p.extensions?.persistedQuery?.sha256Hash;
  const query = typeof hash === 'string' ? operations.get(hash) : undefined;
  if (query === undefined) return { ok: false, message: 'Operazione non consentita: il portale esegue solo le proprie operazioni.' };
  return { ok: true, request: { query, variables: p.variables } };
}
