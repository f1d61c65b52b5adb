import type { EntityManager } from '@mikro-orm/core';
import type { GiornaleEventi } from '../../core/journal-policy';
import type { Logger } from '../../core/logger';
import { leggiGiornaleEventi } from '../../subgraphs/giornale/services';

/**
 * The giornaleEventi in force on this instance: read synchronously on every exchange, re-read from
 * the database in the background once older than `ttlMs`, so a change made through /configurazioni
 * on any instance applies everywhere within that time without a query per request.
 */
export class GiornaleCorrente {
  private value: GiornaleEventi;
  private readAt = 0;
  private reading?: Promise<void>;

  constructor(
    private readonly em: EntityManager,
    private readonly defaults: GiornaleEventi,
    private readonly ttlMs: number,
    private readonly log: Logger,
  ) {
    this.value = defaults;
  }

  readonly get = (): GiornaleEventi => {
    if (Date.now() - this.readAt >= this.ttlMs) void this.refresh();
    return this.value;
  };

  /** Reads it now (at start, and when a test wants the change at once). */
  refresh(): Promise<void> {
    this.reading ??= leggiGiornaleEventi(this.em, this.defaults)
      .then((v) => {
        this.value = v;
      })
      .catch((e: unknown) => this.log.warn({ err: e }, 'giornale degli eventi: the configuration could not be read, the last one stays'))
      .finally(() => {
        this.readAt = Date.now();
        this.reading = undefined;
      });
    return this.reading;
  }
}
