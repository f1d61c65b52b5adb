import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import {
  GraphQLError,
  Kind,
  validate,
  type ParseOptions,
  type DocumentNode,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { createComplexityRule } from 'graphql-query-complexity';
import type { Config } from '../core/config';
import type { GatewayContext } from './context';
import { fieldCost } from './graph-cost';

export type GraphLimits = Pick<Config['graphql'], 'maxDepth' | 'maxCost' | 'maxAliases' | 'maxTokens'>;

export interface OperationRequest {
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

/**
 * The graph's limits for outside callers, checked before anything runs: tokens (at parsing,
 * see `parseLimits`), depth, aliases (graphql-armor) and cost
 * (graphql-query-complexity, with the variables' values, through fragments and aliases; see
 * graph-cost.ts). REST compat's own operations (which read whole configurations on purpose) are
 * trusted and not limited.
 */
export function operationLimitsPlugin(limits: GraphLimits): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (contextValue.trusted || !operation) return;
          assertWithinLimits(schema, document, { variables: request.variables, operationName: operation.name?.value }, limits);
        },
      };
    },
  };
}

/**
 * The token limit, applied by graphql-js's parser as it reads (Apollo's `parseOptions`, and the
 * WebSocket endpoint's parse): a longer document is refused before it is built or validated.
 */
export function parseLimits(limits: GraphLimits): ParseOptions {
  return { maxTokens: limits.maxTokens };
}

/** Throws the first limit the operation exceeds, as a 400 GraphQL error with its own code. */
export function assertWithinLimits(schema: GraphQLSchema, document: DocumentNode, request: OperationRequest, limits: GraphLimits): void {
  const rules = [
    depthRule(limits.maxDepth),
    aliasesRule(limits.maxAliases),
    createComplexityRule({
      maximumComplexity: limits.maxCost,
      variables: request.variables ?? {},
      ...(request.operationName ? { operationName: request.operationName } : {}),
      estimators: [fieldCost],
      createError: (max, actual) => limitError(`Query cost ${actual} exceeds the limit of ${max}.`, 'QUERY_TOO_COSTLY'),
    }),
  ];
  let first: GraphQLError | undefined;
  try {
    [first] = validate(schema, document, rules);
  } catch (e) {
    // graphql-query-complexity throws, rather than reports, a document of more than 10,000 nodes.
    throw limitError((e as Error).message, 'QUERY_TOO_COSTLY');
  }
  if (first) throw first.extensions?.http ? first : limitError(first.message, 'BAD_USER_INPUT');
}

function limitError(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

function aliasesRule(max: number): ValidationRule {
  return maxAliasesRule({
    n: max,
    propagateOnRejection: false,
    onReject: [
      (context, error) =>
        (context as ValidationContext).reportError(limitError(error.message.replace(/^Syntax Error: /, ''), 'TOO_MANY_ALIASES')),
    ],
  }) as unknown as ValidationRule;
}

/** Refuses an operation whose selections, fragments expanded, nest deeper than `max`. */
function depthRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const depth = depthOf(operation.selectionSet, context, new Set());
      if (depth > max) context.reportError(limitError(`Query depth ${depth} exceeds the limit of ${max}.`, 'QUERY_TOO_DEEP'));
    },
  });
}

function depthOf(set: SelectionSetNode, context: ValidationContext, visiting: Set<string>): number {
  let depth = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      depth = Math.max(depth, 1 + (sel.selectionSet ? depthOf(sel.selectionSet, context, visiting) : 0));
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      depth = Math.max(depth, depthOf(sel.selectionSet, context, visiting));
    } else if (!visiting.has(sel.name.value)) {
      const fragment = context.getFragment(sel.name.value);
      if (!fragment) continue;
      visiting.add(sel.name.value);
      depth = Math.max(depth, depthOf(fragment.selectionSet, context, visiting));
      visiting.delete(sel.name.value);
    }
  }
  return depth;
}
