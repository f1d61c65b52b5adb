import { readFileSync } from 'node:fs';
import { sha256Hex, SHA256_HEX } from './hash';

/** Apollo's persisted query manifest (generate-persisted-query-manifest), the other format accepted. */
interface ApolloManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: ({ id?: unknown; body?: unknown } | null)[];
}

/**
 * The operations a portal ships, by SHA-256 of their text, read from `path` at start: GraphQL Code
 * Generator's persisted documents (`{ "<sha256>": "query …" }`) or Apollo's persisted query
 * manifest. Every entry must hash to its key, or the hub does not start: a wrong entry would
 * otherwise refuse its operation in production only.
 */
export function readOperationManifest(path: string): Map<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`GRAPHQL_OPERATIONS_FILE ${path} cannot be read as JSON: ${(e as Error).message}`);
  }
  const entries = isApolloManifest(parsed)
    ? parsed.operations.map((o): [unknown, unknown] => [o?.id, o?.body])
    : typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? Object.entries(parsed)
      : undefined;
  if (!entries) throw new Error(`GRAPHQL_OPERATIONS_FILE ${path} must be a JSON object of "<sha256>": "<document>" entries`);
  const operations = new Map<string, string>();
  for (const [hash, document] of entries) {
    if (typeof hash !== 'string' || !SHA256_HEX.test(hash) || typeof document !== 'string') {
      throw new Error(
        `GRAPHQL_OPERATIONS_FILE ${path}: ${JSON.stringify(hash)} is not a lowercase SHA-256 in hex with a document as its value`,
      );
    }
    if (sha256Hex(document) !== hash) {
      throw new Error(`GRAPHQL_OPERATIONS_FILE ${path}: the document of ${hash} does not hash to it (regenerate the manifest)`);
    }
    operations.set(hash, document);
  }
  return operations;
}

function isApolloManifest(value: unknown): value is ApolloManifest {
  const m = value as Partial<ApolloManifest> | null;
  return typeof m === 'object' && m !== null && m.format === 'apollo-persisted-query-manifest' && Array.isArray(m.operations);
}
