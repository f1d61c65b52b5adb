import { Property } from '@mikro-orm/core';

/**
 * Every row records when it was created and last changed (UTC). The type comes from the `Date`
 * declaration: an explicit 'datetime' type makes MikroORM snapshot SQLite dates differently from
 * how it compares them, so every loaded row would look changed and be rewritten on flush.
 */
export abstract class Timestamped {
  @Property({ length: 3, onCreate: () => new Date() })
  createdAt: Date = new Date();

  @Property({ length: 3, onCreate: () => new Date(), onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
