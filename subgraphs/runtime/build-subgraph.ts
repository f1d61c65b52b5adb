import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';

const FEDERATION_LINK =
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
): Promise<BuiltSubgraph> {
  const base = await buildSchema({ resolvers, validate: false, emitSchemaFile: false });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(base)}\n`;
  const map = createResolversMap(base) as Record<string, Record<string, unknown>>;
  for (const [type, ref] of Object.entries(referenceResolvers)) map[type] = { ...(map[type] ?? {}), ...ref };
  const schema = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: map as never });
  return { schema, sdl };
}
