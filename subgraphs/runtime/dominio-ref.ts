import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A dominio as the subgraphs other than the anagrafica reference it: by its key only. */
@Directive('@key(fields: "idDominio", resolvable: false)')
@ObjectType('Dominio', { description: 'An Ente Creditore (owned by the anagrafica subgraph).' })
export class DominioRef {
  @Field(() => ID) idDominio!: string;
}
