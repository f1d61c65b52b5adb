import { Redis } from 'ioredis';
import type { Logger } from '../../core/logger';

/** Where automatic persisted queries keep documents by their SHA-256: `get` never throws (a miss makes the client send the text again). */
export interface DocumentCache {
  get(hash: string): Promise<string | undefined>;
  set(hash: string, document: string): Promise<void>;
  close(): Promise<void>;
}

export interface DocumentCacheSettings {
  /** How long a document stays registered after it was last sent with its text. */
  ttlSeconds: number;
  /** The in-memory cache's bound: the documents' total size (UTF-16, two bytes a character). */
  memoryBytes: number;
}

/** Shared by every instance on one Redis (hence the prefix: other hub data lives there too). */
const KEY_PREFIX = 'govpay-hub:apq:';

/**
 * The documents in this process, the least recently used evicted past `memoryBytes`, each
 * forgotten `ttlSeconds` after it was registered: a client whose hash missed sends the text again.
 */
export class MemoryDocumentCache implements DocumentCache {
  private readonly entries = new Map<string, { document: string; expires: number }>();
  private bytes = 0;

  constructor(private readonly settings: DocumentCacheSettings) {}

  async get(hash: string): Promise<string | undefined> {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    this.entries.delete(hash);
    if (entry.expires <= Date.now()) {
      this.bytes -= sizeOf(entry.document);
      return undefined;
    }
    this.entries.set(hash, entry);
    return entry.document;
  }

  async set(hash: string, document: string): Promise<void> {
    const previous = this.entries.get(hash);
    if (previous) {
      this.entries.delete(hash);
      this.bytes -= sizeOf(previous.document);
    }
    if (sizeOf(document) > this.settings.memoryBytes) return;
    this.entries.set(hash, { document, expires: Date.now() + this.settings.ttlSeconds * 1000 });
    this.bytes += sizeOf(document);
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.settings.memoryBytes) break;
      this.entries.delete(oldest);
      this.bytes -= sizeOf(entry.document);
    }
  }

  async close(): Promise<void> {
    this.entries.clear();
    this.bytes = 0;
  }
}

const sizeOf = (document: string) => document.length * 2;

/**
 * The documents in Redis, shared by every instance (a client registers on one and is served by
 * another), each key expiring `ttlSeconds` after it was registered. Redis unreachable is a miss,
 * logged: clients fall back to sending the text, nothing fails.
 */
export class RedisDocumentCache implements DocumentCache {
  private constructor(
    private readonly redis: Redis,
    private readonly settings: DocumentCacheSettings,
    private readonly log: Logger,
  ) {}

  /** Connected before the hub serves, so that the first requests are not misses; fails with a clear error when Redis is unreachable. */
  static async connect(url: string, settings: DocumentCacheSettings, log: Logger): Promise<RedisDocumentCache> {
    const redis = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectionName: 'govpay-hub-apq',
    });
    let lastError: Error | undefined;
    redis.on('error', (err: Error) => {
      lastError = err;
      log.warn({ err: err.message }, 'persisted queries: Redis unreachable (reconnecting), documents are misses meanwhile');
    });
    try {
      await redis.connect();
    } catch (e) {
      redis.disconnect();
      throw new Error(`REDIS_URL is not reachable for persisted queries: ${(lastError ?? (e as Error)).message}`);
    }
    return new RedisDocumentCache(redis, settings, log);
  }

  async get(hash: string): Promise<string | undefined> {
    try {
      return (await this.redis.get(KEY_PREFIX + hash)) ?? undefined;
    } catch (err) {
      this.log.warn({ err }, 'persisted queries: document not read from Redis');
      return undefined;
    }
  }

  async set(hash: string, document: string): Promise<void> {
    try {
      await this.redis.set(KEY_PREFIX + hash, document, 'EX', this.settings.ttlSeconds);
    } catch (err) {
      this.log.warn({ err }, 'persisted queries: document not registered in Redis');
    }
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}
