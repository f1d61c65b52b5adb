import DataLoader from 'dataloader';
import { Field, FieldResolver, ID, Int, InterfaceType, Resolver, Root, type ClassType } from 'type-graphql';
import { errors } from '../../core/errors';
import { fromGlobalId, fromGlobalKeyId, toGlobalId, toGlobalKeyId } from '../../core/global-id';
import { memoized, type SubgraphContext } from './context';

export const NODE_DESCRIPTION = 'An object with an opaque global id: refetch it with node(id:).';
export const NODE_ID_DESCRIPTION = 'An opaque global id: keep it as a string and refetch the object with node(id:).';

/**
 * The Node interface as the subgraphs owning its types declare it. The node subgraph declares it
 * as an entity interface (@key) with every type it has a reader for, so none is registered from here.
 */
@InterfaceType('Node', { description: NODE_DESCRIPTION, autoRegisterImplementations: false })
export abstract class Node {
  @Field(() => ID, { description: NODE_ID_DESCRIPTION }) id!: string;
}

/**
 * How a Node type's subgraph reads one of its objects by global id: through the type's own query
 * (its rights, its dominio scoping, its error or null for a missing or forbidden object).
 */
export type NodeReader = (id: string, ctx: SubgraphContext) => Promise<unknown>;
/** A subgraph's Node types, by name, with their readers (what it publishes to the node subgraph). */
export type NodeReaders = Record<string, NodeReader>;

type ResolveReference = (ref: never, ctx: SubgraphContext) => unknown;

/** A reader out of a type's `__resolveReference` by `id` (types whose only key was already their global id). */
export const readerOf =
  (resolveReference: (ref: { id: string }, ctx: SubgraphContext) => unknown): NodeReader =>
  async (id, ctx) =>
    resolveReference({ id }, ctx);

/**
 * The `__resolveReference` of a Node type: a reference by global id (node(id:), nodes(ids:)) is
 * read by `read`, each id once per request; one by the type's other keys goes to `byOtherKey`.
 */
export function nodeReference(type: string, read: NodeReader, byOtherKey?: ResolveReference) {
  return {
    __resolveReference: (ref: { id?: string }, ctx: SubgraphContext) =>
      typeof ref.id === 'string' || !byOtherKey ? nodeLoader(ctx, type, read).load(String(ref.id)) : byOtherKey(ref as never, ctx),
  };
}

function nodeLoader(ctx: SubgraphContext, type: string, read: NodeReader) {
  return memoized(
    ctx,
    `node:${type}`,
    () =>
      new DataLoader<string, unknown>(async (ids) => {
        // One after the other: the reads share the request's EntityManager.
        const out: unknown[] = [];
        for (const id of ids) out.push(await read(id, ctx).catch((e: Error) => e));
        return out;
      }),
  );
}

/** A Node type known by a natural key: the fields its id encodes, and how its own query reads it by them. */
export interface NaturalKeyNode {
  /** The GraphQL type (its class). */
  type: ClassType;
  name: string;
  key: readonly string[];
  read: (key: string[], ctx: SubgraphContext) => Promise<unknown>;
  /** The type's references by its other keys, unchanged. */
  byOtherKey?: ResolveReference;
}

/**
 * Natural-key Node types: the resolver of each one's `id` field, their readers, and their
 * `__resolveReference`s (by id or, as before, by their other keys).
 */
export function naturalKeyNodes(nodes: NaturalKeyNode[]): KeyedNodes {
  const resolvers = nodes.map((n) => {
    @Resolver(() => n.type)
    class NodeIdResolver {
      @FieldResolver(() => ID, { description: NODE_ID_DESCRIPTION })
      id(@Root() root: Record<string, string>): string {
        return toGlobalKeyId(
          n.name,
          n.key.map((f) => root[f]),
        );
      }
    }
    return NodeIdResolver;
  });
  return published(resolvers, nodes, (n, id, ctx) => n.read(fromGlobalKeyId(n.name, id, n.key.length), ctx));
}

/** What a subgraph's keyed Node types publish: their id resolvers, their readers and their `__resolveReference`s. */
export interface KeyedNodes {
  resolvers: Function[];
  readers: NodeReaders;
  references: Record<string, ReturnType<typeof nodeReference>>;
}

function published<N extends { name: string; byOtherKey?: ResolveReference }>(
  resolvers: Function[],
  nodes: N[],
  read: (n: N, id: string, ctx: SubgraphContext) => Promise<unknown>,
): KeyedNodes {
  const readers: NodeReaders = Object.fromEntries(nodes.map((n) => [n.name, (id: string, ctx: SubgraphContext) => read(n, id, ctx)]));
  const references = Object.fromEntries(nodes.map((n) => [n.name, nodeReference(n.name, readers[n.name], n.byOtherKey)]));
  return { resolvers, readers, references };
}

/**
 * A Node type known by an integer primary key: its views carry the key as `id`, the graph shows it
 * as `numero` beside the global `id` (as Evento does), and its own query reads it by the key.
 */
export interface IntegerKeyNode {
  type: ClassType;
  name: string;
  /** What the type's `numero` is to its users (the REST id GovPay shows). */
  numero: string;
  read: (pk: number, ctx: SubgraphContext) => Promise<unknown>;
}

/** Integer-key Node types: the resolvers of each one's `id` and `numero`, their readers and `__resolveReference`s by id. */
export function integerKeyNodes(nodes: IntegerKeyNode[]): KeyedNodes {
  const resolvers = nodes.map((n) => {
    @Resolver(() => n.type)
    class NodeIdResolver {
      @FieldResolver(() => ID, { description: NODE_ID_DESCRIPTION })
      id(@Root() root: { id: number }): string {
        return toGlobalId(n.name, root.id);
      }

      @FieldResolver(() => Int, { description: n.numero })
      numero(@Root() root: { id: number }): number {
        return root.id;
      }
    }
    return NodeIdResolver;
  });
  return published(resolvers, nodes, (n, id, ctx) => n.read(fromGlobalId(n.name, id), ctx));
}

/** The primary key a query of an integer-key Node type is given: its `numero` or its global `id`, exactly one. */
export function integerKeyOf(type: string, args: { numero?: number | null; id?: string | null }): number {
  const { numero, id } = args;
  if ((numero === null || numero === undefined) === (id === null || id === undefined)) {
    throw errors.syntax('Indicare uno solo tra id e numero.');
  }
  return numero ?? fromGlobalId(type, id as string);
}
