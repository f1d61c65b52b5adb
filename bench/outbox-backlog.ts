import { openDatabase, type Orm } from '../schema/orm';
import { loadConfig } from '../core/config';
import { createLogger } from '../core/logger';

/**
 * The outbox's backlog as the bench sees it from the database: jobs not yet ESEGUITO among those
 * enqueued after `mark()`, leaving out the bulk events' lane (EVENTI: a tracciato's rows, paced on
 * purpose at OUTBOX_BULK_EVENTS_PER_SECOND, not part of a receipt's work).
 */
export class OutboxBacklog {
  private after = 0;

  private constructor(private readonly orm: Orm) {}

  static async open(url: string): Promise<OutboxBacklog> {
    return new OutboxBacklog(await openDatabase(loadConfig({ DATABASE_URL: url }).database, createLogger('silent'), 1));
  }

  /** From now on only jobs enqueued after this call count. */
  async mark(): Promise<void> {
    const [row] = await this.orm.em.getConnection().execute<Array<{ n: number | null }>>('select max(id) as n from outbox');
    this.after = Number(row?.n ?? 0);
  }

  async count(): Promise<number> {
    const [row] = await this.orm.em
      .getConnection()
      .execute<
        Array<{ n: number }>
      >("select count(*) as n from outbox where id > ? and stato <> 'ESEGUITO' and tipo <> 'EVENTI'", [this.after]);
    return Number(row.n);
  }

  /** Jobs enqueued after mark() (all tipi but EVENTI), done or not. */
  async enqueued(): Promise<number> {
    const [row] = await this.orm.em
      .getConnection()
      .execute<Array<{ n: number }>>("select count(*) as n from outbox where id > ? and tipo <> 'EVENTI'", [this.after]);
    return Number(row.n);
  }

  close(): Promise<void> {
    return this.orm.close(true);
  }
}
