import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Config } from '../../core/config';
import type { Logger } from '../../core/logger';
import { MemoryDocumentCache, RedisDocumentCache, type DocumentCache } from './document-cache';
import { sha256Hex, SHA256_HEX } from './hash';
import { readOperationManifest } from './manifest';

/** What a request says of its operation: its text, and/or Apollo's `persistedQuery` extension. */
export interface OperationSource {
  query?: string | null;
  extensions?: Record<string, unknown> | null;
}

/** The text to run, and the hash to register it under once it has passed validation and the limits (APQ's registration). */
export interface ResolvedOperation {
  query: string;
  register?: string;
}

/**
 * Which operations the graph runs for outside callers, and their text when they send only a hash:
 * - `apq`: any operation; Apollo's automatic persisted queries (`extensions.persistedQuery
 *   { version: 1, sha256Hash }`): a hash the hub does not hold is PERSISTED_QUERY_NOT_FOUND (the
 *   client sends the text with it, and it is registered), in Redis shared by every instance when
 *   REDIS_URL is set, else in this process, bounded;
 * - `allow-list`: only the operations of the manifest a portal ships (by hash, or by text whose hash
 *   is listed); anything else is PERSISTED_QUERY_NOT_LISTED, 400, nothing run.
 * The hub's own operations (REST compat, the subscriptions' reads) are trusted and never asked.
 */
export class PersistedOperations {
  private constructor(
    private readonly mode: Config['graphql']['operations']['mode'],
    private readonly documents: DocumentCache | undefined,
    private readonly listed: Map<string, string>,
  ) {}

  static async create(settings: Config['graphql']['operations'], redisUrl: string | undefined, log: Logger): Promise<PersistedOperations> {
    if (settings.mode === 'allow-list')
      return new PersistedOperations('allow-list', undefined, readOperationManifest(settings.manifestFile!));
    const cacheSettings = { ttlSeconds: settings.apqTtlSeconds, memoryBytes: settings.apqMemoryBytes };
    const documents = redisUrl ? await RedisDocumentCache.connect(redisUrl, cacheSettings, log) : new MemoryDocumentCache(cacheSettings);
    return new PersistedOperations('apq', documents, new Map());
  }

  /** The operation to run for `source`, or undefined when it names none (left to the server's own error); throws the refusals above. */
  async resolve(source: OperationSource): Promise<ResolvedOperation | undefined> {
    const hash = requestedHash(source.extensions);
    const query = source.query || undefined;
    if (hash !== undefined && query !== undefined && sha256Hex(query) !== hash) {
      throw refusal('The persisted query hash is not the SHA-256 of the query sent with it.', 'PERSISTED_QUERY_HASH_MISMATCH');
    }
    if (this.mode === 'allow-list') return this.listedOperation(hash ?? (query === undefined ? undefined : sha256Hex(query)));
    if (hash === undefined) return query === undefined ? undefined : { query };
    if (query !== undefined) return { query, register: hash };
    const stored = await this.documents!.get(hash);
    if (stored === undefined) throw notFound();
    return { query: stored };
  }

  /** Registers an operation sent with its text and hash, once it has been accepted. */
  register(hash: string, query: string): Promise<void> {
    return this.documents?.set(hash, query) ?? Promise.resolve();
  }

  close(): Promise<void> {
    return this.documents?.close() ?? Promise.resolve();
  }

  private listedOperation(hash: string | undefined): ResolvedOperation | undefined {
    if (hash === undefined) return undefined;
    const query = this.listed.get(hash);
    if (query === undefined) {
      throw refusal(
        'This operation is not in the hub’s list of allowed operations (GRAPHQL_OPERATIONS=allow-list): only the operations the portals ship run.',
        'PERSISTED_QUERY_NOT_LISTED',
      );
    }
    return { query };
  }
}

/** The hash of `extensions.persistedQuery`, if there is one; a malformed extension or another version is refused. */
function requestedHash(extensions: Record<string, unknown> | null | undefined): string | undefined {
  const persisted = extensions?.persistedQuery as { version?: unknown; sha256Hash?: unknown } | undefined | null;
  if (persisted === undefined || persisted === null) return undefined;
  if (persisted.version !== 1) {
    throw refusal(
      `Persisted query version ${JSON.stringify(persisted.version)} is not supported: send extensions.persistedQuery with version 1.`,
      'PERSISTED_QUERY_VERSION_NOT_SUPPORTED',
    );
  }
  if (typeof persisted.sha256Hash !== 'string' || !SHA256_HEX.test(persisted.sha256Hash)) {
    throw refusal('extensions.persistedQuery.sha256Hash must be the SHA-256 of the query, 64 lowercase hex digits.', 'BAD_REQUEST');
  }
  return persisted.sha256Hash;
}

function refusal(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

/**
 * Apollo's own answer, which Apollo Client and urql recognise to send the text: the message and code
 * they test, 200, and not cached on the way (the same request succeeds once the text is registered).
 */
function notFound(): GraphQLError {
  const headers = new HeaderMap([['cache-control', 'private, no-cache, must-revalidate']]);
  return new GraphQLError('PersistedQueryNotFound', {
    extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 200, headers: headers as never } },
  });
}
