import { Directive, Field, ID, InterfaceType, ObjectType } from 'type-graphql';
import { NODE_DESCRIPTION, NODE_ID_DESCRIPTION } from '../../runtime/node';

/** What node(id:) returns: the type and id; the type's own subgraph resolves the rest as an entity. */
export interface NodeRef {
  __typename: string;
  id: string;
}

@Directive('@key(fields: "id")')
@InterfaceType('Node', { description: NODE_DESCRIPTION, resolveType: (ref: NodeRef) => ref.__typename })
export abstract class NodeInterface {
  @Field(() => ID, { description: NODE_ID_DESCRIPTION }) id!: string;
}

const declared = new Set<string>();

/**
 * Declares the Node types as this subgraph knows them: their id only (no description: the
 * owner's is the type's). Federation wants the subgraph declaring an entity interface to declare
 * every implementation; each type is declared once per process, however often the schema is built.
 */
export function declareNodeTypes(names: readonly string[]): void {
  for (const name of names) {
    if (declared.has(name)) continue;
    declared.add(name);
    const stub = class {};
    Object.defineProperty(stub, 'name', { value: `${name}Node` });
    Field(() => ID, { description: NODE_ID_DESCRIPTION })(stub.prototype, 'id');
    Directive('@key(fields: "id")')(stub);
    ObjectType(name, { implements: NodeInterface })(stub);
  }
}
