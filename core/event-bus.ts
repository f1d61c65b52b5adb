import { Redis } from 'ioredis';
import type { EventBus, HubEvent, HubEventType } from './events';
import type { Logger } from './logger';

/** The one Redis channel every instance publishes to and listens on. */
export const EVENTS_CHANNEL = 'govpay-hub:events';

/**
 * The event versions this code understands, per tipo. An instance running older code ignores
 * (with a log) events a newer instance publishes during a rolling upgrade instead of
 * misreading them.
 */
const KNOWN_VERSIONS: Record<HubEventType, readonly number[]> = {
  pendenzaAggiornata: [1],
  ricevutaRegistrata: [1],
  pagamentoAggiornato: [1],
  flussoRendicontazioneAcquisito: [1],
};

function isKnownEvent(value: unknown): value is HubEvent {
  if (typeof value !== 'object' || value === null) return false;
  const { tipo, v } = value as { tipo?: unknown; v?: unknown };
  return typeof tipo === 'string' && Object.hasOwn(KNOWN_VERSIONS, tipo) && KNOWN_VERSIONS[tipo as HubEventType].includes(v as number);
}

/** The handlers of one bus, each called once per known event; a failing handler never stops the others. */
class Handlers {
  private readonly handlers = new Set<(event: HubEvent) => void>();

  constructor(private readonly log: Logger) {}

  add(handler: (event: HubEvent) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  deliver(value: unknown): void {
    if (!isKnownEvent(value)) {
      const { tipo, v } = (value ?? {}) as { tipo?: unknown; v?: unknown };
      this.log.warn({ tipo, v }, 'hub event of an unknown tipo or version ignored');
      return;
    }
    for (const handler of this.handlers) {
      try {
        handler(value);
      } catch (err) {
        this.log.error({ err, tipo: value.tipo }, 'hub event handler failed');
      }
    }
  }

  clear(): void {
    this.handlers.clear();
  }
}

/** Events for one instance: published and received in this process. */
export class InProcessEventBus implements EventBus {
  private readonly handlers: Handlers;

  constructor(log: Logger) {
    this.handlers = new Handlers(log);
  }

  async publish(event: HubEvent): Promise<void> {
    // Handlers run after the publisher's turn, as they would with Redis: publishing never waits for subscribers.
    setImmediate(() => this.handlers.deliver(event));
  }

  subscribe(handler: (event: HubEvent) => void): () => void {
    return this.handlers.add(handler);
  }

  async close(): Promise<void> {
    this.handlers.clear();
  }
}

/**
 * Events across instances over Redis pub/sub: one connection publishes, one subscribes (a
 * subscribed Redis connection can do nothing else), JSON on one channel. ioredis reconnects and
 * re-subscribes by itself; events published while an instance is disconnected do not reach it,
 * which is why clients re-query state when they reconnect.
 */
export class RedisEventBus implements EventBus {
  private readonly handlers: Handlers;

  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    log: Logger,
  ) {
    this.handlers = new Handlers(log);
    subscriber.on('message', (channel: string, message: string) => {
      if (channel !== EVENTS_CHANNEL) return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(message);
      } catch {
        log.warn({ channel }, 'hub event that is not JSON ignored');
        return;
      }
      this.handlers.deliver(parsed);
    });
  }

  /** Connects both connections and subscribes, or fails with a clear error when Redis is unreachable. */
  static async connect(url: string, log: Logger): Promise<RedisEventBus> {
    const options = { lazyConnect: true, connectionName: 'govpay-hub-events' };
    const publisher = new Redis(url, options);
    const subscriber = new Redis(url, options);
    let lastError: Error | undefined;
    for (const [role, connection] of [
      ['publisher', publisher],
      ['subscriber', subscriber],
    ] as const) {
      connection.on('error', (err: Error) => {
        lastError = err;
        log.warn({ err: err.message, role }, 'Redis events connection error (reconnecting)');
      });
    }
    try {
      await Promise.all([publisher.connect(), subscriber.connect()]);
      await subscriber.subscribe(EVENTS_CHANNEL);
    } catch (e) {
      publisher.disconnect();
      subscriber.disconnect();
      throw new Error(`REDIS_URL ${redacted(url)} is not reachable: ${(lastError ?? (e as Error)).message}`);
    }
    return new RedisEventBus(publisher, subscriber, log);
  }

  async publish(event: HubEvent): Promise<void> {
    await this.publisher.publish(EVENTS_CHANNEL, JSON.stringify(event));
  }

  subscribe(handler: (event: HubEvent) => void): () => void {
    return this.handlers.add(handler);
  }

  async close(): Promise<void> {
    this.handlers.clear();
    await Promise.all([this.publisher.quit(), this.subscriber.quit()]);
  }
}

/** The hub's event bus: Redis pub/sub when `redisUrl` is set (several instances), else in process. */
export async function createEventBus(redisUrl: string | undefined, log: Logger): Promise<EventBus> {
  return redisUrl ? RedisEventBus.connect(redisUrl, log) : new InProcessEventBus(log);
}

function redacted(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
