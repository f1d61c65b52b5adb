import type { EntityManager } from '@mikro-orm/core';
import type { TipoOutbox } from '../../../schema/entities';
import type { EventBus } from '../../../core/events';
import type { Logger } from '../../../core/logger';
import { PollingWorker } from '../../../core/polling-worker';
import { notificheRicevute, type Notifica } from '../ente/notifica';
import { outboxSignal } from './outbox';
import { OutboxEvents } from './outbox-events';
import { Releases } from './outbox-releases';
import { outboxRows, type OutboxRow } from './outbox-rows';

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

/**
 * Notifications in flight by default: enough to keep a few hundred a second going to an Ente
 * that answers in a few milliseconds, few enough not to flood one that is slow.
 */
const CONCURRENCY = 16;

/** The tipi of the event lanes (outbox-events.ts); every other tipo is a notification. */
const EVENTI: TipoOutbox[] = ['EVENTO', 'EVENTI'];

/** Where the worker looks for due jobs: each event lane, and the notifications. */
type Lane = 'EVENTO' | 'EVENTI' | 'NOTIFICHE';
const LANES: readonly Lane[] = ['EVENTO', 'EVENTI', 'NOTIFICHE'];
const laneOf = (tipo: TipoOutbox): Lane => (tipo === 'EVENTO' || tipo === 'EVENTI' ? tipo : 'NOTIFICHE');

/**
 * Runs the outbox's due jobs: notifications to the Ente's systems and events for subscribers.
 * Jobs are taken many at a time with a lease (one conditional UPDATE, outbox-rows.ts), so any number
 * of instances share the table and each job runs once at a time; their receipts are read together,
 * their notifications run concurrently here (a slow Ente holds one slot, not the worker), and the
 * jobs that end together are recorded together (outbox-releases.ts), a failed record retried. Events go their own way, in lanes that
 * never wait for a notification (OutboxEvents). A failed job is retried with a growing delay and
 * never abandoned: an Ente down for hours gets its notifications when it is back.
 */
export class OutboxWorker extends PollingWorker {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly concurrency: number;
  private readonly now: () => Date;
  private readonly events: OutboxEvents;
  private bulk?: Promise<void>;
  private readonly releases: Releases;
  /** Notifications are taken again when this many slots are free (or none is busy): a claim serves several jobs. */
  private readonly refill: number;
  private claims = 0;
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
    super(log, {
      name: 'outbox worker',
      pollMs: options.pollMs,
      wake: { emitter: outboxSignal(root), event: 'enqueued', afterMs: SETTLE_MS },
    });
    this.concurrency = options.concurrency ?? CONCURRENCY;
    this.refill = Math.max(1, Math.floor(this.concurrency / 4));
    this.now = options.now ?? (() => new Date());
    this.releases = new Releases(root, log, { now: this.now });

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
    await this.releases.settled();
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
      if (free <= 0 || (this.inFlight.size > 0 && free < this.refill)) return;
      const { jobs, token } = await this.claim(free);
      if (jobs.length) this.runAll(jobs, token);
      if (jobs.length < free) return;
    }
  }

  private async claim(max: number): Promise<{ jobs: OutboxRow[]; token: string }> {
    const now = this.now();
    const token = `${this.options.owner}#n${++this.claims}`;
    const leaseUntil = new Date(now.getTime() + this.options.leaseMs);
    const jobs = await outboxRows(this.root).claim(this.root.fork(), { not: EVENTI }, token, now, leaseUntil, max);
    return { jobs, token };
  }

  /** Runs the jobs of one claim, each in a slot of its own once their receipts are read. */
  private runAll(jobs: OutboxRow[], token: string): void {
    const ready = notificheRicevute(
      this.root.fork(),
      jobs.map((j) => j.payload),
      this.options.notifyTimeoutMs,
    );
    jobs.forEach((job, i) => {
      const running: Promise<void> = this.run(
        job,
        token,
        ready.then((n) => n[i]),
      ).finally(() => {
        this.inFlight.delete(running);
        this.wake('NOTIFICHE');
      });
      this.inFlight.add(running);
    });
  }

  private async run(job: OutboxRow, token: string, notifica: Promise<Notifica>): Promise<void> {
    const tentativo = job.tentativi + 1;
    const about = { job: job.id, tipo: job.tipo, chiave: job.chiave, tentativo };
    let outcome: string;
    try {
      const esito = await (await notifica)();
      outcome = esito.inviata ? `sent ${esito.path}` : `nothing sent: ${esito.motivo}`;
    } catch (e) {
      const prossimoTentativo = new Date(this.now().getTime() + retryDelayMs(tentativo));
      const ultimoErrore = (e as Error).message.slice(0, MAX_ERROR);
      this.releases.failed(job, token, { tentativi: tentativo, prossimoTentativo, ultimoErrore });
      this.log.warn(
        { ...about, prossimoTentativo: prossimoTentativo.toISOString(), err: ultimoErrore },
        'outbox job failed; retried later',
      );
      return;
    }
    this.releases.done(job, token);
    this.log.info({ ...about, outcome }, 'outbox job done');
  }
}
