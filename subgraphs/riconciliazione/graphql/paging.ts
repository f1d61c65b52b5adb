import { ArgsType, Field, Int } from 'type-graphql';
import type { PageRequest } from '../../../core/paging';
import { listPage, MAX_FIRST } from '../../runtime/connection';

/** The page of groups a quadratura returns: the groups come all at once, in their order, without a count. */
@ArgsType()
export class QuadraturaPageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 25, description: `Groups per page, 0..${MAX_FIRST}.` })
  first: number = 25;

  @Field(() => Int, { nullable: true, description: 'Groups to skip.' })
  offset?: number | null;
}

/** A quadratura's page of groups. */
export const paginaDiGruppi = (args: QuadraturaPageArgs): PageRequest => listPage({ ...args, withCount: false }, []);
