import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { errors } from '../../core/errors';
import { sorted } from './ordering';
import {
  decodeCursor,
  encodeCursor,
  MAX_PAGE_SIZE,
  parseOrdering,
  type Page,
  type PageRequest,
  type SortDirection,
} from '../../core/paging';

@Directive('@shareable')
@ObjectType({ description: 'Where a page ends and whether another follows.' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to read the next page.' })
  endCursor?: string;
}

export const COUNT_LIMIT_DESCRIPTION =
  "Count at most this many matches: totalCount is then this number when there are more (GovPay's maxRisultati).";

/** A page of a list: cursor-based (`first` + `after`) for portals, offset-based for GovPay's `pagina`. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 25, description: `Page size, 0..${MAX_PAGE_SIZE}; 0 only counts.` })
  first: number = 25;

  @Field(() => String, { nullable: true, description: 'Cursor returned as pageInfo.endCursor by the previous page.' })
  after?: string;

  @Field(() => Int, { nullable: true, description: 'Rows to skip; ignored when `after` is given.' })
  offset?: number;

  @Field(() => String, { nullable: true, description: 'Comma-separated fields, each prefixed by + (ascending) or -.' })
  orderBy?: string;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'Compute totalCount (a second query).' })
  withCount: boolean = true;

  @Field(() => Int, {
    nullable: true,
    description: COUNT_LIMIT_DESCRIPTION,
  })
  countLimit?: number | null;
}

export function pageRequest(args: PageArgs, orderable: Record<string, string>, fallback: string): PageRequest {
  const limit = args.first ?? 25;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw errors.syntax(`Il campo first deve essere compreso tra 0 e ${MAX_PAGE_SIZE}.`);
  }
  const offset = args.after ? decodeCursor(args.after) + 1 : (args.offset ?? 0);
  if (!Number.isInteger(offset) || offset < 0) throw errors.syntax("Il campo offset non puo' essere negativo.");
  return { limit, offset, ...counting(args), orderBy: parseOrdering(args.orderBy, orderable, fallback) };
}

function counting(args: { withCount?: boolean; countLimit?: number | null }): Pick<PageRequest, 'withCount' | 'countLimit'> {
  const limit = args.countLimit ?? undefined;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw errors.syntax('Il campo countLimit deve essere positivo.');
  return { withCount: args.withCount ?? true, countLimit: limit };
}

export interface ConnectionShape<T> {
  nodes: T[];
  totalCount?: number;
  pageInfo: PageInfo;
}

export function toConnection<T>(page: Page<T>): ConnectionShape<T> {
  const last = page.offset + page.items.length - 1;
  return {
    nodes: page.items,
    totalCount: page.total,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.items.length ? encodeCursor(last) : undefined },
  };
}

/** Builds the `XConnection` type of a node type. */
export function Connection<T extends object>(node: ClassType<T>): ClassType<ConnectionShape<T>> {
  @ObjectType(`${node.name}Connection`)
  class ConnectionType {
    @Field(() => [node])
    nodes!: T[];

    @Field(() => Int, { nullable: true, description: 'Every match, when withCount is true.' })
    totalCount?: number;

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}

/** Largest page of the lists with a typed orderBy (DESIGN.md §4b). */
export const MAX_FIRST = 100;

/** The page arguments of a list with a typed orderBy: cursor-based for portals, offset-based for GovPay's `pagina`. */
@ArgsType()
export class ListPageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 25, description: `Page size, 0..${MAX_FIRST}; 0 only counts.` })
  first: number = 25;

  @Field(() => String, { nullable: true, description: 'pageInfo.endCursor of the previous page.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Rows to skip; ignored when `after` is given.' })
  offset?: number | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'Compute totalCount (a second query).' })
  withCount: boolean = true;

  @Field(() => Int, {
    nullable: true,
    description: COUNT_LIMIT_DESCRIPTION,
  })
  countLimit?: number | null;
}

/** The page such arguments ask for, in `orderBy`'s order, refused beyond MAX_FIRST rows. */
export function listPage(args: ListPageArgs, orderBy: PageRequest['orderBy']): PageRequest {
  const first = args.first ?? 25;
  if (!Number.isInteger(first) || first < 0 || first > MAX_FIRST)
    throw errors.syntax(`Il campo first deve essere compreso tra 0 e ${MAX_FIRST}.`);
  const from = args.after ? decodeCursor(args.after) + 1 : (args.offset ?? 0);
  if (!Number.isInteger(from) || from < 0) throw errors.syntax("Il campo offset non puo' essere negativo.");
  return { limit: first, offset: from, ...counting(args), orderBy };
}

/** The page of a list with a typed orderBy: `fields` maps its order field enum to the domain's fields, `fallback` orders when none is given. */
export function orderedPage<F extends string>(
  args: ListPageArgs,
  orderBy: ReadonlyArray<{ field: F; direction: SortDirection }> | null | undefined,
  fields: Record<F, string>,
  fallback: F,
  direction: SortDirection = 'ASC',
): PageRequest {
  return listPage(args, sorted(orderBy, fields, fallback, direction));
}
