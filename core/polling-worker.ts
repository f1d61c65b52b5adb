import type { EventEmitter } from 'node:events';
import type { Logger } from './logger';

export interface PollingWorkerOptions {
  /** Names the worker in its logs. */
  name: string;
  pollMs: number;
  /** The in-process signal that work was committed here: the worker looks at once, not at the next poll. */
  wake?: { emitter: EventEmitter; event: string };
}

/**
 * The loop of a background worker over a shared table: a subclass's `drain` takes and does whatever
 * work is claimable, then the worker sleeps `pollMs` (or less, when woken). One drain runs at a time;
 * a wake-up during a drain runs another one right after it.
 */
export abstract class PollingWorker {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private again = false;

  constructor(
    protected readonly log: Logger,
    private readonly loop: PollingWorkerOptions,
  ) {}

  /** Does the claimable work; `stopping()` turns true when the worker is asked to stop. */
  protected abstract drain(stopping: () => boolean): Promise<void>;

  start(): void {
    this.stopped = false;
    this.loop.wake?.emitter.on(this.loop.wake.event, this.kick);
    this.schedule(0);
  }

  /** Looks for work now instead of at the next poll. */
  readonly kick = (): void => {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  };

  /** Stops polling and waits for the drain in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.loop.wake?.emitter.off(this.loop.wake.event, this.kick);
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.guardedDrain().finally(() => {
        this.running = undefined;
        if (!this.stopped) this.schedule(this.again ? 0 : this.loop.pollMs);
        this.again = false;
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
