import { registerEnumType } from 'type-graphql';

/** The direction of every typed `orderBy` of the graph (DESIGN.md §4b), one enum for all subgraphs. */
export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, { name: 'OrderDirection', description: 'Ascending or descending.' });
