import type { EntityManager } from '@mikro-orm/core';
import { OutboxJob, type TipoOutbox } from '../../../schema/entities';
import type { EventBus } from '../../../core/events';
import { takeLeases } from '../../../core/leases';
import type { Logger } from '../../../core/logger';
import { PollingWorker } from '../../../core/polling-worker';
import { notificaRicevuta } from '../ente/notifica';
import { outboxSignal } from './outbox';
import { OutboxEvents } from './outbox-events';

export interface OutboxWorkerOptions {
  /** This instance's name in leases. */
  owner: string;
  pollMs: number;
  /** Longer than a job can take (ENTE_NOTIFY_TIMEOUT_MS), so no job runs twice at once. */
  leaseMs: number;
  notifyTimeoutMs: number;
  /** Notifications running at once on this instance. */
  concurrency?: number;
  /** Events of bulk changes (tracciati) this instance publishes per second (OUTBOX_BULK_EVENTS_PER_SECOND). */
  bulkEventsPerSecond?: number;
  /** The worker's clock (tests move it instead of waiting for a retry). */
  now?: () => Date;
}

const MINUTE = 60_000;
const MAX_DELAY = 24 * 60 * MINUTE;
/** ultimoErrore's column width. */
const MAX_ERROR = 2048;

/** How long after its n-th failed attempt a job is tried again: n² minutes, at most a day. */
export const retryDelayMs = (tentativi: number): number => Math.min(tentativi * tentativi * MINUTE, MAX_DELAY);

/**
 * How long after a commit the worker looks: every write of a pendenza commits an event, and a
 * look per write would cost the database more than the write itself; the commits of these few
 * milliseconds are published together (a subscriber hears of them that much later).
 */
const SETTLE_MS = 50;

/** The tipi of the event lanes (outbox-events.ts); every other tipo is a notification. */
const EVENTI = ['EVENTO', 'EVENTI'];

/** Where the worker looks for due jobs: each event lane, and the notifications. */
type Lane = 'EVENTO' | 'EVENTI' | 'NOTIFICHE';
const LANES: readonly Lane[] = ['EVENTO', 'EVENTI', 'NOTIFICHE'];
const laneOf = (tipo: TipoOutbox): Lane => (tipo === 'EVENTO' || tipo === 'EVENTI' ? tipo : 'NOTIFICHE');

/**
 * Runs the outbox's due jobs: notifications to the Ente's systems and events for subscribers.
 * A job is taken with a lease (a conditional UPDATE, as the tracciati worker does), so any number of
 * instances share the table and each job runs once at a time; a few notifications run concurrently
 * here, and a slow Ente holds one slot, not the worker. Events go their own way, in lanes that
 * never wait for a notification (OutboxEvents). A failed job is retried with a growing delay and
 * never abandoned: an Ente down for hours gets its notifications when it is back.
 */
export class OutboxWorker extends PollingWorker {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly concurrency: number;
  private readonly now: () => Date;
  private readonly events: OutboxEvents;
  private bulk?: Promise<void>;
  /** The lanes this instance committed to since the last drain (outboxSignal's tipi). */
  private readonly wanted = new Set<Lane>();
  /** When every lane was last looked at: at least once a poll, for retries and other instances' jobs. */
  private lookedEverywhere = 0;

  constructor(
    private readonly root: EntityManager,
    bus: EventBus,
    log: Logger,
    private readonly options: OutboxWorkerOptions,
  ) {
    super(log, { name: 'outbox worker', pollMs: options.pollMs, wake: { emitter: outboxSignal(root), event: 'enqueued', afterMs: SETTLE_MS } });
    this.concurrency = options.concurrency ?? 8;
    this.now = options.now ?? (() => new Date());

    this.events = new OutboxEvents(root, bus, log, {
      owner: options.owner,
      leaseMs: options.leaseMs,
      bulkPerSecond: options.bulkEventsPerSecond ?? 200,
      now: this.now,
      retryDelayMs,
    });
  }

  private readonly committed = (tipi?: TipoOutbox[]): void => {
    for (const lane of tipi?.map(laneOf) ?? LANES) this.wanted.add(lane);
  };

  override start(): void {
    outboxSignal(this.root).on('enqueued', this.committed);
    super.start();
  }

