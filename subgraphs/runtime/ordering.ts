import { Field, InputType, registerEnumType, type ClassType } from 'type-graphql';
import type { PageRequest, SortDirection } from '../../core/paging';
import { OrderDirection } from './order-direction';

/** One sort key of a list: a field of its `XOrderField` enum and a direction. */
export interface OrderKey<K extends string> {
  field: K;
  direction: OrderDirection;
}

/**
 * The `XOrder` input of a list and its `XOrderField` enum, whose values are the keys of `fields`:
 * the fields the domain sorts that list by (enum value → entity property), declared once there.
 */
export function Order<K extends string>(name: string, fields: Record<K, string>, what: string): ClassType<OrderKey<K>> {
  const values = Object.fromEntries(Object.keys(fields).map((k) => [k, k]));
  registerEnumType(values, { name: `${name}OrderField`, description: `What ${what} can be sorted by.` });

  @InputType(`${name}Order`, { description: `One sort key of ${what}.` })
  class OrderInput {
    @Field(() => values, { description: 'The field.' }) field!: K;
    @Field(() => OrderDirection, { description: 'The direction.' }) direction!: OrderDirection;
  }
  return OrderInput;
}

/** The entity order of a list: the caller's keys, or `fallback` in `direction` when it names none. */
export function sorted<K extends string>(
  orderBy: ReadonlyArray<{ field: K; direction: SortDirection }> | null | undefined,
  fields: Record<K, string>,
  fallback: K,
  direction: SortDirection = 'ASC',
): PageRequest['orderBy'] {
  return orderBy?.length ? orderBy.map((o) => [fields[o.field], o.direction]) : [[fields[fallback], direction]];
}
