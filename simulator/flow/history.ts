import type { PaymentRecord } from './record';

/** The payments played, in memory: the simulator keeps no state beyond its process. */
export class History {
  private readonly records = new Map<string, PaymentRecord>();

  /** Beyond `limit` the oldest record goes, so a long demo cannot grow memory without end. */
  constructor(private readonly limit: number) {}

  add(record: PaymentRecord): void {
    this.records.set(record.id, record);
    for (const id of this.records.keys()) {
      if (this.records.size <= this.limit) break;
      this.records.delete(id);
    }
  }

  get(id: string): PaymentRecord | undefined {
    return this.records.get(id);
  }

  /** Newest first. */
  list(): PaymentRecord[] {
    return [...this.records.values()].reverse();
  }

  clear(): void {
    this.records.clear();
  }
}
