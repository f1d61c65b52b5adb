/** How many requests an entrance serves at once, how many more may wait for a turn, and for how long. */
export interface AdmissionLimits {
  active: number;
  queued: number;
  waitMs: number;
}

interface Waiter {
  admit(): void;
}

/**
 * Admits at most `active` requests at once; at most `queued` more wait, in arrival order and each at
 * most `waitMs`, for a turn, and any other is refused at once. Without it a burst beyond what the hub
 * can do queues without bound inside the process: every answer comes after the caller's deadline
 * (the Nodo sends the receipt again anyway), and the outbox's statements wait behind all of them.
 */
export class Admission {
  private active = 0;
  private readonly waiting: Waiter[] = [];

  constructor(private readonly limits: AdmissionLimits) {}

  /** Resolves to the function that ends the turn, or to undefined when the request is refused. */
  enter(): Promise<(() => void) | undefined> {
    if (this.active < this.limits.active) return Promise.resolve(this.turn());
    if (this.waiting.length >= this.limits.queued) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        admit: () => {
          clearTimeout(timer);
          resolve(this.turn());
        },
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        resolve(undefined);
      }, this.limits.waitMs);
      this.waiting.push(waiter);
    });
  }

  private turn(): () => void {
    this.active += 1;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.active -= 1;
      this.waiting.shift()?.admit();
    };
  }
}
