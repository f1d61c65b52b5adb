import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { errors } from '../../../core/errors';
import { parseGlobalId } from '../../../core/global-id';
import type { SubgraphContext } from '../../runtime/context';
import type { NodeReaders } from '../../runtime/node';
import { NodeInterface, type NodeRef } from './types';

/** As a page of the graph's lists. */
export const MAX_NODES = 100;

/**
 * node(id:) and nodes(ids:). An object is answered for only once its type's own query has read
 * it for the caller: a query asking for nothing but `id` never reaches the type's subgraph, and
 * must not learn that way that an object exists. The gateway then asks that subgraph for its fields.
 */
@Resolver()
export class NodeResolver {
  constructor(private readonly readers: NodeReaders = {}) {}

  @Query(() => NodeInterface, {
    nullable: true,
    description:
      "The object with this global id, as the type's own query shows it to the caller: null, with that query's error, when it is missing or not the caller's to see.",
  })
  async node(
    @Arg('id', () => ID, { description: 'A global id (the `id` of any Node).' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<NodeRef | null> {
    return this.read(this.ref(id), ctx);
  }

  @Query(() => [NodeInterface], {
    nullable: 'items',
    description: `The objects with these global ids, in their order, at most ${MAX_NODES}: null (with its error) for one missing or not the caller's to see.`,
  })
  async nodes(
    @Arg('ids', () => [ID], { description: `Global ids, at most ${MAX_NODES}.` }) ids: string[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<Array<NodeRef | null | Error>> {
    if (ids.length > MAX_NODES) throw errors.syntax(`Al massimo ${MAX_NODES} identificativi per richiesta: ricevuti ${ids.length}.`);
    const refs = ids.map((id) => this.ref(id));
    const out: Array<NodeRef | null | Error> = [];
    // One after the other: the reads share the request's EntityManager. An Error is that item's null and error.
    for (const ref of refs) out.push(await this.read(ref, ctx).catch((e: Error) => e));
    return out;
  }

  /** The type an id names, checked: a malformed id or one of a type without a reader is bad input. */
  private ref(id: string): NodeRef {
    const parsed = parseGlobalId(id);
    if (!parsed) throw errors.syntax(`L'identificativo '${id}' non e' un id globale valido.`);
    if (!this.readers[parsed.type]) throw errors.syntax(`L'identificativo '${id}' non indica un oggetto che il grafo sappia rileggere.`);
    return { __typename: parsed.type, id };
  }

  private async read(ref: NodeRef, ctx: SubgraphContext): Promise<NodeRef | null> {
    return (await this.readers[ref.__typename](ref.id, ctx)) ? ref : null;
  }
}
