import { Directive, Field, ID, ObjectType } from 'type-graphql';

/* What the riconciliazione subgraph references by key only: other subgraphs resolve them. */

export { DominioRef } from '../../runtime/dominio-ref';

/** A payment attempt and its receipt, owned by the pagamenti subgraph (which applies its own rights). */
@Directive('@key(fields: "idDominio iuv ccp", resolvable: false)')
@ObjectType('Rpp', { description: 'A payment attempt and its receipt (owned by the pagamenti subgraph).' })
export class RppRef {
  @Field(() => ID, { description: 'The Ente Creditore.' }) idDominio!: string;
  @Field(() => ID, { description: 'The IUV paid.' }) iuv!: string;
  @Field(() => ID, { description: "The receipt's receiptId." }) ccp!: string;
}
