import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  Kind,
  type OperationDefinitionNode,
  OperationTypeNode,
  parseType,
  print,
  type SelectionSetNode,
  visit,
} from 'graphql';
import type { HubEvent } from '../../core/events';
import type { Topic } from '../../subgraphs/esiti/services';

/** The response key of the object in the event query's result. */
export const EVENT_QUERY_KEY = 'node';

/** A prefix the subscriber's own variable names cannot collide with in practice. */
const EVENT_VARIABLE_PREFIX = 'hubEvent_';

const eventVariableName = (name: string) => `${EVENT_VARIABLE_PREFIX}${name}`;

/**
 * The query that reads, for one event, what the subscriber selected on its subscription field:
 * the topic's query field with the event's keys as variables, the subscriber's selection set,
 * and the fragments and variables that selection uses. The graph answers with the subscriber's
 * own aliases, so its result is the subscription's result as it stands.
 */
export function eventQuery(
  topic: Topic,
  info: GraphQLResolveInfo,
): { query: string; variablesFor: (e: HubEvent) => Record<string, unknown> } {
  const selection = info.fieldNodes[0].selectionSet;
  if (!selection) throw new Error(`Subscription ${topic.field} without a selection set`);
  const fragments = usedFragments(selection, info.fragments);
  const variableNames = usedVariables([selection, ...fragments.map((f) => f.selectionSet)]);
  const ownVariables = (info.operation.variableDefinitions ?? []).filter((d) => variableNames.has(d.variable.name.value));

  const root: FieldNode = {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: EVENT_QUERY_KEY },
    name: { kind: Kind.NAME, value: topic.query.field },
    arguments: Object.keys(topic.query.args).map((name) => ({
      kind: Kind.ARGUMENT,
      name: { kind: Kind.NAME, value: name },
      value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: eventVariableName(name) } },
    })),
    selectionSet: selection,
  };
  const operation: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: OperationTypeNode.QUERY,
    name: { kind: Kind.NAME, value: `HubEvent_${topic.field}` },
    variableDefinitions: [
      ...Object.entries(topic.query.args).map(([name, a]) => ({
        kind: Kind.VARIABLE_DEFINITION as const,
        variable: { kind: Kind.VARIABLE as const, name: { kind: Kind.NAME as const, value: eventVariableName(name) } },
        type: parseType(a.type),
      })),
      ...ownVariables,
    ],
    selectionSet: { kind: Kind.SELECTION_SET, selections: [root] },
  };
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [operation, ...fragments],
  };
  const own = Object.fromEntries(ownVariables.map((d) => [d.variable.name.value, info.variableValues[d.variable.name.value]]));
  const args = Object.entries(topic.query.args);
  return {
    query: print(document),
    variablesFor: (e) => ({ ...own, ...Object.fromEntries(args.map(([name, a]) => [eventVariableName(name), a.from(e as never)])) }),
  };
}

function usedFragments(selection: SelectionSetNode, all: Record<string, FragmentDefinitionNode>): FragmentDefinitionNode[] {
  const found = new Map<string, FragmentDefinitionNode>();
  const walk = (set: SelectionSetNode) =>
    visit(set, {
      FragmentSpread(node) {
        const fragment = all[node.name.value];
        if (!fragment || found.has(node.name.value)) return;
        found.set(node.name.value, fragment);
        walk(fragment.selectionSet);
      },
    });
  walk(selection);
  return [...found.values()];
}

function usedVariables(sets: SelectionSetNode[]): Set<string> {
  const names = new Set<string>();
  for (const set of sets) visit(set, { Variable: (node) => void names.add(node.name.value) });
  return names;
}
