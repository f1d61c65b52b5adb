import type { EntityManager } from '@mikro-orm/core';

const states = new WeakMap<object, Map<string, unknown>>();

/**
 * State kept for as long as one database is open (caches, allocators), shared by every
 * EntityManager forked from it. Keyed by the ORM's driver rather than held in a module variable,
 * because one process may open several databases (tests, tools) and they must never share it.
 */
export function perDatabase<T>(em: EntityManager, key: string, create: () => T): T {
  const driver = em.getDriver();
  let state = states.get(driver);
  if (!state) {
    state = new Map();
    states.set(driver, state);
  }
  let value = state.get(key) as T | undefined;
  if (value === undefined) {
    value = create();
    state.set(key, value);
  }
  return value;
}
