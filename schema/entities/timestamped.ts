import { Property } from '@mikro-orm/core';

/** Every row records when it was created and last changed (UTC). */
export abstract class Timestamped {
  @Property({ type: 'datetime', length: 3, onCreate: () => new Date() })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', length: 3, onCreate: () => new Date(), onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
