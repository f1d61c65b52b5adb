import type { EntityManager } from '@mikro-orm/core';
import type { Principal } from '../../core/principal';

/** What every subgraph resolver receives: the verified caller and a request-scoped EntityManager. */
export interface SubgraphContext {
  principal: Principal;
  em: EntityManager;
  /** Per-request memo for loaders, so each subgraph builds its DataLoaders once per request. */
  memo: Map<string, unknown>;
}

export function memoized<T>(ctx: SubgraphContext, key: string, make: () => T): T {
  let v = ctx.memo.get(key) as T | undefined;
  if (v === undefined) {
    v = make();
    ctx.memo.set(key, v);
  }
  return v;
}
