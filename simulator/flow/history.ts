/** What the simulator played (payments, carts), in memory: it keeps no state beyond its process. */
export class History<T extends { id: string }> {
  private readonly records = new Map<string, T>();

  /** Beyond `limit` the oldest record goes, so a long demo cannot grow memory without end. */
  constructor(private readonly limit: number) {}

  add(record: T): void {
    this.records.set(record.id, record);
    for (const id of this.records.keys()) {
      if (this.records.size <= this.limit) break;
      this.records.delete(id);
    }
  }

  get(id: string): T | undefined {
    return this.records.get(id);
  }

  /** Newest first. */
  list(): T[] {
    return [...this.records.values()].reverse();
  }

  clear(): void {
    this.records.clear();
  }
}
