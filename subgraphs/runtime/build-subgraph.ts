import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type ContainerType, type NonEmptyArray } from 'type-graphql';

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires"])';

export interface BuiltSubgraph {
  schema: GraphQLSchema;
  /** The subgraph's SDL as composition sees it (the artefact kept in schema/graphql). */
  sdl: string;
}

/**
 * Turns type-graphql resolvers into an Apollo Federation 2 subgraph: type-graphql builds the
 * executable schema, its SDL (with @key directives) is re-read by @apollo/subgraph with the
 * federation link, and the resolvers plus the entity reference resolvers are put back on it.
 */
export async function buildSubgraph(
  resolvers: NonEmptyArray<Function>,
  referenceResolvers: Record<string, { __resolveReference: (...args: never[]) => unknown }>,
  instances: object[] = [],
): Promise<BuiltSubgraph> {
  const base = await buildSchema({ resolvers, validate: false, emitSchemaFile: false, container: resolverContainer(instances) });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(base)}\n`;
  const map = createResolversMap(base) as Record<string, Record<string, unknown>>;
  for (const [type, ref] of Object.entries(referenceResolvers)) map[type] = { ...(map[type] ?? {}), ...ref };
  const schema = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: map as never });
  return { schema, sdl };
}

/**
 * How type-graphql gets a resolver object: the instance the subgraph's host built (with what it
 * was handed, such as a client of pagoPA) when there is one, else one made once with no arguments.
 */
function resolverContainer(instances: object[]): ContainerType {
  const made = new Map<Function, object>();
  return {
    get(cls: new () => object) {
      const given = instances.find((i) => i.constructor === cls);
      if (given) return given;
      let instance = made.get(cls);
      if (!instance) made.set(cls, (instance = new cls()));
      return instance;
    },
  };
}
