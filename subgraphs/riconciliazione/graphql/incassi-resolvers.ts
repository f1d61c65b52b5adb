import { Query, Resolver } from 'type-graphql';

// Placeholder until the incassi helper replaces this file.
@Resolver()
export class IncassiResolver {
  @Query(() => Boolean)
  incassiPlaceholder(): boolean {
    return true;
  }
}

export const incassiReferenceResolvers = {};
