import type { EventBus, HubEvent } from './events';

/** The event bus of a hub running alone: every subscriber of this process hears every event. */
export class InProcessEventBus implements EventBus {
  private readonly handlers = new Set<(event: HubEvent) => void>();

  async publish(event: HubEvent): Promise<void> {
    for (const handler of [...this.handlers]) handler(event);
  }

  subscribe(handler: (event: HubEvent) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  async close(): Promise<void> {
    this.handlers.clear();
  }
}
