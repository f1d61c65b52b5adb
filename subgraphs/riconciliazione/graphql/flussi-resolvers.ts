import { Query, Resolver } from 'type-graphql';

// Placeholder until the flussi helper replaces this file.
@Resolver()
export class FlussiResolver {
  @Query(() => Boolean)
  flussiPlaceholder(): boolean {
    return true;
  }
}

export const flussiReferenceResolvers = {};
