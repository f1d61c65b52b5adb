import type { EntityManager } from '@mikro-orm/core';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EventBus, HubEvent } from '../../../core/events';
import type { Logger } from '../../../core/logger';
import { outboxRows, type OutboxRow } from './outbox-rows';

export interface OutboxEventsOptions {
  owner: string;
  leaseMs: number;
  /** The bulk lane's pace: events published per second by this instance. */
  bulkPerSecond: number;
  now: () => Date;
  /** When a publication failed: the delay before its jobs are tried again. */
  retryDelayMs: (tentativi: number) => number;
}

/** Single events taken and published together: one claim and one update for the lot. */
const BATCH = 200;
/** Bulk jobs taken together (each up to a tracciato chunk's 500 events). */
const BULK_JOBS = 10;
/** The bulk lane publishes in slices this many times a second. */
const SLICES_PER_SECOND = 20;

/**
 * The outbox's events, in two lanes. EVENTO jobs (one write, one event: the APIs, payments) are
 * published as soon as they commit, many per claim. EVENTI jobs (a tracciato's rows) are published
 * at most `bulkPerSecond` a second by one background task, after folding the events of one
 * pendenza into its latest: a load of a hundred thousand rows reaches subscribers as a steady
 * stream, never as a burst that would take the gateway from everything else, and the first lane
 * never waits behind it. Delivery is at least once: a job is marked done after its events went
 * out, so a crash in between publishes them again (subscribers re-read the state either way).
 */
export class OutboxEvents {
  private claims = 0;
  private bulk?: Promise<void>;
  /** When the bulk lane may publish its next slice. */
  private nextSlice = 0;

  constructor(
    private readonly root: EntityManager,
    private readonly bus: EventBus,
    private readonly log: Logger,
    private readonly o: OutboxEventsOptions,
  ) {}

  /** Publishes every single event due, in commit order, a batch at a time. */
  async publishDue(stopping: () => boolean): Promise<void> {
    while (!stopping()) {
      const em = this.root.fork();
      const { jobs, token } = await this.take(em, 'EVENTO', BATCH);
      if (!jobs.length) return;
      await this.publishing(em, jobs, token, () => Promise.all(jobs.map((j) => this.bus.publish(j.payload as unknown as HubEvent))));
      if (jobs.length < BATCH) return;
    }
  }

  /**
   * Starts the bulk lane's next round in the background unless one is running; `more` is called
   * when a round published something (there may be more to take). The promise ends with the round.
   */
  startBulk(stopping: () => boolean, more: () => void): Promise<void> | undefined {
    if (this.bulk) return undefined;
    const round = this.bulkRound(stopping).then(
      (published) => {
        if (published) more();
      },
      (e: unknown) => this.log.error({ err: e }, 'outbox bulk events failed; retried at the next poll'),
    );
    this.bulk = round.finally(() => (this.bulk = undefined));
    return this.bulk;
  }

  private async bulkRound(stopping: () => boolean): Promise<boolean> {
    const em = this.root.fork();
    const { jobs, token } = await this.take(em, 'EVENTI', BULK_JOBS);
    if (!jobs.length) return false;
    const eventi = latestPerPendenza(jobs.flatMap((j) => (j.payload.eventi as HubEvent[] | undefined) ?? []));
    await this.publishing(em, jobs, token, () => this.paced(em, eventi, jobs, token, stopping));
    return true;
  }

  /** Publishes at the lane's pace, a slice at a time, holding the lease for as long as it takes. */
  private async paced(em: EntityManager, eventi: HubEvent[], jobs: OutboxRow[], token: string, stopping: () => boolean): Promise<void> {
    const slice = Math.max(1, Math.ceil(this.o.bulkPerSecond / SLICES_PER_SECOND));
    let leasedAt = Date.now();
    for (let i = 0; i < eventi.length; i += slice) {
      if (stopping()) throw new Stopped();
      const wait = this.nextSlice - Date.now();
      if (wait > 0) await sleep(wait);
      const part = eventi.slice(i, i + slice);
      this.nextSlice = Math.max(Date.now(), this.nextSlice) + (part.length * 1000) / this.o.bulkPerSecond;
      await Promise.all(part.map((e) => this.bus.publish(e)));
      if (Date.now() - leasedAt > this.o.leaseMs / 2) {
        await outboxRows(em).extend(
          em,
          jobs.map((j) => j.id),
          token,
          new Date(this.o.now().getTime() + this.o.leaseMs),
        );
        leasedAt = Date.now();
      }
    }
  }

  /** Takes due jobs of one tipo with a lease marked by a token of this claim alone. */
  private async take(em: EntityManager, tipo: 'EVENTO' | 'EVENTI', max: number): Promise<{ jobs: OutboxRow[]; token: string }> {
    const now = this.o.now();
    const token = `${this.o.owner}#${++this.claims}`;
    const jobs = await outboxRows(em).claim(em, { tipi: [tipo] }, token, now, new Date(now.getTime() + this.o.leaseMs), max);
    return { jobs, token };
  }

  /** Runs a publication of these jobs and records its end: done, failed (retried later), or cut short by a stop. */
  private async publishing(em: EntityManager, jobs: OutboxRow[], token: string, publish: () => Promise<unknown>): Promise<void> {
    const rows = outboxRows(em);
    const now = this.o.now();
    const ids = jobs.map((j) => j.id);
    try {
      await publish();
    } catch (e) {
      if (e instanceof Stopped) {
        // Handed back at once: the next instance to look (or this one restarted) publishes them again.
        await rows.handBack(em, ids, token, now);
        return;
      }
      const ultimoErrore = (e as Error).message.slice(0, 2048);
      for (const [tentativi, group] of byTentativi(jobs)) {
        const prossimoTentativo = new Date(now.getTime() + this.o.retryDelayMs(tentativi + 1));
        await rows.failed(em, group, { tentativi: tentativi + 1, prossimoTentativo, ultimoErrore }, token, now);
      }
      this.log.warn({ jobs: jobs.length, tipo: jobs[0].tipo, err: ultimoErrore }, 'outbox events not published; retried later');
      return;
    }
    await rows.done(em, jobs, token, this.o.now());
    this.log.debug({ jobs: jobs.length, tipo: jobs[0].tipo }, 'outbox events published');
  }
}

class Stopped extends Error {}

/** The jobs' ids by their count of attempts (almost always one group: first attempts). */
function byTentativi(jobs: OutboxRow[]): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (const j of jobs) groups.set(j.tentativi, [...(groups.get(j.tentativi) ?? []), j.id]);
  return groups;
}

/**
 * One event per pendenza, the latest, in the order of their latest changes: a subscriber reads the
 * pendenza's state when the event arrives, so the earlier ones would only repeat it.
 */
function latestPerPendenza(eventi: HubEvent[]): HubEvent[] {
  const latest = new Map<string, HubEvent>();
  eventi.forEach((e, i) => {
    const key = e.tipo === 'pendenzaAggiornata' ? `${e.idA2A}\u0000${e.idPendenza}` : String(i);
    latest.delete(key);
    latest.set(key, e);
  });
  return [...latest.values()];
}
