import type { EntityManager, EntityName, FilterQuery, FindOptions } from '@mikro-orm/core';
import { raw } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/mysql';
import { pageOf, type Page, type PageRequest } from './paging';

/** A filter built field by field; MikroORM checks it against the entity at run time. */
export type Where = Record<string, unknown>;

/**
 * One page of entities; the count runs only when asked, and one extra row tells if more exist.
 * A filter with a raw SQL key (MikroORM's `raw()`) is given as a function: such a key is good for
 * one query only, and the page and its count are two.
 */
export async function findPage<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  filter: Where | (() => Where),
  req: PageRequest,
  options: Pick<FindOptions<T, never>, 'populate' | 'strategy'> = {},
): Promise<Page<T>> {
  // One object per term keeps their priority; a dotted field orders by a related entity's property.
  const orderBy = req.orderBy.map(([field, dir]) =>
    field.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), dir),
  ) as FindOptions<T>['orderBy'];
  const where = () => (typeof filter === 'function' ? filter() : filter);
  const [rows, total] = await Promise.all([
    req.limit === 0
      ? Promise.resolve([] as T[])
      : em.find(
          entity,
          where() as FilterQuery<T>,
          { ...options, orderBy, offset: req.offset, limit: req.limit + 1 } as FindOptions<T, never>,
        ),
    req.withCount ? countUpTo(em, entity, where(), req.countLimit) : Promise.resolve(undefined),
  ]);
  return pageOf(rows as T[], req, total);
}

/** The number of matches, or `limit` when there are at least that many: the count reads `limit` rows at most. */
async function countUpTo<T extends object>(em: EntityManager, entity: EntityName<T>, where: Where, limit?: number): Promise<number> {
  if (limit === undefined) return em.count(entity, where as FilterQuery<T>);
  const matches = (em as SqlEntityManager).createQueryBuilder(entity).select(raw('1')).where(where).limit(limit).getKnexQuery();
  const [row] = await (em as SqlEntityManager).getKnex().count({ n: '*' }).from(matches.as('capped'));
  return Number((row as { n: number | string }).n);
}

/** A case-insensitive "contains" filter with the user's wildcards taken literally. */
export function contains(text: string): { $like: string } {
  return { $like: `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` };
}
