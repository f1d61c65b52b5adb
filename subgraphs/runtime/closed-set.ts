import { registerEnumType } from 'type-graphql';

/**
 * The GraphQL enum of a closed set the domain writes its values from (its const array): one source,
 * so the graph can neither refuse a value the domain stores nor accept one it never writes, and a
 * value outside it is refused by validation before any resolver runs. Each value is its own name,
 * so clients and GovPay's REST read the same text; `about` describes the values that need it.
 */
export function enumOf<V extends string>(
  values: readonly V[],
  name: string,
  description: string,
  about: Partial<Record<V, string>> = {},
): Record<V, V> {
  const e = Object.fromEntries(values.map((v) => [v, v])) as Record<V, V>;
  const valuesConfig = Object.fromEntries(Object.entries(about).map(([v, d]) => [v, { description: d as string }])) as Partial<
    Record<V, { description: string }>
  >;
  registerEnumType(e, { name, description, valuesConfig });
  return e;
}
