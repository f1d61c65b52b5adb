import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  type ArgumentNode,
  type DocumentNode,
  Kind,
  type OperationDefinitionNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { GatewayContext } from './context';

const DEFAULT_PAGE_SIZE = 25;

/**
 * Query depth and cost limits for the graph's outside callers, checked before anything runs.
 * Cost counts each field once, multiplied by the page size (`first`, default 25) of every
 * connection above it, which is how a deep query over connections gets expensive. REST compat's
 * own operations (which read whole configurations on purpose) are trusted and not limited.
 */
export function operationLimitsPlugin(maxDepth: number, maxCost: number): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, contextValue }) {
          if (contextValue.trusted || !operation) return;
          assertWithinLimits(document, operation, maxDepth, maxCost);
        },
      };
    },
  };
}

/** Throws the graph's QUERY_TOO_DEEP / QUERY_TOO_COSTLY error when the operation exceeds a limit. */
export function assertWithinLimits(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  maxDepth: number,
  maxCost: number,
): void {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  }
  const { depth, cost } = measure(operation.selectionSet, fragments, new Set());
  if (depth > maxDepth) {
    throw new GraphQLError(`Query depth ${depth} exceeds the limit of ${maxDepth}.`, {
      extensions: { code: 'QUERY_TOO_DEEP', http: { status: 400 } },
    });
  }
  if (cost > maxCost) {
    throw new GraphQLError(`Query cost ${cost} exceeds the limit of ${maxCost}.`, {
      extensions: { code: 'QUERY_TOO_COSTLY', http: { status: 400 } },
    });
  }
}

function measure(
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  visiting: Set<string>,
): { depth: number; cost: number } {
  let depth = 0;
  let cost = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      if (!sel.selectionSet) {
        cost += 1;
        depth = Math.max(depth, 1);
        continue;
      }
      const inner = measure(sel.selectionSet, fragments, visiting);
      const multiplier = isConnection(sel.selectionSet) ? pageSize(sel.arguments ?? []) : 1;
      cost += 1 + inner.cost * multiplier;
      depth = Math.max(depth, 1 + inner.depth);
    } else {
      const fragment =
        sel.kind === Kind.INLINE_FRAGMENT ? sel : visiting.has(sel.name.value) ? undefined : fragments.get(sel.name.value);
      if (!fragment) continue;
      const key = sel.kind === Kind.FRAGMENT_SPREAD ? sel.name.value : '';
      if (key) visiting.add(key);
      const inner = measure(fragment.selectionSet, fragments, visiting);
      if (key) visiting.delete(key);
      cost += inner.cost;
      depth = Math.max(depth, inner.depth);
    }
  }
  return { depth, cost };
}

/** The hub's lists are connections: a selection that reads `nodes` reads up to a page of them. */
function isConnection(set: SelectionSetNode): boolean {
  return set.selections.some((s) => s.kind === Kind.FIELD && s.name.value === 'nodes');
}

/** The literal `first`, or the default page size when it is absent or a variable. */
function pageSize(args: readonly ArgumentNode[]): number {
  const first = args.find((a) => a.name.value === 'first');
  return first?.value.kind === Kind.INT ? Math.max(1, Number(first.value.value)) : DEFAULT_PAGE_SIZE;
}