  /**
   * Stops taking jobs and waits for those running; a notification cut short keeps its lease until
   * it expires, bulk events cut short are handed back at once.
   */
  override async stop(): Promise<void> {
    outboxSignal(this.root).off('enqueued', this.committed);
    await super.stop();
    await Promise.all([...this.inFlight, this.bulk]);
  }

  /**
   * Publishes the due events, starts the bulk lane's next round if it is idle, and fills the free
   * notification slots; each job that ends frees its slot and looks for more. Woken by this
   * instance's commits, it looks only in the lanes they wrote to (a PUT's event costs one look at
   * the events, not three), and in every lane at least once a poll.
   */
  protected async drain(stopping: () => boolean): Promise<void> {
    const everywhere = this.wanted.size === 0 || Date.now() - this.lookedEverywhere >= this.options.pollMs;
    const lanes = everywhere ? new Set(LANES) : new Set(this.wanted);
    this.wanted.clear();
    if (everywhere) this.lookedEverywhere = Date.now();
    if (lanes.has('EVENTO')) await this.events.publishDue(stopping);
    if (lanes.has('EVENTI')) this.bulk = this.events.startBulk(stopping, () => this.wake('EVENTI')) ?? this.bulk;
    if (lanes.has('NOTIFICHE')) await this.fillSlots(stopping);
  }

  /** Looks again in one lane. */
  private wake(lane: Lane): void {
    this.wanted.add(lane);
    this.kick();
  }

  private async fillSlots(stopping: () => boolean): Promise<void> {
    while (!stopping()) {
      const free = this.concurrency - this.inFlight.size;
      if (free <= 0) return;
      const jobs = await this.claim(free);
      for (const job of jobs) {
        const running: Promise<void> = this.run(job).finally(() => {
          this.inFlight.delete(running);
          this.wake('NOTIFICHE');
        });
        this.inFlight.add(running);
      }
      if (jobs.length < free) return;
    }
  }

  private async claim(max: number): Promise<OutboxJob[]> {
    const now = this.now();
    const due = { tipo: { $nin: EVENTI }, stato: 'DA_ESEGUIRE', prossimoTentativo: { $lte: now } };
    const em = this.root.fork();
    const ids = await takeLeases(em, OutboxJob, {
      claimable: [{ ...due, leaseScadenza: null }, { ...due, leaseScadenza: { $lt: now } }],
      lease: { leaseOwner: this.options.owner, leaseScadenza: new Date(now.getTime() + this.options.leaseMs), updatedAt: now },
      max,
    });
    return ids.length ? em.find(OutboxJob, { id: { $in: ids } }, { orderBy: { id: 'ASC' } }) : [];
  }

  private async run(job: OutboxJob): Promise<void> {
    const tentativo = job.tentativi + 1;
    const about = { job: job.id, tipo: job.tipo, chiave: job.chiave, tentativo };
    try {
      let outcome: string;
      try {
        outcome = await this.handle(job);
      } catch (e) {
        const prossimoTentativo = new Date(this.now().getTime() + retryDelayMs(tentativo));
        const ultimoErrore = (e as Error).message.slice(0, MAX_ERROR);
        await this.release(job, { tentativi: tentativo, prossimoTentativo, ultimoErrore });
        this.log.warn({ ...about, prossimoTentativo: prossimoTentativo.toISOString(), err: ultimoErrore }, 'outbox job failed; retried later');
        return;
      }
      await this.release(job, { tentativi: tentativo, stato: 'ESEGUITO', eseguitoIl: this.now() });
      this.log.info({ ...about, outcome }, 'outbox job done');
    } catch (e) {
      this.log.error({ ...about, err: e }, 'outbox job left to its lease expiry');
    }
  }

  /** Records the attempt and frees the lease, if this instance still holds it. */
  private async release(job: OutboxJob, changes: Partial<OutboxJob>): Promise<void> {
    await this.root
      .fork()
      .nativeUpdate(OutboxJob, { id: job.id, leaseOwner: this.options.owner }, { ...changes, leaseOwner: null, leaseScadenza: null, updatedAt: this.now() });
  }

  /** Does the job; returns what happened, for the log. */
  private async handle(job: OutboxJob): Promise<string> {
    const esito = await notificaRicevuta(this.root.fork(), job.payload, this.options.notifyTimeoutMs);
    return esito.inviata ? `sent ${esito.path}` : `nothing sent: ${esito.motivo}`;
  }
}
