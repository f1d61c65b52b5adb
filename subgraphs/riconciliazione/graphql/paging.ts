import { ArgsType, Field, Int } from 'type-graphql';
import type { PageRequest, SortDirection } from '../../../core/paging';
import { listPage, type ListPageArgs, MAX_FIRST } from '../../runtime/connection';

/** The page of groups a quadratura returns: the groups come all at once, in their order, without a count. */
@ArgsType()
export class QuadraturaPageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 25, description: `Groups per page, 0..${MAX_FIRST}.` })
  first: number = 25;

  @Field(() => Int, { nullable: true, description: 'Groups to skip.' })
  offset?: number | null;
}

/** The graph's paging and typed orderBy (else `fallback`) as the domain's page request. */
export function pagina<F extends string>(
  args: ListPageArgs,
  orderBy: Array<{ field: F; direction: SortDirection }> | null,
  fields: Record<F, string>,
  fallback: [string, SortDirection],
): PageRequest {
  return listPage(args, orderBy?.length ? orderBy.map((o) => [fields[o.field], o.direction]) : [fallback]);
}

/** A quadratura's page of groups. */
export const paginaDiGruppi = (args: QuadraturaPageArgs): PageRequest => listPage({ ...args, withCount: false }, []);
