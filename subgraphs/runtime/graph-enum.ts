import { registerEnumType } from 'type-graphql';

/**
 * A GraphQL enum over values the domain declares once (a state's list): a value outside it is
 * refused by the graph's validation, before any resolver runs. `about` describes values that need it.
 */
export function graphEnum<T extends string>(
  name: string,
  values: readonly T[],
  description: string,
  about: Partial<Record<T, string>> = {},
): Record<T, T> {
  const e = Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
  const valuesConfig = Object.fromEntries(Object.entries(about).map(([v, d]) => [v, { description: d as string }])) as Partial<
    Record<T, { description: string }>
  >;
  registerEnumType(e, { name, description, valuesConfig });
  return e;
}
