import { Field, ObjectType, type ClassType } from 'type-graphql';

export interface SavedShape<T> {
  created: boolean;
  node: T;
}

/** Builds the result type of an upsert mutation: whether it created the record, and the record. */
export function Saved<T extends object>(node: ClassType<T>): ClassType<SavedShape<T>> {
  @ObjectType(`${node.name}Saved`)
  class SavedType {
    @Field(() => Boolean, { description: 'True when the record did not exist before.' })
    created!: boolean;

    @Field(() => node)
    node!: T;
  }
  return SavedType;
}

export const saved = <T>(r: { created: boolean; value: T }): SavedShape<T> => ({ created: r.created, node: r.value });
