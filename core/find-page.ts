import type { EntityManager, EntityName, FilterQuery, FindOptions } from '@mikro-orm/core';
import { pageOf, type Page, type PageRequest } from './paging';

/** A filter built field by field; MikroORM checks it against the entity at run time. */
export type Where = Record<string, unknown>;

/** One page of entities; the count runs only when asked, and one extra row tells if more exist. */
export async function findPage<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: Where,
  req: PageRequest,
  options: Pick<FindOptions<T, never>, 'populate' | 'strategy'> = {},
): Promise<Page<T>> {
  // One object per term keeps their priority; a dotted field orders by a related entity's property.
  const orderBy = req.orderBy.map(([field, dir]) =>
    field.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), dir),
  ) as FindOptions<T>['orderBy'];
  const [rows, total] = await Promise.all([
    req.limit === 0
      ? Promise.resolve([] as T[])
      : em.find(
          entity,
          where as FilterQuery<T>,
          { ...options, orderBy, offset: req.offset, limit: req.limit + 1 } as FindOptions<T, never>,
        ),
    req.withCount ? em.count(entity, where as FilterQuery<T>) : Promise.resolve(undefined),
  ]);
  return pageOf(rows as T[], req, total);
}

/** A case-insensitive "contains" filter with the user's wildcards taken literally. */
export function contains(text: string): { $like: string } {
  return { $like: `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` };
}
