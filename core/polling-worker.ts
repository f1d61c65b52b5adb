import type { EventEmitter } from 'node:events';
import type { Logger } from './logger';

export interface PollingWorkerOptions {
  /** Names the worker in its logs. */
  name: string;
  pollMs: number;
  /**
   * The in-process signal that work was committed here: the worker looks then, not at the next poll;
   * `afterMs` later, so that the commits of a busy moment are taken together rather than one look each.
   */
  wake?: { emitter: EventEmitter; event: string; afterMs?: number };
}

/**
 * The loop of a background worker over a shared table: a subclass's `drain` takes and does whatever
 * work is claimable, then the worker sleeps `pollMs` (or less, when woken). One drain runs at a time;
 * a wake-up during a drain runs another one after it.
 */
export abstract class PollingWorker {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  /** Asked to look again while a drain ran: in how long after it ends. */
  private again?: number;
  /** When the scheduled drain runs (ms since 1970). */
  private due = Infinity;

  constructor(
    protected readonly log: Logger,
    private readonly loop: PollingWorkerOptions,
  ) {}

  /** Does the claimable work; `stopping()` turns true when the worker is asked to stop. */
  protected abstract drain(stopping: () => boolean): Promise<void>;

  start(): void {
    this.stopped = false;
    this.loop.wake?.emitter.on(this.loop.wake.event, this.woken);
    this.schedule(0);
  }

  /** Looks for work now instead of at the next poll. */
  readonly kick = (): void => this.lookIn(0);

  private readonly woken = (): void => this.lookIn(this.loop.wake?.afterMs ?? 0);

  private lookIn(ms: number): void {
    if (this.stopped) return;
    if (this.running) this.again = Math.min(this.again ?? Infinity, ms);
    else if (Date.now() + ms < this.due) this.schedule(ms);
  }

  /** Stops polling and waits for the drain in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.loop.wake?.emitter.off(this.loop.wake.event, this.woken);
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.due = Date.now() + ms;
    this.timer = setTimeout(() => {
      this.due = Infinity;
      this.running = this.guardedDrain().finally(() => {
        this.running = undefined;
        if (!this.stopped) this.schedule(this.again ?? this.loop.pollMs);
        this.again = undefined;
      });
    }, ms);
    this.timer.unref();
  }

  private async guardedDrain(): Promise<void> {
    try {
      await this.drain(() => this.stopped);
    } catch (e) {
      this.log.error({ err: e }, `${this.loop.name} failed; it retries at the next poll`);
    }
  }
}
